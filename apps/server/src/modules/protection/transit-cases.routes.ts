// Routes: /transit-cases and what is added to a case (screenings, services, notes, stays).
import { Type } from 'typebox';
import {
  CheckOutInput,
  ErrorBody,
  IdParams,
  Note,
  NoteInput,
  Page,
  Screening,
  ScreeningInput,
  Service,
  ServiceInput,
  Stay,
  StayInput,
  TransitCase,
  TransitCaseInput,
  TransitCasePatch,
  TransitCasesQuery,
  TransitCaseSummary,
  TransitCaseTransfer,
  TransitCaseTransition,
} from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createCase, getCase, listCases, transferCase, transitionCase, updateCase } from './transit-cases.service';
import { addNote, addScreening, addService, listScreenings } from './case-records.service';
import { checkIn, checkOut } from './stays.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const tags = ['protection'];

/** Registers the transit case routes. */
export async function transitCaseRoutes(app: App): Promise<void> {
  app.post('/transit-cases', {
    config: { access: { permission: 'transitCase.create' } },
    schema: { tags, summary: 'Open a transit case for a registered person', body: TransitCaseInput, response: { 201: TransitCase, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createCase(requireCtx(request), request.body)));

  app.get('/transit-cases', {
    config: { access: { permission: 'transitCase.read' } },
    schema: { tags, summary: 'The caseload', querystring: TransitCasesQuery, response: { 200: Page(TransitCaseSummary), ...errors } },
  }, async (request) => listCases(requireCtx(request), request.query));

  app.get('/transit-cases/:id', {
    config: { access: { permission: 'transitCase.read' } },
    schema: { tags, summary: 'A case with everything on its page (audited read)', params: IdParams, response: { 200: TransitCase, ...errors } },
  }, async (request) => getCase(requireCtx(request), request.params.id));

  app.patch('/transit-cases/:id', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Assign a case (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: TransitCasePatch, response: { 200: TransitCase, ...errors } },
  }, async (request) => updateCase(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.post('/transit-cases/:id/transitions', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Move a case along its workflow', params: IdParams, body: TransitCaseTransition, response: { 200: TransitCase, ...errors } },
  }, async (request) => transitionCase(requireCtx(request), request.params.id, request.body));

  app.post('/transit-cases/:id/transfer', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Transfer a case to another site', params: IdParams, body: TransitCaseTransfer, response: { 200: TransitCase, ...errors } },
  }, async (request) => transferCase(requireCtx(request), request.params.id, request.body));

  app.post('/transit-cases/:id/screenings', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Record a vulnerability screening (sets the case priority)', params: IdParams, body: ScreeningInput, response: { 201: Screening, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addScreening(requireCtx(request), request.params.id, request.body)));

  app.get('/transit-cases/:id/screenings', {
    config: { access: { permission: 'transitCase.read' } },
    schema: { tags, summary: 'A case’s screenings, newest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Screening) }), ...errors } },
  }, async (request) => listScreenings(requireCtx(request), request.params.id));

  app.post('/transit-cases/:id/services', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Record a service delivered', params: IdParams, body: ServiceInput, response: { 201: Service, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addService(requireCtx(request), request.params.id, request.body)));

  app.post('/transit-cases/:id/notes', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Add a note to a case', params: IdParams, body: NoteInput, response: { 201: Note, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addNote(requireCtx(request), request.params.id, request.body)));

  app.post('/transit-cases/:id/stays', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Check a person in at the case’s site', params: IdParams, body: StayInput, response: { 201: Stay, ...errors } },
  }, async (request, reply) => reply.status(201).send(await checkIn(requireCtx(request), request.params.id, request.body)));

  app.post('/stays/:id/check-out', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Check a person out', params: IdParams, body: CheckOutInput, response: { 200: Stay, ...errors } },
  }, async (request) => checkOut(requireCtx(request), request.params.id, request.body));
}
