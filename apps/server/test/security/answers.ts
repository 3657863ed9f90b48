// Turning a route into a concrete request, and an answer into text the tests can search: JSON as
// sent, spreadsheets cell by cell, PDFs through their text streams.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { newId, sensitivityRank, type Sensitivity } from '@taama/core';
import { pdfText } from '../pdf-text';
import type { Fixtures } from './fixtures';
import { fillPath, pathParams, type JsonSchema, type RouteInfo } from './routes';

/**
 * The record each `{id}` route group reads in the fixtures. A new route group (e.g. the offline
 * sync) is one more line here and, for its scope check, one line in SCOPE_GROUPS.
 */
export const FIXTURE_IDS: { prefix: string; id: (f: Fixtures) => string }[] = [
  { prefix: '/api/v1/people/{id}', id: (f) => f.p1.id },
  { prefix: '/api/v1/transit-cases/{id}', id: (f) => f.transitCase.id },
  { prefix: '/api/v1/returns/{id}', id: (f) => f.returnCase.id },
  { prefix: '/api/v1/reintegration-cases/{id}', id: (f) => f.reintegrationCase.id },
  { prefix: '/api/v1/mobility/incidents/{id}', id: (f) => f.incident.id },
  { prefix: '/api/v1/sites/{id}', id: (f) => f.gaoSite },
];

const DEVICE_ID = newId();

/** Values for required query parameters and for the optional ones that make a read find the fixtures. */
export function queryFor(route: RouteInfo, f: Fixtures): string {
  const today = new Date().toISOString().slice(0, 10);
  const values: Record<string, string> = {
    mode: 'dry-run',
    kind: 'counts',
    period: '2021Q4',
    siteId: f.gaoSite,
    date: today,
    nationality: 'MLI',
    hostCountry: 'SEN',
    q: f.p1.familyName,
    personId: f.p1.id,
    // A device the caller has not registered: a pull registers it (SPEC §12), scoped to the caller.
    deviceId: DEVICE_ID,
  };
  const optionalToo = new Set(['q', 'personId']);
  const parts = route.params
    .filter((p) => p.in === 'query' && (p.required || optionalToo.has(p.name)) && values[p.name] !== undefined)
    .map((p) => `${p.name}=${encodeURIComponent(values[p.name] ?? '')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The URL of a route: fixture records for reads (`ids: 'fixtures'`), fresh unknown ids otherwise. */
export function urlFor(route: RouteInfo, f: Fixtures, ids: 'fixtures' | 'unknown', extra: Record<string, string> = {}): string {
  const group = ids === 'fixtures' ? FIXTURE_IDS.find((g) => route.path === g.prefix || route.path.startsWith(`${g.prefix}/`)) : undefined;
  const values: Record<string, string> = { period: '2021Q4', kind: 'counts', source: 'security-test', version: '1', code: 'none', ...extra };
  if (group && ids === 'fixtures') values.id = group.id(f);
  return fillPath(route, values, () => newId()) + (route.method === 'GET' ? queryFor(route, f) : '');
}

/** Tells whether every path parameter of a route is backed by a fixture record. */
export function backedByFixtures(route: RouteInfo): boolean {
  const names = pathParams(route);
  return names.length === 1 && names[0] === 'id' && FIXTURE_IDS.some((g) => route.path === g.prefix || route.path.startsWith(`${g.prefix}/`));
}

/** The text of an answer, whatever its format, lower-cased for searching. */
export async function answerText(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) return (await spreadsheetCells(res.rawPayload)).join('\n').toLowerCase();
  if (type.includes('application/pdf')) return pdfText(res.rawPayload).toLowerCase();
  return res.body.toLowerCase();
}

/** Every cell of every sheet of an XLSX file, as the text a spreadsheet program would show. */
export async function spreadsheetCells(data: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((c) => {
        const v = c.value;
        if (v === null || v === undefined) return;
        if (typeof v === 'object' && 'formula' in v) cells.push(`=${String(v.formula)}`);
        else if (typeof v === 'object' && 'richText' in v) cells.push(v.richText.map((r) => r.text).join(''));
        else if (typeof v === 'object' && 'text' in v) cells.push(String(v.text));
        else if (v instanceof Date) cells.push(v.toISOString());
        else cells.push(String(v as string | number | boolean));
      });
    });
  });
  return cells;
}

/**
 * Paths of the properties present in `value` whose schema label is above `ceiling`: what the
 * redaction must have removed. Walks objects, arrays and union branches like the redaction does.
 */
export function labelledAbove(schema: JsonSchema | undefined, value: unknown, ceiling: Sensitivity, at = ''): string[] {
  if (!schema || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => labelledAbove(schema.items, v, ceiling, `${at}[${i}]`)) : [];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return [...new Set(branches.flatMap((b) => labelledAbove(b, value, ceiling, at)))];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!childSchema) continue;
    const label = childSchema['x-sensitivity'] as Sensitivity | undefined;
    if (label && sensitivityRank(label) > sensitivityRank(ceiling)) found.push(`${at}.${key}`);
    found.push(...labelledAbove(childSchema, child, ceiling, `${at}.${key}`));
  }
  return found;
}
