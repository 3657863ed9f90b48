// The reports of SPEC §11, built from the same computation as GET /indicators; each download is audited.
import type { EutfReportQuery, IndicatorValue, ReportSpanQuery } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { computeAll } from './compute';
import { loadDefinitions, logframe } from './definitions.service';
import { indicatorTable } from './indicators.service';
import { programmeSettings } from './programme';
import { readQuarter, readSpan } from './span';
import { auditExport } from './reports/common';
import { eutfWorkbook } from './reports/eutf';
import { hxlCsv, hxlRows } from './reports/hxl';
import { iatiXml } from './reports/iati';
import { logframePdf } from './reports/logframe.pdf';
import { logframeWorkbook } from './reports/logframe';

const byCode = (items: readonly IndicatorValue[]) => new Map(items.map((i) => [i.code, i]));
const publicOnly = (ctx: RequestContext) => ctx.maxSensitivity === 'public';

/** The EUTF quarterly sheet of a quarter. */
export async function eutfReport(ctx: RequestContext, query: EutfReportQuery): Promise<Buffer> {
  const quarter = readQuarter(query.period);
  const lang = query.lang ?? ctx.user.locale;
  const programme = await programmeSettings(ctx.db);
  const items = await indicatorTable(ctx.db, { span: quarter, interval: 'quarter', by: ['sex', 'ageGroup'], locale: lang, publicOnly: publicOnly(ctx) });
  const bytes = await eutfWorkbook(items, quarter, programme, lang, new Date());
  await auditExport(ctx, 'eutf.xlsx', { period: quarter.code, lang });
  return bytes;
}

/** The logframe progress report over a span. */
export async function logframeReport(ctx: RequestContext, query: ReportSpanQuery): Promise<Buffer> {
  const programme = await programmeSettings(ctx.db);
  const span = readSpan(query, programme.start);
  const lang = query.lang ?? ctx.user.locale;
  const items = await indicatorTable(ctx.db, { span, interval: 'quarter', by: [], locale: lang, publicOnly: publicOnly(ctx) });
  const nodes = (await logframe(ctx.db)).items;
  const bytes = await logframeWorkbook(nodes, byCode(items), span, lang, new Date());
  await auditExport(ctx, 'logframe.xlsx', { from: span.from, to: span.to, lang });
  return bytes;
}

/** The logframe progress report over a span, as a printable PDF. */
export async function logframePdfReport(ctx: RequestContext, query: ReportSpanQuery): Promise<Buffer> {
  const programme = await programmeSettings(ctx.db);
  const span = readSpan(query, programme.start);
  const lang = query.lang ?? ctx.user.locale;
  const items = await indicatorTable(ctx.db, { span, interval: 'quarter', by: [], locale: lang, publicOnly: publicOnly(ctx) });
  const nodes = (await logframe(ctx.db)).items;
  const bytes = await logframePdf(nodes, byCode(items), span, lang, new Date());
  await auditExport(ctx, 'logframe.pdf', { from: span.from, to: span.to, lang });
  return bytes;
}

/** The HXL long-format CSV over a span. */
export async function hxlReport(ctx: RequestContext, query: ReportSpanQuery): Promise<Buffer> {
  const programme = await programmeSettings(ctx.db);
  const span = readSpan(query, programme.start);
  const lang = query.lang ?? ctx.user.locale;
  const definitions = await loadDefinitions(ctx.db);
  const computed = await computeAll(ctx.db, definitions, { span, interval: 'quarter', by: ['regionSexAge'], programmeStart: programme.start });
  const items = await indicatorTable(ctx.db, { span, interval: 'quarter', by: [], locale: lang, publicOnly: publicOnly(ctx) });
  const organisations = await ctx.db.selectFrom('organisations').select(['code', 'name']).execute();
  const rows = hxlRows(computed, byCode(items), new Map(organisations.map((o) => [o.code, o.name])), span);
  await auditExport(ctx, 'indicators.hxl.csv', { from: span.from, to: span.to, rows: rows.length });
  return hxlCsv(rows);
}

/** The IATI activity results XML over a span. */
export async function iatiReport(ctx: RequestContext, query: ReportSpanQuery): Promise<string> {
  const programme = await programmeSettings(ctx.db);
  const span = readSpan(query, programme.start);
  const definitions = await loadDefinitions(ctx.db);
  const items = await indicatorTable(ctx.db, { span, interval: 'quarter', by: [], locale: 'en', publicOnly: publicOnly(ctx) });
  const objectives = (await logframe(ctx.db)).items.filter((n) => n.kind === 'objective' || n.kind === 'goal');
  const xml = iatiXml({ programme, objectives, definitions, values: byCode(items), span, generatedAt: new Date() });
  await auditExport(ctx, 'iati.xml', { from: span.from, to: span.to });
  return xml;
}
