// Open-data export of flow counts (SPEC §8): validated counts aggregated by point × month (or
// week) × direction × origin × final destination, with a subtotal row per point and period, a label
// row and an HXL row, and disclosure control from core. The same inputs always give the same bytes.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { FLOW_COUNT_FIELDS, flowTableRelations, suppressCells, SUPPRESSION_MAX, SUPPRESSION_MIN, type ExportGroupBy, type ExportMetadata, type FlowExportQuery } from '@taama/core';
import type { Db } from '../../platform/db/database';
import { inScope, type Scope } from '../../platform/access/scope';

/** The count columns of the export, in order: sex/age parts, total, then vulnerability sub-counts. */
export const EXPORT_COUNT_COLUMNS = [
  { key: 'men', label: 'Men (18+)', hxl: '#population+m+adults' },
  { key: 'women', label: 'Women (18+)', hxl: '#population+f+adults' },
  { key: 'boys', label: 'Boys (<18)', hxl: '#population+m+children' },
  { key: 'girls', label: 'Girls (<18)', hxl: '#population+f+children' },
  { key: 'sexAgeUnknown', label: 'Sex/age unknown', hxl: '#population+unknown' },
  { key: 'total', label: 'Total', hxl: '#population+total' },
  { key: 'childrenUnder5', label: 'Children under 5', hxl: '#population+infants' },
  { key: 'unaccompaniedChildren', label: 'Unaccompanied children', hxl: '#population+children+unaccompanied' },
  { key: 'pregnantWomen', label: 'Pregnant women', hxl: '#population+f+pregnant' },
  { key: 'elderly60plus', label: 'Elderly (60+)', hxl: '#population+elderly' },
  { key: 'personsWithDisability', label: 'Persons with disabilities', hxl: '#population+disabled' },
] as const;

const KEY_COLUMNS = [
  { label: 'Period start', hxl: '#date+start' },
  { label: 'Period end', hxl: '#date+end' },
  { label: 'FMP ID', hxl: '#loc+code' },
  { label: 'FMP name', hxl: '#loc+name' },
  { label: 'Admin1 P-code', hxl: '#adm1+code+v_pcodes' },
  { label: 'Admin2 P-code', hxl: '#adm2+code+v_pcodes' },
  { label: 'Row type', hxl: '#meta+type' },
  { label: 'Direction', hxl: '#indicator+direction' },
  { label: 'From country', hxl: '#country+code+origin+v_iso3' },
  { label: 'Final destination country', hxl: '#country+code+dest+final' },
] as const;

export const SUPPRESSION_RULES = [
  `Counts from ${SUPPRESSION_MIN} to ${SUPPRESSION_MAX} are suppressed (empty cell, suppressed = 1).`,
  'Where a row total (Total = Men + Women + Boys + Girls + Sex/age unknown) or a subtotal row (per point and period) would reveal a single suppressed cell, the next-smallest cell of that row or column is suppressed too; the check is repeated until no suppressed cell can be computed from the published totals.',
  'No percentage is published on a base below 30.',
  'Only validated counts are published; daily figures and survey microdata are never published.',
];

export interface ExportTable {
  header: string[];
  hxl: string[];
  rows: (string | number | null)[][];
  suppressedCells: number;
}

type CountKey = (typeof EXPORT_COUNT_COLUMNS)[number]['key'];
type Aggregate = { fmpId: string; fmpName: string; adm1: string | null; adm2: string | null; periodStart: string; direction: string; origin: string; destination: string } & Record<CountKey, number | null>;

function periodEnd(start: string, groupBy: ExportGroupBy): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (groupBy === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else {
    d.setUTCMonth(d.getUTCMonth() + 1);
    d.setUTCDate(0);
  }
  return d.toISOString().slice(0, 10);
}

