// Routes of the results framework (SPEC §11, §13): indicator values and records, the registry and
// logframe, manual values with evidence, period sign-off; reports and budget register their own.
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ErrorBody,
  IndicatorCodeParams,
  IndicatorDefinitionPatch,
  IndicatorDefinitionView,
  IndicatorList,
  IndicatorRecordPage,
  IndicatorRecordsQuery,
  IndicatorsQuery,
  Logframe,
  ManualDecision,
  ManualValue,
  ManualValueParams,
  PeriodList,
  PeriodParams,
  PeriodStatus,
  SignOffInput,
} from '@taama/core';
import type { App, AppDeps } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { getDefinition, loadDefinitions, logframe, patchDefinition, presentDefinition } from './definitions.service';
import { listIndicators } from './indicators.service';
import { indicatorRecords } from './drilldown.service';
import { createManualValue, decideManualValue, evidenceFile, listManualValues, type EvidenceFile, type ManualInput } from './manual.service';
import { listPeriods, signOff } from './periods.service';
import { EVIDENCE_MAX_BYTES } from './evidence';
import { reportRoutes } from './reports.routes';
import { budgetRoutes } from './budget.routes';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 413: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const tags = ['results'];

/** Reads a manual value from JSON or from a multipart form (fields, then the `evidence` file). */
async function readManualRequest(request: FastifyRequest): Promise<{ input: ManualInput; file: EvidenceFile | null }> {
  if (!request.isMultipart()) return { input: (request.body ?? {}) as ManualInput, file: null };
  const input: Record<string, unknown> = {};
  let file: EvidenceFile | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (['period', 'value', 'note'].includes(part.fieldname)) input[part.fieldname] = part.value;
      continue;
    }
    // toBuffer throws the multipart plugin's 413 when the file is over the limit.
    const data = await part.toBuffer();
    if (part.fieldname === 'evidence' && !file) file = { fileName: part.filename, data };
  }
  return { input, file };
}

/** Registers the results routes. */
export async function resultsRoutes(app: App, deps: AppDeps): Promise<void> {
  const secret = deps.config.secret;

  app.get('/indicators', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'Every indicator over a span: value, target, periods, cumulative, disaggregations, restatements', querystring: IndicatorsQuery, response: { 200: IndicatorList, ...errors } },
  }, async (request) => listIndicators(requireCtx(request), request.query));

  app.get('/indicators/definitions', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'The indicator registry with each indicator’s current rule', response: { 200: Type.Object({ items: Type.Array(IndicatorDefinitionView) }), ...errors } },
  }, async (request) => ({ items: (await loadDefinitions(requireCtx(request).db)).map(presentDefinition) }));

  app.get('/indicators/definitions/:code', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'One indicator definition', params: IndicatorCodeParams, response: { 200: IndicatorDefinitionView, ...errors } },
  }, async (request) => presentDefinition(await getDefinition(requireCtx(request).db, request.params.code)));

  app.patch('/indicators/definitions/:code', {
    config: { access: { permission: 'indicator.manage' } },
    schema: { tags, summary: 'Edit an indicator (If-Match: version); a changed computation is a new rule version', params: IndicatorCodeParams, headers: IfMatchHeaders, body: IndicatorDefinitionPatch, response: { 200: IndicatorDefinitionView, ...errors } },
  }, async (request) => patchDefinition(requireCtx(request), request.params.code, expectedVersion(request), request.body));

  app.get('/logframe', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'The logframe: goal, objectives, outputs, activities and their indicators', response: { 200: Logframe, ...errors } },
  }, async (request) => logframe(requireCtx(request).db));

  app.get('/indicators/:code/records', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'The records behind an indicator’s value (pseudonymised without person.read; not for public-level roles)', params: IndicatorCodeParams, querystring: IndicatorRecordsQuery, response: { 200: IndicatorRecordPage, ...errors } },
  }, async (request) => indicatorRecords(requireCtx(request), secret, request.params.code, request.query));

  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5, fieldSize: 10_000, parts: 8 }, throwFileSizeLimit: true });
    scoped.post('/indicators/:code/manual-values', {
      config: { access: { permission: 'indicator.manage' } },
      bodyLimit: EVIDENCE_MAX_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: 'Enter a manual value for a quarter (multipart: period, value, note?, then the evidence file — PDF, JPEG, PNG or XLSX, at most 10 MB)',
        params: IndicatorCodeParams,
        response: { 201: ManualValue, ...errors },
      },
    }, async (request, reply) => {
      const { input, file } = await readManualRequest(request);
      return reply.status(201).send(await createManualValue(requireCtx(request), request.params.code, input, file));
    });
  });

  app.get('/indicators/:code/manual-values', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'The manual values of an indicator, newest first', params: IndicatorCodeParams, response: { 200: Type.Object({ items: Type.Array(ManualValue) }), ...errors } },
  }, async (request) => listManualValues(requireCtx(request), request.params.code));

  app.post('/indicators/:code/manual-values/:id/decision', {
    config: { access: { permission: 'indicator.manage' } },
    schema: { tags, summary: 'Approve or reject a pending manual value (not by the person who entered it)', params: ManualValueParams, body: ManualDecision, response: { 200: ManualValue, ...errors } },
  }, async (request) => decideManualValue(requireCtx(request), request.params.code, request.params.id, request.body.decision));

  app.get('/indicators/:code/manual-values/:id/evidence', {
    config: { access: { permission: 'indicator.manage' } },
    schema: { tags, summary: 'Download the evidence of a manual value (audited)', params: ManualValueParams, response: { 200: Type.Unknown({ description: 'the file' }), ...errors } },
  }, async (request, reply) => {
    const file = await evidenceFile(requireCtx(request), request.params.code, request.params.id);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
      .header('cache-control', 'no-store')
      .send(file.data);
  });

  app.get('/periods', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'The programme’s quarters with their status (open, ended, signed off)', response: { 200: PeriodList, ...errors } },
  }, async (request) => listPeriods(requireCtx(request)));

  app.post('/periods/:period/sign-off', {
    config: { access: { permission: 'period.signOff' } },
    schema: { tags, summary: 'Sign off an ended quarter: snapshot every indicator and lock the quarter', params: PeriodParams, body: Type.Optional(SignOffInput), response: { 201: PeriodStatus, ...errors } },
  }, async (request, reply) => reply.status(201).send(await signOff(requireCtx(request), request.params.period, request.body?.note)));

  await reportRoutes(app);
  await budgetRoutes(app);
}
