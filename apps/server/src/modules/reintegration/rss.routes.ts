// Routes: RSS instruments (list, read, add as JSON or XLSX, template) and survey results.
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { ErrorBody, IdParams, RssInput, RssInstrumentListItem, RssInstrumentParams, RssInstrumentSchema, RssResult, RssResults, RssSummary, RssSummaryQuery, type RssInstrument } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { Invalid } from '../../platform/errors';
import { errors, tags, uploadedFile } from './cases.routes';
import { createInstrument, getInstrument, listInstruments } from './rss-instruments.service';
import { addRss, listRss, rssSummary } from './rss.service';
import { instrumentTemplate, parseInstrumentXlsx, withSheetRows } from './rss-xlsx';

const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Registers the RSS routes. */
export async function rssRoutes(app: App): Promise<void> {
  app.get('/rss/instruments', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: 'RSS instrument versions (reintegration readers and instrument managers)', response: { 200: Type.Object({ items: Type.Array(RssInstrumentListItem) }), ...errors } },
  }, async (request) => listInstruments(requireCtx(request)));

  app.get('/rss/instruments/template.xlsx', {
    config: { access: { permission: 'rssInstrument.manage' } },
    schema: { tags, summary: 'The XLSX template of an instrument (the default instrument in the import layout)', response: { 200: Type.Unknown({ description: 'XLSX bytes' }), ...errors } },
  }, async (_request, reply) =>
    reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="rss-instrument-template.xlsx"').send(await instrumentTemplate()));

  app.get('/rss/instruments/:version', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: 'One instrument in full', params: RssInstrumentParams, response: { 200: RssInstrumentSchema, ...errors } },
  }, async (request) => getInstrument(requireCtx(request), request.params.version));

  app.post('/rss/instruments', {
    config: { access: { permission: 'rssInstrument.manage' } },
    schema: { tags, summary: 'Add an instrument version (validated: weights, scores, derived items, codes)', body: RssInstrumentSchema, response: { 201: RssInstrumentSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createInstrument(requireCtx(request), request.body as RssInstrument)));

  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 10 } });
    scoped.post('/rss/instruments/import', {
      config: { access: { permission: 'rssInstrument.manage' } },
      schema: { tags, summary: 'Add an instrument version from an XLSX workbook (sheets meta, items, options)', response: { 201: RssInstrumentSchema, ...errors, 413: ErrorBody, 415: ErrorBody } },
    }, async (request, reply) => {
      const instrument = await parseInstrumentXlsx(await uploadedFile(request));
      try {
        return reply.status(201).send(await createInstrument(requireCtx(request), instrument));
      } catch (error) {
        if (error instanceof Invalid && error.fields) throw new Invalid(withSheetRows(error.fields), error.message);
        throw error;
      }
    });
  });

  app.post('/reintegration-cases/:id/rss', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Record and score an RSS survey', params: IdParams, body: RssInput, response: { 201: RssResult, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addRss(requireCtx(request), request.params.id, request.body)));

  app.get('/reintegration-cases/:id/rss', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'A case’s RSS results with the change from baseline to follow-up', params: IdParams, response: { 200: RssResults, ...errors } },
  }, async (request) => listRss(requireCtx(request), request.params.id));

  app.get('/reintegration/rss/summary', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'RSS distributions and mean change per assistance type', querystring: RssSummaryQuery, response: { 200: RssSummary, ...errors } },
  }, async (request) => rssSummary(requireCtx(request), request.query));
}