/** Aggregates validated counts (validated at or before `asOf` when given) in a scope. */
async function aggregates(db: Db, scope: Scope, q: FlowExportQuery, asOf: Date | null): Promise<Aggregate[]> {
  const groupBy = q.groupBy ?? 'month';
  const parts = [sql<boolean>`c.status = 'validated'`, sql<boolean>`${inScope(scope, { organisation: 'c.organisation_id', owner: 'c.created_by' })}`];
  if (asOf) parts.push(sql<boolean>`c.validated_at <= ${asOf}`);
  if (q.from) parts.push(sql<boolean>`c.date >= ${q.from}::date`);
  if (q.to) parts.push(sql<boolean>`c.date <= ${q.to}::date`);
  if (q.fmpId) parts.push(sql<boolean>`c.fmp_id = ${q.fmpId}`);
  if (q.direction) parts.push(sql<boolean>`c.direction = ${q.direction}`);
  const { rows } = await sql<Aggregate>`
    select c.fmp_id, p.name as fmp_name, p.adm1_pcode as adm1, p.adm2_pcode as adm2,
           to_char(date_trunc(${groupBy}, c.date::timestamp), 'YYYY-MM-DD') as period_start,
           c.direction, c.origin_country as origin, c.final_destination_country as destination,
           sum(c.men)::int as men, sum(c.women)::int as women, sum(c.boys)::int as boys, sum(c.girls)::int as girls,
           sum(c.sex_age_unknown)::int as sex_age_unknown, sum(c.total)::int as total,
           sum(c.children_under5)::int as children_under5, sum(c.unaccompanied_children)::int as unaccompanied_children,
           sum(c.pregnant_women)::int as pregnant_women, sum(c.elderly60plus)::int as elderly60plus,
           sum(c.persons_with_disability)::int as persons_with_disability
      from flow_counts c join flow_monitoring_points p on p.id = c.fmp_id
     where ${sql.join(parts, sql` and `)}
     group by 1, 2, 3, 4, 5, 6, 7, 8
     order by 1, 5, 6, 7, 8`.execute(db);
  return rows;
}

/** Builds the published table: per point × period a subtotal row then its detail rows, suppressed. */
export async function buildExportTable(db: Db, scope: Scope, q: FlowExportQuery, asOf: Date | null): Promise<ExportTable> {
  const groupBy = q.groupBy ?? 'month';
  const data = await aggregates(db, scope, q, asOf);
  const header = [...KEY_COLUMNS.map((c) => c.label), ...EXPORT_COUNT_COLUMNS.map((c) => c.label), 'Suppressed'];
  const hxl = [...KEY_COLUMNS.map((c) => c.hxl), ...EXPORT_COUNT_COLUMNS.map((c) => c.hxl), '#meta+suppressed'];
  const rows: ExportTable['rows'] = [];
  let suppressedCells = 0;
  for (let i = 0; i < data.length; ) {
    const first = data[i];
    if (!first) break;
    let j = i;
    while (j < data.length && data[j]?.fmpId === first.fmpId && data[j]?.periodStart === first.periodStart) j += 1;
    const details = data.slice(i, j);
    i = j;
    const subtotal = EXPORT_COUNT_COLUMNS.map(({ key }) => {
      const present = details.map((d) => d[key]).filter((v): v is number => v !== null);
      return present.length === 0 ? null : present.reduce((s, v) => s + v, 0);
    });
    const values = [subtotal, ...details.map((d) => EXPORT_COUNT_COLUMNS.map(({ key }) => d[key]))];
    const relations = flowTableRelations({
      partColumns: [0, 1, 2, 3, 4],
      totalColumn: 5,
      countColumns: EXPORT_COUNT_COLUMNS.map((_, c) => c),
      groups: [{ subtotalRow: 0, rows: details.map((_, k) => k + 1) }],
      rowCount: values.length,
    });
    const { suppressed } = suppressCells({ values, relations });
    const start = first.periodStart;
    const end = periodEnd(start, groupBy);
    values.forEach((cells, r) => {
      const d = r === 0 ? null : details[r - 1];
      const hidden = suppressed[r] ?? [];
      const shown = cells.map((v, c) => (hidden[c] ? null : v));
      const flagged = hidden.some(Boolean);
      suppressedCells += hidden.filter(Boolean).length;
      rows.push([start, end, first.fmpId, first.fmpName, first.adm1, first.adm2, d ? 'detail' : 'subtotal', d?.direction ?? null, d?.origin ?? null, d?.destination ?? null, ...shown, flagged ? 1 : 0]);
    });
  }
  return { header, hxl, rows, suppressedCells };
}

