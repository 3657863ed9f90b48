// Routes: data-subject rights on a person — export (JSON, PDF) and four-eyes erasure (SPEC §3).
import { EraseBody, EraseResult, ErrorBody, ExportQuery, IdParams } from '@taama/core';
import { Type } from 'typebox';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { exportPerson } from './export.service';
import { exportPdf } from './export.pdf';
import { cancelErasure, erasureStatus, requestErasure } from './erase.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['privacy'];
const file = Type.Unknown({ description: 'the file' });

/** Registers the data-subject rights routes. */
export async function privacyRoutes(app: App): Promise<void> {
  app.get('/people/:id/export.json', {
    config: { access: { permission: 'person.export' } },
    schema: { tags, summary: 'Everything held about a person, from every module, with the audit trail (JSON; audited)', params: IdParams, response: { 200: file, ...errors } },
  }, async (request, reply) => {
    const data = await exportPerson(requireCtx(request), request.params.id, 'json');
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="person-${String(data.person.caseNumber)}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/people/:id/export.pdf', {
    config: { access: { permission: 'person.export' } },
    schema: { tags, summary: 'Everything held about a person, printable (PDF, fr or en; audited)', params: IdParams, querystring: ExportQuery, response: { 200: file, ...errors } },
  }, async (request, reply) => {
    const ctx = requireCtx(request);
    const data = await exportPerson(ctx, request.params.id, 'pdf');
    const bytes = await exportPdf(data, request.query.lang ?? ctx.user.locale);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="person-${String(data.person.caseNumber)}.pdf"`).send(bytes);
  });

  app.get('/people/:id/erase', {
    config: { access: { permission: 'person.erase' } },
    schema: { tags, summary: 'The pending or completed erasure request of a person (null when none)', params: IdParams, response: { 200: Type.Union([EraseResult, Type.Null()]), ...errors } },
  }, async (request) => erasureStatus(requireCtx(request), request.params.id));

  app.post('/people/:id/erase', {
    config: { access: { permission: 'person.erase' } },
    schema: {
      tags,
      summary: 'Erase a person (four-eyes): the first call records the request (202), a second user’s call carries it out (200) — identity removed everywhere, records kept under a pseudonym',
      params: IdParams,
      body: EraseBody,
      response: { 200: EraseResult, 202: EraseResult, ...errors },
    },
  }, async (request, reply) => {
    const { created, result } = await requestErasure(requireCtx(request), request.params.id, request.body.reason);
    return reply.status(created ? 202 : 200).send(result);
  });

  app.delete('/people/:id/erase', {
    config: { access: { permission: 'person.erase' } },
    schema: { tags, summary: 'Withdraw a pending erasure request', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await cancelErasure(requireCtx(request), request.params.id);
    return reply.status(204).send(null);
  });
}
