// Routes: /flows/export.* (open data) and /flows/publications (reviewed, reproducible releases).
import { Type } from 'typebox';
import { Codes, ErrorBody, ExportMetadata, FLOW_COUNT_STATUSES, FlowExportQuery, IdParams, PageQuery, Publication, PublicationInput, PublicationList } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { buildExportTable, countsRecordCsv, exportMetadata, tableCsv, tableXlsx } from './export.service';
import { createPublication, listPublications, publicationCsv } from './publications.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
/** A file body: sent as bytes, never serialised. */
const FileBody = (description: string) => Type.Unknown({ description });
const tags = ['flows'];
const stamp = () => new Date().toISOString().slice(0, 10);

/** Registers the open-data and publication routes. */
export async function openDataRoutes(app: App): Promise<void> {
  app.get('/flows/export.csv', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'Open-data CSV (label row, HXL row, disclosure control)', querystring: FlowExportQuery, response: { 200: FileBody('CSV UTF-8: label row, HXL row, data'), ...errors } },
  }, async (request, reply) => {
    const ctx = requireCtx(request);
    const table = await buildExportTable(ctx.db, ctx.scope, request.query, null);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="taama-flows-${stamp()}.csv"`)
      .send(tableCsv(table));
  });

  app.get('/flows/export.meta.json', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'Metadata of the open-data CSV with the same filters', querystring: FlowExportQuery, response: { 200: ExportMetadata, ...errors } },
  }, async (request) => {
    const ctx = requireCtx(request);
    const table = await buildExportTable(ctx.db, ctx.scope, request.query, null);
    return exportMetadata(request.query, table, new Date());
  });

  app.get('/flows/export.xlsx', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'Open-data XLSX (data sheet with HXL row, metadata sheet)', querystring: FlowExportQuery, response: { 200: FileBody('XLSX workbook'), ...errors } },
  }, async (request, reply) => {
    const ctx = requireCtx(request);
    const table = await buildExportTable(ctx.db, ctx.scope, request.query, null);
    const bytes = await tableXlsx(table, exportMetadata(request.query, table, new Date()));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="taama-flows-${stamp()}.xlsx"`)
      .send(bytes);
  });

  app.get('/flows/counts/export.csv', {
    config: { access: { permission: 'flow.manage' } },
    schema: {
      tags,
      summary: 'Record-level CSV of counts (internal; snake_case labels + HXL row; re-imports as is)',
      querystring: Type.Object({ ...FlowExportQuery.properties, status: Type.Optional(Codes(FLOW_COUNT_STATUSES)) }, { additionalProperties: false }),
      response: { 200: FileBody('CSV UTF-8'), ...errors },
    },
  }, async (request, reply) => {
    const ctx = requireCtx(request);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="taama-flow-counts-${stamp()}.csv"`)
      .send(await countsRecordCsv(ctx.db, ctx.scope, request.query));
  });

  app.post('/flows/publications', {
    config: { access: { permission: 'flow.publish' } },
    schema: { tags, summary: 'Publish the open-data file for these filters (audited, reproducible)', body: PublicationInput, response: { 201: Publication, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createPublication(requireCtx(request), request.body)));

  app.get('/flows/publications', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'Publications, newest first', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: PublicationList, ...errors } },
  }, async (request) => listPublications(requireCtx(request), request.query));

  app.get('/flows/publications/:id/export.csv', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'The published CSV, rebuilt byte for byte (checked against its SHA-256)', params: IdParams, response: { 200: FileBody('the published CSV'), ...errors } },
  }, async (request, reply) => {
    const { bytes, sha256 } = await publicationCsv(requireCtx(request), request.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="taama-flows-publication-${request.params.id}.csv"`)
      .header('x-content-sha256', sha256)
      .send(bytes);
  });
}
