// Routes: /flows/…/import (multipart, streamed), import progress and history, mappings, fields.
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import {
  ErrorBody,
  FlowMapping,
  FlowMappingBody,
  FlowMappingList,
  FlowMappingParams,
  ImportFieldList,
  ImportFieldsQuery,
  ImportHistory,
  ImportIdParams,
  ImportProgress,
  ImportQuery,
  ImportReport,
  IMPORT_KINDS,
  MappingSource,
  PageQuery,
  flowFields,
  isUuid,
  type ImportKind,
} from '@taama/core';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../../config';
import type { App, AppDeps } from '../../../platform/http/app';
import { requireCtx } from '../../../platform/auth/plugin';
import { Invalid } from '../../../platform/errors';
import { importProgress, listImports, runImport } from './import.service';
import { checkMapping, listMappings, saveMapping } from './mappings.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody };
const tags = ['flows'];
/** Default upload limit; a deployment may set `importMaxBytes` in its configuration. */
export const DEFAULT_IMPORT_MAX_BYTES = 100 * 1024 * 1024;
const SOURCE_PATTERN = new RegExp((MappingSource as { pattern?: string }).pattern ?? '^.+$');

/** Reads the multipart parts: fields first (mapping, source), then streams the file into the import. */
async function handleImport(request: FastifyRequest, kind: ImportKind, mode: ImportQuery['mode']) {
  const ctx = requireCtx(request);
  const fields: Record<string, string> = {};
  const rawId = request.headers['x-import-id'];
  const importId = typeof rawId === 'string' && rawId !== '' ? rawId : null;
  if (importId !== null && !isUuid(importId)) throw new Invalid({ 'X-Import-Id': 'must be a UUID' });
  const length = Number(request.headers['content-length']);
  let report: Awaited<ReturnType<typeof runImport>> | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file' || report) {
      part.file.resume();
      continue;
    }
    let mapping: Record<string, string> | null = null;
    if (fields.mapping !== undefined && fields.mapping.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(fields.mapping);
      } catch {
        throw new Invalid({ mapping: 'must be a JSON object of column → field' });
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
        throw new Invalid({ mapping: 'must be a JSON object of column → field' });
      }
      mapping = parsed as Record<string, string>;
      checkMapping(kind, mapping);
    }
    const source = fields.source?.trim() || null;
    if (source !== null && !SOURCE_PATTERN.test(source)) throw new Invalid({ source: 'must be 1–80 letters, digits, spaces, dots, dashes or underscores' });
    report = await runImport(ctx, {
      kind,
      mode,
      fileName: part.filename || 'upload',
      source,
      mapping,
      importId,
      totalBytes: Number.isFinite(length) && length > 0 ? length : null,
      file: part.file,
    });
  }
  if (!report) throw new Invalid({ file: 'is required (a CSV or XLSX file in the "file" part, after mapping and source)' });
  return report;
}

/** Registers the import routes, with multipart limited to this scope. */
export async function importRoutes(app: App, deps: AppDeps): Promise<void> {
  const maxBytes = (deps.config as Config & { importMaxBytes?: number }).importMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 20 } });
    for (const kind of IMPORT_KINDS) {
      scoped.post(`/flows/${kind}/import`, {
        config: { access: { permission: 'flow.manage' } },
        schema: {
          tags,
          summary: `Import flow ${kind} from CSV or XLSX (multipart: mapping?, source?, then file)`,
          description: 'Optional header X-Import-Id (UUID) to follow progress at /flows/imports/{importId}/progress.',
          querystring: ImportQuery,
          response: { 200: ImportReport, ...errors },
        },
      }, async (request) => handleImport(request, kind, request.query.mode));
    }
  });

  app.get('/flows/imports/:importId/progress', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Progress of a running import (this server process)', params: ImportIdParams, response: { 200: ImportProgress, ...errors } },
  }, async (request) => importProgress(requireCtx(request), request.params.importId));

  app.get('/flows/imports', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Import history', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: ImportHistory, ...errors } },
  }, async (request) => listImports(requireCtx(request), request.query));

  app.get('/flows/mappings', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Saved column mappings', response: { 200: FlowMappingList, ...errors } },
  }, async (request) => listMappings(requireCtx(request).db));

  app.put('/flows/mappings/:kind/:source', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Save the column mapping of a source', params: FlowMappingParams, body: FlowMappingBody, response: { 200: FlowMapping, ...errors } },
  }, async (request) => saveMapping(requireCtx(request), request.params.kind, request.params.source, request.body.mapping));

  app.get('/flows/import-fields', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Taama fields an import can fill (for the mapping step)', querystring: ImportFieldsQuery, response: { 200: ImportFieldList, ...errors } },
  }, async (request) => ({
    items: flowFields(request.query.kind).map(({ name, column, type, required, codes, hxl }) => ({ name, column, type, required, hxl, ...(codes ? { codes } : {}) })),
  }));
}
