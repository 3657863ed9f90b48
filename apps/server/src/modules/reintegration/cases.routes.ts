// Routes: /reintegration-cases — the case, its assessments, plan, assistance, instalments and certificates.
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import {
  Assessment,
  AssessmentInput,
  AssistanceItem,
  AssistanceItemInput,
  AssistanceItemPatch,
  AssistanceStatusInput,
  BudgetView,
  ErrorBody,
  IdParams,
  Instalment,
  InstalmentInput,
  Page,
  Plan,
  PlanInput,
  PlanReturnInput,
  ReintegrationCase,
  ReintegrationCaseInput,
  ReintegrationCasePatch,
  ReintegrationCasesQuery,
  ReintegrationCaseSummary,
  ReintegrationTransition,
  Uuid,
} from '@taama/core';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { Invalid } from '../../platform/errors';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createCase, getCase, listCases, transitionCase, updateCase } from './cases.service';
import { addAssessment } from './assessments.service';
import { approvePlan, putPlan, returnPlan, submitPlan } from './plans.service';
import { caseBudget } from './budget.service';
import { addItem, patchItem, setItemStatus } from './assistance.service';
import { addInstalment } from './instalments.service';
import { CERTIFICATE_MAX_BYTES, getCertificate, putCertificate } from './certificates.service';

/** Error responses every reintegration route may give. */
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody, 428: ErrorBody };
export const tags = ['reintegration'];
const ItemParams = Type.Object({ id: Uuid, itemId: Uuid }, { additionalProperties: false });

/** The If-Match version when the header is present (a first plan has none). */
function optionalVersion(request: FastifyRequest): number | undefined {
  const raw = request.headers['if-match'];
  return raw === undefined || raw === '' ? undefined : expectedVersion(request);
}

/** Reads the one `file` part of a multipart upload into memory (the size limit is the plugin's). */
export async function uploadedFile(request: FastifyRequest): Promise<Buffer> {
  for await (const part of request.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') return part.toBuffer();
    if (part.type === 'file') part.file.resume();
  }
  throw new Invalid({ file: 'is required (multipart part "file")' });
}

async function caseCoreRoutes(app: App): Promise<void> {
  app.post('/reintegration-cases', {
    config: { access: { permission: 'reintegrationCase.create' } },
    schema: { tags, summary: 'Open a reintegration case for a returnee registered directly', body: ReintegrationCaseInput, response: { 201: ReintegrationCase, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createCase(requireCtx(request), request.body)));

  app.get('/reintegration-cases', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'The reintegration caseload', querystring: ReintegrationCasesQuery, response: { 200: Page(ReintegrationCaseSummary), ...errors } },
  }, async (request) => listCases(requireCtx(request), request.query));

  app.get('/reintegration-cases/:id', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'A case with everything on its page (audited read)', params: IdParams, response: { 200: ReintegrationCase, ...errors } },
  }, async (request) => getCase(requireCtx(request), request.params.id));

  app.patch('/reintegration-cases/:id', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Change the counsellor, the partner referred to or the region (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: ReintegrationCasePatch, response: { 200: ReintegrationCase, ...errors } },
  }, async (request) => updateCase(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.post('/reintegration-cases/:id/transitions', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Suspend, withdraw, lose contact, resume or complete a case', params: IdParams, body: ReintegrationTransition, response: { 200: ReintegrationCase, ...errors } },
  }, async (request) => transitionCase(requireCtx(request), request.params.id, request.body));

  app.post('/reintegration-cases/:id/assessments', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Record an assessment (the first marks the case counselled)', params: IdParams, body: AssessmentInput, response: { 201: Assessment, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addAssessment(requireCtx(request), request.params.id, request.body)));

  app.get('/reintegration-cases/:id/budget', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'The case budget against the ceiling', params: IdParams, response: { 200: BudgetView, ...errors } },
  }, async (request) => caseBudget(requireCtx(request), request.params.id));
}

