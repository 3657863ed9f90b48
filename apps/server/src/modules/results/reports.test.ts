// The reports parse back and say what the API says: EUTF sheet, HXL CSV, logframe XLSX, IATI XML;
// formulas are neutralised, XML is escaped, every download is audited. And bad input is a clear 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { IndicatorList, IndicatorValue } from '@taama/core';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { HXL_TAGS } from './reports/hxl';

let h: Harness;
let officer: { token: string };

beforeAll(async () => {
  h = await createHarness();
  officer = await h.userWith({ permissions: ['indicator.read', 'indicator.manage', 'report.export'], scope: 'all', maxSensitivity: 'internal' });
});
afterAll(() => h.close());

const get = (url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(officer.token) });

async function api(query: string): Promise<Map<string, IndicatorValue>> {
  const res = await get(`/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json() as IndicatorList).items.map((i) => [i.code, i]));
}

async function sheetRows(bytes: Buffer, index = 0): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[index];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** A strict enough well-formedness check: balanced tags, quoted attributes, only the five entities. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body))) {
    if (m[6]) return false;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[5])) return false;
      continue;
    }
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[3] ?? '')) return false;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) {
      stack.push(m[2] ?? '');
    }
  }
  return stack.length === 0;
}

describe('EUTF quarterly sheet', () => {
  it('parses back with the API’s values, cumulative, % of target and sex/age cells, and an about sheet; the download is audited', async () => {
    const res = await get('/reports/eutf.xlsx?period=2020Q1&lang=en');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]?.slice(0, 9)).toEqual(['Code', 'Indicator', 'Unit', 'Level', 'Baseline', 'Target', 'Quarter value', 'Cumulative', '% of target']);
    const values = await api('from=2020-01-01&to=2020-03-31&by=sex,ageGroup&lang=en');
    const row32 = rows.find((r) => r[0] === '3.2');
    const v = values.get('3.2');
    if (!row32 || !v) throw new Error('3.2 missing');
    expect(v.value).toBeGreaterThan(0); // the demo has transit services in 2020
    expect(row32.slice(0, 9)).toEqual(['3.2', v.title, v.unit, v.level, v.baseline, v.target, v.value, v.cumulative, v.percentOfTarget]);
    const sex = v.disaggregations.sex ?? {};
    const age = v.disaggregations.ageGroup ?? {};
    expect(row32.slice(9, 15)).toEqual([sex.male ?? 0, sex.female ?? 0, v.value - (sex.male ?? 0) - (sex.female ?? 0), age.adult ?? 0, age.child ?? 0, v.value - (age.adult ?? 0) - (age.child ?? 0)]);
    expect(rows.map((r) => r[0])).toEqual(['Code', ...values.keys()]);
    const about = await sheetRows(res.rawPayload, 1);
    expect(about.map((r) => r[0])).toContain('Counting rule');
    const audit = await h.database.db.selectFrom('auditLog').select('details').where('action', '=', 'report.exported').where('entityId', '=', 'eutf.xlsx').execute();
    expect(audit.some((a) => (a.details as { period?: string }).period === '2020Q1')).toBe(true);
  });

  it('is in French on request, and refuses a malformed quarter naming period', async () => {
    const fr = await sheetRows((await get('/reports/eutf.xlsx?period=2020Q2&lang=fr')).rawPayload);
    expect(fr[0]?.[6]).toBe('Valeur du trimestre');
    const bad = await get('/reports/eutf.xlsx?period=2020-Q2');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toEqual({ period: 'must be a quarter like 2025Q1' });
  });
});

describe('HXL long-format CSV', () => {
  it('has exactly the SPEC hashtags, and its rows add up to the API’s quarterly values', async () => {
    const res = await get('/reports/indicators.hxl.csv?from=2019-01-01&to=2019-12-31');
    expect(res.statusCode).toBe(200);
    const parsed = Papa.parse<string[]>(res.body.trim(), { skipEmptyLines: true }).data;
    expect(parsed[1]).toEqual(HXL_TAGS);
    expect(HXL_TAGS.join(' ')).toBe('#date+start #date+end #adm1+code #org+name+impl #indicator+code #indicator+name #targeted #reached #reached+m+adults #reached+f+adults #reached+m+children #reached+f+children');
    const values = await api('from=2019-01-01&to=2019-12-31&interval=quarter');
    const sums = new Map<string, number>();
    for (const row of parsed.slice(2)) {
      const key = `${row[4]}|${row[0]}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(row[7]));
      const cells = row.slice(8, 12).map(Number);
      expect(cells.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(Number(row[7]));
    }
    let compared = 0;
    for (const v of values.values()) {
      if (!v.available) continue;
      for (const p of v.periods) {
        const start = { Q1: '01-01', Q2: '04-01', Q3: '07-01', Q4: '10-01' }[p.period.slice(4)] ?? '';
        expect(sums.get(`${v.code}|${p.period.slice(0, 4)}-${start}`) ?? 0, `${v.code} ${p.period}`).toBe(p.value);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
    expect([...sums.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('neutralises formula-looking text', async () => {
    const defs = (await get('/indicators/definitions')).json() as { items: { code: string; version: number; title: { fr: string; en: string } }[] };
    const d = defs.items.find((x) => x.code === '3.2');
    if (!d) throw new Error('3.2');
    const patch = (version: number, title: object) => h.app.inject({ method: 'PATCH', url: '/api/v1/indicators/definitions/3.2', headers: { ...bearer(officer.token), 'if-match': String(version) }, payload: { title } });
    expect((await patch(d.version, { fr: '=HYPERLINK("http://x","y")', en: '=HYPERLINK("http://x","y")' })).statusCode).toBe(200);
    try {
      const csv = (await get('/reports/indicators.hxl.csv?from=2019-01-01&to=2019-03-31')).body;
      expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
      const rows = await sheetRows((await get('/reports/eutf.xlsx?period=2019Q1&lang=en')).rawPayload);
      expect(rows.find((r) => r[0] === '3.2')?.[1]).toBe(`'=HYPERLINK("http://x","y")`);
    } finally {
      await patch(d.version + 1, d.title);
    }
  });
});

describe('logframe report and IATI XML', () => {
  it('the logframe XLSX lists every node and the indicators under it with the API’s values', async () => {
    const res = await get('/reports/logframe.xlsx?from=2019-01-01&to=2020-12-31&lang=fr');
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]?.[0]).toBe('Niveau');
    expect(rows.some((r) => r[1] === 'OS5.1.2')).toBe(true);
    const v = (await api('from=2019-01-01&to=2020-12-31')).get('3.2');
    expect(rows.find((r) => r[3] === '3.2')?.slice(8, 10)).toEqual([v?.value, v?.cumulative]);
  });

  it('the logframe PDF is a printable report with every objective and the indicators’ values, in the language asked', async () => {
    const res = await get('/reports/logframe.pdf?from=2019-01-01&to=2020-12-31&lang=fr');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Cadre logique');
    expect(text).toContain('Objectif spécifique OS1');
    const v = (await api('from=2019-01-01&to=2020-12-31')).get('3.2');
    expect(text).toContain((v?.cumulative ?? -1).toLocaleString('fr-FR').replace(/[\u202f\u00a0]/g, ' '));
    expect(pdfText((await get('/reports/logframe.pdf?from=2019-01-01&to=2020-12-31&lang=en')).rawPayload)).toContain('Logframe progress report');
    const audit = await h.database.db.selectFrom('auditLog').select('details').where('action', '=', 'report.exported').where('entityId', '=', 'logframe.pdf').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('the IATI file is well-formed 2.03 XML for the action, with the indicators’ periods', async () => {
    const res = await get('/reports/iati.xml?from=2019-01-01&to=2019-06-30');
    expect(res.statusCode).toBe(200);
    const xml = res.body;
    expect(wellFormed(xml)).toBe(true);
    expect(wellFormed('<a><b></a></b>')).toBe(false);
    expect(wellFormed('<a>x & y</a>')).toBe(false);
    expect(xml).toContain('<iati-activities version="2.03"');
    expect(xml).toContain('<iati-identifier>XI-IATI-EC_DEVCO_T05-EUTF-SAH-ML-07</iati-identifier>');
    const v = (await api('from=2019-01-01&to=2019-06-30')).get('3.2');
    const q1 = v?.periods[0]?.value;
    expect(xml).toMatch(new RegExp(`<narrative>3\\.2 [^<]*</narrative>[\\s\\S]*?<period-start iso-date="2019-01-01"/><period-end iso-date="2019-03-31"/><actual value="${q1}"/>`));
    expect(xml).toContain(`<target value="1600"/><actual value="${v?.cumulative}"/>`);
  });
});

describe('bad input', () => {
  it.each([
    ['from=2025-04-01&to=2025-03-31', { to: 'must not be before from' }],
    ['from=2025-02-30', { from: 'must be a calendar date YYYY-MM-DD' }],
    ['to=31/03/2025', { to: 'must be a calendar date YYYY-MM-DD' }],
    ['by=sex,colour', { by: 'must be a comma-separated list of sex, ageGroup, nationality, region, partner, site (got “colour”)' }],
  ])('GET /indicators?%s → 400 naming the field', async (query, fields) => {
    const res = await get(`/indicators?${query}`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toEqual(fields);
  });

  it('an unknown interval is a 400, an unknown indicator a 404, for values, records and definitions', async () => {
    expect((await get('/indicators?interval=week')).statusCode).toBe(400);
    for (const url of ['/indicators/9.99/records', '/indicators/definitions/9.99', '/indicators/9.99/manual-values']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(errorOf(res).message).toContain('9.99');
    }
    const inverted = await get('/indicators/3.2/records?from=2025-04-01&to=2025-03-31');
    expect(inverted.statusCode).toBe(400);
    expect(errorOf(inverted).fields).toEqual({ to: 'must not be before from' });
    expect(errorOf(await get('/indicators/3.2/records?cursor=bogus')).fields).toEqual({ cursor: 'is not a cursor this list returned' });
    expect(errorOf(await get('/reports/indicators.hxl.csv?from=2025-13-01')).fields).toEqual({ from: 'must be a calendar date YYYY-MM-DD' });
    expect(errorOf(await get('/budget/summary?asOf=yesterday')).fields).toEqual({ asOf: 'must be a calendar date YYYY-MM-DD' });
  });
});
