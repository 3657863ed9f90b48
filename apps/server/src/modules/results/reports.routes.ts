// Routes: /reports/… — EUTF sheet, logframe report, HXL CSV, IATI XML (report.export; audited).
import { ErrorBody, EutfReportQuery, ReportSpanQuery } from '@taama/core';
import { Type } from 'typebox';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { eutfReport, hxlReport, iatiReport, logframeReport, logframePdfReport } from './reports.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };
const tags = ['results'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = Type.Unknown({ description: 'the file' });
const stamp = () => new Date().toISOString().slice(0, 10);

/** Registers the report downloads. */
export async function reportRoutes(app: App): Promise<void> {
  app.get('/reports/eutf.xlsx', {
    config: { access: { permission: 'report.export' } },
    schema: { tags, summary: 'EUTF quarterly indicator sheet (XLSX)', querystring: EutfReportQuery, response: { 200: file, ...errors } },
  }, async (request, reply) => {
    const bytes = await eutfReport(requireCtx(request), request.query);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="eutf-${request.query.period}.xlsx"`).send(bytes);
  });

  app.get('/reports/logframe.xlsx', {
    config: { access: { permission: 'report.export' } },
    schema: { tags, summary: 'Logframe progress report (XLSX, fr or en)', querystring: ReportSpanQuery, response: { 200: file, ...errors } },
  }, async (request, reply) => {
    const bytes = await logframeReport(requireCtx(request), request.query);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="logframe-${stamp()}.xlsx"`).send(bytes);
  });

  app.get('/reports/logframe.pdf', {
    config: { access: { permission: 'report.export' } },
    schema: { tags, summary: 'Logframe progress report (printable PDF, fr or en)', querystring: ReportSpanQuery, response: { 200: file, ...errors } },
  }, async (request, reply) => {
    const bytes = await logframePdfReport(requireCtx(request), request.query);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="logframe-${stamp()}.pdf"`).send(bytes);
  });

  app.get('/reports/indicators.hxl.csv', {
    config: { access: { permission: 'report.export' } },
    schema: { tags, summary: 'Indicators in HXL long format (CSV with a hashtag row)', querystring: ReportSpanQuery, response: { 200: file, ...errors } },
  }, async (request, reply) => {
    const bytes = await hxlReport(requireCtx(request), request.query);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="indicators-${stamp()}.hxl.csv"`).send(bytes);
  });

  app.get('/reports/iati.xml', {
    config: { access: { permission: 'report.export' } },
    schema: { tags, summary: 'IATI 2.03 activity results of the action (XML)', querystring: ReportSpanQuery, response: { 200: file, ...errors } },
  }, async (request, reply) => {
    const xml = await iatiReport(requireCtx(request), request.query);
    return reply.header('content-type', 'application/xml; charset=utf-8').header('content-disposition', `attachment; filename="iati-results-${stamp()}.xml"`).send(xml);
  });
}