/** Neutralises spreadsheet formulas: text starting with = + - @ tab or CR gets a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutralise(value);
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV bytes of a table: label row, HXL row, data; UTF-8 without BOM so HXL tools read it. */
export function tableCsv(table: ExportTable): Buffer {
  const lines = [table.header, table.hxl, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/** The SHA-256 of bytes, hex. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The metadata of an export (the XLSX "metadata" sheet and the CSV's companion JSON). */
export function exportMetadata(q: FlowExportQuery, table: ExportTable, generatedAt: Date): ExportMetadata {
  const filters: Record<string, unknown> = {};
  if (q.fmpId) filters.fmpId = q.fmpId;
  if (q.direction) filters.direction = q.direction;
  return {
    source: 'Taama flow monitoring registry (IOM DTM flow monitoring methodology)',
    period: { from: q.from ?? null, to: q.to ?? null },
    groupBy: q.groupBy ?? 'month',
    filters,
    method: 'Validated flow counts (direct observation, key informants, traveller interviews) at flow monitoring points, summed by point, period, direction, origin and final destination; one subtotal row per point and period.',
    licence: 'CC BY 4.0',
    suppressionRules: SUPPRESSION_RULES,
    generatedAt: generatedAt.toISOString(),
    rows: table.rows.length,
    suppressedCells: table.suppressedCells,
  };
}

/** The XLSX bytes: a "data" sheet (labels, HXL, rows) and a "metadata" sheet. */
export async function tableXlsx(table: ExportTable, metadata: ExportMetadata): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(table.header);
  sheet.addRow(table.hxl);
  for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
  const meta = workbook.addWorksheet('metadata');
  meta.addRow(['field', 'value']);
  const flat: [string, string][] = [
    ['source', metadata.source],
    ['period', `${metadata.period.from ?? '…'} – ${metadata.period.to ?? '…'}`],
    ['groupBy', metadata.groupBy],
    ['filters', JSON.stringify(metadata.filters)],
    ['method', metadata.method],
    ['licence', metadata.licence],
    ...metadata.suppressionRules.map((r, i): [string, string] => [`suppression rule ${i + 1}`, r]),
    ['generatedAt', metadata.generatedAt],
    ['rows', String(metadata.rows)],
    ['suppressedCells', String(metadata.suppressedCells)],
  ];
  for (const [k, v] of flat) meta.addRow([k, neutralise(v)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Taama's record-level CSV of counts (internal): the import's field names as labels, HXL row second, so it re-imports as is. */
export async function countsRecordCsv(db: Db, scope: Scope, q: FlowExportQuery & { status?: string }): Promise<Buffer> {
  const fields = FLOW_COUNT_FIELDS;
  let rows = db.selectFrom('flowCounts as c').selectAll('c').where(inScope(scope, { organisation: 'c.organisation_id', owner: 'c.created_by' }));
  if (q.from) rows = rows.where('c.date', '>=', q.from);
  if (q.to) rows = rows.where('c.date', '<=', q.to);
  if (q.fmpId) rows = rows.where('c.fmpId', '=', q.fmpId);
  if (q.direction) rows = rows.where('c.direction', '=', q.direction);
  if (q.status) rows = rows.where('c.status', '=', q.status);
  const found = await rows.orderBy('c.date').orderBy('c.id').limit(RECORD_EXPORT_LIMIT).execute();
  const cell = (name: string, r: (typeof found)[number]): string | number | null => {
    const value = (r as unknown as Record<string, unknown>)[name];
    if (value === null || value === undefined) return null;
    if (name === 'nationalities') return (value as { country: string; count: number }[]).map((n) => `${n.country}:${n.count}`).join(' ');
    return typeof value === 'number' ? value : String(value);
  };
  const table: ExportTable = { header: fields.map((f) => f.column), hxl: fields.map((f) => f.hxl ?? ''), rows: found.map((r) => fields.map((f) => cell(f.name, r))), suppressedCells: 0 };
  return tableCsv(table);
}

/** A record-level export is for review and re-import, not bulk transfer: past this, filter by dates. */
export const RECORD_EXPORT_LIMIT = 100_000;
