// Routes: /returns — cases, transitions, history, best interest, travel documents, medical checks,
// the pipeline board and the expiring documents list.
import {
  BestInterestInput,
  DocumentParams,
  ErrorBody,
  ExpiringDocument,
  ExpiringDocumentsQuery,
  IdParams,
  MedicalCheck,
  MedicalCheckInput,
  Page,
  ReturnCase,
  ReturnCaseInput,
  ReturnCasePatch,
  ReturnCasesQuery,
  ReturnCaseSummary,
  ReturnEvents,
  ReturnPipeline,
  ReturnPipelineQuery,
  ReturnTransitionInput,
  TravelDocument,
  TravelDocumentInput,
  TravelDocumentPatch,
} from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createReturnCase, getReturnCase, listReturnCases, listReturnEvents, updateReturnCase } from './return-cases.service';
import { transitionReturnCase } from './transitions.service';
import { approveBestInterest, recordBestInterest } from './best-interest.service';
import { addTravelDocument, expiringDocuments, updateTravelDocument } from './travel-documents.service';
import { addMedicalCheck } from './medical.service';
import { returnPipeline } from './pipeline.service';

export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const tags = ['returns'];

/** Registers the return case routes. */
export async function returnCaseRoutes(app: App): Promise<void> {
  app.post('/returns', {
    config: { access: { permission: 'returnCase.create' } },
    schema: { tags, summary: 'Open a return case (inbound to Mali or outbound to the country of origin)', body: ReturnCaseInput, response: { 201: ReturnCase, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createReturnCase(requireCtx(request), request.body)));

  app.get('/returns', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'Return cases in scope', querystring: ReturnCasesQuery, response: { 200: Page(ReturnCaseSummary), ...errors } },
  }, async (request) => listReturnCases(requireCtx(request), request.query));

  app.get('/returns/pipeline', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'The pipeline board: counts per status and the cases waiting longest', querystring: ReturnPipelineQuery, response: { 200: ReturnPipeline, ...errors } },
  }, async (request) => returnPipeline(requireCtx(request), request.query));

  app.get('/returns/travel-documents/expiring', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'Issued travel documents of open cases expiring soon', querystring: ExpiringDocumentsQuery, response: { 200: Page(ExpiringDocument), ...errors } },
  }, async (request) => expiringDocuments(requireCtx(request), request.query));

  app.get('/returns/:id', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'A return case with everything on its page (audited read)', params: IdParams, response: { 200: ReturnCase, ...errors } },
  }, async (request) => getReturnCase(requireCtx(request), request.params.id));

  app.patch('/returns/:id', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Update an open case: counsellor, destination, declaration, due diligence, members (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: ReturnCasePatch, response: { 200: ReturnCase, ...errors } },
  }, async (request) => updateReturnCase(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.post('/returns/:id/transitions', {
    config: { access: { permission: 'returnCase.transition' } },
    schema: { tags, summary: 'Move a case along its workflow (409 names the allowed moves, 422 the missing facts)', params: IdParams, body: ReturnTransitionInput, response: { 200: ReturnCase, ...errors } },
  }, async (request) => transitionReturnCase(requireCtx(request), request.params.id, request.body));

  app.get('/returns/:id/events', {
    config: { access: { permission: 'returnCase.read' } },
    schema: { tags, summary: 'The case history, oldest first', params: IdParams, response: { 200: ReturnEvents, ...errors } },
  }, async (request) => listReturnEvents(requireCtx(request), request.params.id));

  app.post('/returns/:id/best-interest', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Record the best-interest determination of a child', params: IdParams, body: BestInterestInput, response: { 200: ReturnCase, ...errors } },
  }, async (request) => recordBestInterest(requireCtx(request), request.params.id, request.body));

  app.post('/returns/:id/best-interest/approve', {
    config: { access: { permission: 'returnCase.approve' } },
    schema: { tags, summary: 'Approve the best-interest determination (not by its recorder)', params: IdParams, response: { 200: ReturnCase, ...errors } },
  }, async (request) => approveBestInterest(requireCtx(request), request.params.id));

  app.post('/returns/:id/travel-documents', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Add a travel document', params: IdParams, body: TravelDocumentInput, response: { 201: TravelDocument, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addTravelDocument(requireCtx(request), request.params.id, request.body)));

  app.patch('/returns/:id/travel-documents/:docId', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Update a travel document (If-Match: the document version)', params: DocumentParams, headers: IfMatchHeaders, body: TravelDocumentPatch, response: { 200: TravelDocument, ...errors } },
  }, async (request) => updateTravelDocument(requireCtx(request), request.params.id, request.params.docId, expectedVersion(request), request.body));

  app.post('/returns/:id/medical-checks', {
    config: { access: { permission: 'returnCase.update' } },
    schema: { tags, summary: 'Record a fit-to-travel check (conditions are sensitive)', params: IdParams, body: MedicalCheckInput, response: { 201: MedicalCheck, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addMedicalCheck(requireCtx(request), request.params.id, request.body)));
}