async function planRoutes(app: App): Promise<void> {
  app.put('/reintegration-cases/:id/plan', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Write the draft plan (If-Match: the plan version once it exists)', params: IdParams, headers: IfMatchHeaders, body: PlanInput, response: { 200: Plan, ...errors } },
  }, async (request) => putPlan(requireCtx(request), request.params.id, optionalVersion(request), request.body));

  app.post('/reintegration-cases/:id/plan/submit', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Submit the plan for approval', params: IdParams, response: { 200: Plan, ...errors } },
  }, async (request) => submitPlan(requireCtx(request), request.params.id));

  app.post('/reintegration-cases/:id/plan/approve', {
    config: { access: { permission: 'reintegrationCase.approve' } },
    schema: { tags, summary: 'Approve a submitted plan (not by its submitter); schedules the monitoring visits', params: IdParams, response: { 200: Plan, ...errors } },
  }, async (request) => approvePlan(requireCtx(request), request.params.id));

  app.post('/reintegration-cases/:id/plan/return', {
    config: { access: { permission: 'reintegrationCase.approve' } },
    schema: { tags, summary: 'Return a submitted plan with a note', params: IdParams, body: PlanReturnInput, response: { 200: Plan, ...errors } },
  }, async (request) => returnPlan(requireCtx(request), request.params.id, request.body));
}

async function assistanceRoutes(app: App): Promise<void> {
  app.post('/reintegration-cases/:id/assistance', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Add an assistance item (planned), within the budget ceiling', params: IdParams, body: AssistanceItemInput, response: { 201: AssistanceItem, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addItem(requireCtx(request), request.params.id, request.body)));

  app.patch('/reintegration-cases/:id/assistance/:itemId', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Edit an assistance item (If-Match: version)', params: ItemParams, headers: IfMatchHeaders, body: AssistanceItemPatch, response: { 200: AssistanceItem, ...errors } },
  }, async (request) => patchItem(requireCtx(request), request.params.id, request.params.itemId, expectedVersion(request), request.body));

  app.post('/reintegration-cases/:id/assistance/:itemId/status', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Approve, deliver or cancel an item (the first delivery starts the case)', params: ItemParams, body: AssistanceStatusInput, response: { 200: AssistanceItem, ...errors } },
  }, async (request) => setItemStatus(requireCtx(request), request.params.id, request.params.itemId, request.body));

  app.post('/reintegration-cases/:id/assistance/:itemId/instalments', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Record an instalment (never more than the planned amount)', params: ItemParams, body: InstalmentInput, response: { 201: Instalment, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addInstalment(requireCtx(request), request.params.id, request.params.itemId, request.body)));

  app.get('/reintegration-cases/:id/assistance/:itemId/certificate', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'The handover certificate (audited read)', params: ItemParams, response: { 200: Type.Unknown({ description: 'the PDF or image bytes' }), ...errors } },
  }, async (request, reply) => {
    const file = await getCertificate(requireCtx(request), request.params.id, request.params.itemId);
    return reply.header('content-type', file.contentType).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(file.data);
  });

  // Multipart only in this scope, limited to one certificate.
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { fileSize: CERTIFICATE_MAX_BYTES, files: 1, fields: 5, parts: 10 } });
    scoped.post('/reintegration-cases/:id/assistance/:itemId/certificate', {
      config: { access: { permission: 'reintegrationCase.update' } },
      schema: { tags, summary: 'Upload the handover certificate (multipart "file": PDF, JPEG or PNG, at most 10 MB)', params: ItemParams, response: { 200: AssistanceItem, ...errors, 413: ErrorBody, 415: ErrorBody } },
    }, async (request) => putCertificate(requireCtx(request), request.params.id, request.params.itemId, await uploadedFile(request)));
  });
}

/** Registers the case routes. */
export async function caseRoutes(app: App): Promise<void> {
  await caseCoreRoutes(app);
  await planRoutes(app);
  await assistanceRoutes(app);
}
