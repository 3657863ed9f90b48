import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { countInput } from './test-helpers';
import type { FlowCountInput } from '@taama/core';

let h: Harness;
let officer: string;
// A point and period no other test writes to, so totals are exact.
const FMP = 'ML-FMP-09';
const MONTH = '2023-02';

async function validated(input: Partial<FlowCountInput>) {
  const created = await h.app.inject({ method: 'POST', url: '/api/v1/flows/counts', headers: bearer(officer), payload: countInput({ fmpId: FMP, status: 'submitted', nationalities: [], unaccompaniedChildren: null, pregnantWomen: 0, elderly60plus: 0, childrenUnder5: 0, ...input }) });
  if (created.statusCode !== 201) throw new Error(created.body);
  const res = await h.app.inject({ method: 'POST', url: `/api/v1/flows/counts/${created.json().id}/transitions`, headers: bearer(officer), payload: { to: 'validated' } });
  return res.json();
}

beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('data.officer');
  const fmp = (await h.database.db.selectFrom('flowMonitoringPoints').select('id').where('id', '=', FMP).executeTakeFirst())?.id;
  if (!fmp) throw new Error(`${FMP} missing from reference data`);
  await validated({ date: `${MONTH}-03`, direction: 'outgoing', originCountry: 'MLI', finalDestinationCountry: 'DZA', men: 40, women: 3, boys: 7, girls: 9, sexAgeUnknown: 0, total: 59, nationalities: [{ country: 'MLI', count: 50 }, { country: 'GIN', count: 9 }] });
  await validated({ date: `${MONTH}-04`, direction: 'outgoing', originCountry: 'MLI', finalDestinationCountry: 'DZA', men: 20, women: 10, boys: 0, girls: 0, sexAgeUnknown: 0, total: 30 });
  await validated({ date: `${MONTH}-05`, direction: 'incoming', originCountry: 'NER', finalDestinationCountry: 'MLI', men: 2, women: 0, boys: 0, girls: 0, sexAgeUnknown: 0, total: 2 });
  // A draft is never counted or published.
  const draft = await h.app.inject({ method: 'POST', url: '/api/v1/flows/counts', headers: bearer(officer), payload: countInput({ fmpId: FMP, date: `${MONTH}-06`, men: 500, women: 0, boys: 0, girls: 0, sexAgeUnknown: 0, total: 500, childrenUnder5: 0, unaccompaniedChildren: 0, pregnantWomen: 0, elderly60plus: 0, nationalities: [] }) });
  if (draft.statusCode !== 201) throw new Error(draft.body);
});
afterAll(() => h.close());

const get = (url: string, token = officer) => h.app.inject({ method: 'GET', url, headers: bearer(token) });

describe('dashboard statistics (validated only)', () => {
  const filter = `from=${MONTH}-01&to=${MONTH}-28&fmpId=${FMP}`;
  it('trends per month and direction', async () => {
    expect((await get(`/api/v1/flows/stats/trends?interval=month&${filter}`)).json().items).toEqual([
      { period: MONTH, direction: 'incoming', total: 2 },
      { period: MONTH, direction: 'outgoing', total: 89 },
    ]);
    const all = (await get(`/api/v1/flows/stats/trends?interval=month&status=all&${filter}`)).json().items;
    expect(all.find((i: { direction: string }) => i.direction === 'outgoing').total).toBe(589);
  });

  it('origin-destination, composition, points, regions, and a nationality filter', async () => {
    expect((await get(`/api/v1/flows/stats/od?${filter}`)).json().items).toEqual([
      { origin: 'MLI', destination: 'DZA', total: 89 },
      { origin: 'NER', destination: 'MLI', total: 2 },
    ]);
    const comp = (await get(`/api/v1/flows/stats/composition?${filter}`)).json();
    expect(comp).toMatchObject({ total: 91, sexAge: { men: 62, women: 13, boys: 7, girls: 9, sexAgeUnknown: 0 }, nationalities: [{ country: 'MLI', count: 50 }, { country: 'GIN', count: 9 }] });
    const points = (await get(`/api/v1/flows/stats/points?${filter}`)).json().items;
    expect(points).toEqual([{ fmpId: FMP, name: expect.any(String), lat: expect.any(Number), lon: expect.any(Number), total: 91 }]);
    const regions = (await get(`/api/v1/flows/stats/regions?${filter}`)).json().items;
    expect(regions.reduce((s: number, r: { total: number }) => s + r.total, 0)).toBe(91);
    expect((await get(`/api/v1/flows/stats/trends?${filter}&nationality=GIN`)).json().items).toEqual([{ period: MONTH, direction: 'outgoing', total: 9 }]);
  });

  it('quality view lists the rejected count, missing days and duplicate submissions', async () => {
    const q = (await get(`/api/v1/flows/quality?${filter}`)).json();
    expect(q.missingDays).toEqual([{ fmpId: FMP, days: 24, dates: expect.arrayContaining([`${MONTH}-01`, `${MONTH}-28`]) }]);
    expect(q.duplicateSubmissions).toEqual([]);
    await h.app.inject({ method: 'POST', url: '/api/v1/flows/counts', headers: bearer(officer), payload: countInput({ fmpId: FMP, date: `${MONTH}-20` }) });
    await h.app.inject({ method: 'POST', url: '/api/v1/flows/counts', headers: bearer(officer), payload: countInput({ fmpId: FMP, date: `${MONTH}-20` }) });
    const again = (await get(`/api/v1/flows/quality?${filter}`)).json();
    expect(again.duplicateSubmissions).toEqual([{ countIds: [expect.any(String), expect.any(String)], fmpId: FMP, date: `${MONTH}-20`, enumeratorId: 'enum-01' }]);
  });
});

describe('open-data export', () => {
  const query = `groupBy=month&from=${MONTH}-01&to=${MONTH}-28&fmpId=${FMP}`;
  it('CSV: label row, HXL row, subtotal then detail rows, 1–4 suppressed with secondary suppression', async () => {
    const res = await get(`/api/v1/flows/export.csv?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0]?.slice(0, 3)).toEqual(['Period start', 'Period end', 'FMP ID']);
    expect(lines[1]).toEqual(['#date+start', '#date+end', '#loc+code', '#loc+name', '#adm1+code+v_pcodes', '#adm2+code+v_pcodes', '#meta+type', '#indicator+direction', '#country+code+origin+v_iso3', '#country+code+dest+final', '#population+m+adults', '#population+f+adults', '#population+m+children', '#population+f+children', '#population+unknown', '#population+total', '#population+infants', '#population+children+unaccompanied', '#population+f+pregnant', '#population+elderly', '#population+disabled', '#meta+suppressed']);
    const rows = lines.slice(2);
    expect(rows.map((r) => [r[6], r[7], r[8], r[9]])).toEqual([
      ['subtotal', '', '', ''],
      ['detail', 'incoming', 'NER', 'MLI'],
      ['detail', 'outgoing', 'MLI', 'DZA'],
    ]);
    const [, incoming, outgoing] = rows;
    // incoming: men 2 and total 2 are 1–4 → hidden, and the row is flagged.
    expect(incoming?.slice(10, 16)).toEqual(['', '0', '0', '0', '0', '']);
    expect(incoming?.[21]).toBe('1');
    expect(outgoing?.[21]).toBe('1');
    // No row total or subtotal column leaves exactly one hidden cell (which it would give away).
    const grid = rows.map((r) => r.slice(10, 21).map((v) => (v === '' ? null : Number(v))));
    const equations: [number, number][][] = [];
    grid.forEach((_, r) => equations.push([[r, 5], [r, 0], [r, 1], [r, 2], [r, 3], [r, 4]]));
    for (let c = 0; c < 11; c += 1) equations.push([[0, c], ...grid.slice(1).map((_, k): [number, number] => [k + 1, c])]);
    for (const eq of equations) {
      const unknown = eq.filter(([r, c]) => grid[r]?.[c] === null);
      expect(unknown.length, `equation ${JSON.stringify(eq)} leaves one hidden cell`).not.toBe(1);
    }
    expect(res.body).not.toContain('500');
  });

  it('metadata JSON for the CSV, and XLSX with a metadata sheet', async () => {
    const meta = (await get(`/api/v1/flows/export.meta.json?${query}`)).json();
    expect(meta).toMatchObject({ groupBy: 'month', period: { from: `${MONTH}-01`, to: `${MONTH}-28` }, rows: 3, licence: expect.any(String), suppressionRules: expect.any(Array) });
    expect(meta.suppressedCells).toBeGreaterThan(2);
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/flows/export.xlsx?${query}`, headers: bearer(officer) });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['data', 'metadata']);
    expect(workbook.getWorksheet('data')?.getRow(2).getCell(1).value).toBe('#date+start');
  });

  it('a publication is audited and its file is rebuilt byte for byte, later data notwithstanding', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/flows/publications', headers: bearer(officer), payload: { groupBy: 'month', from: `${MONTH}-01`, to: `${MONTH}-28`, fmpId: FMP } });
    expect(res.statusCode, res.body).toBe(201);
    const publication = res.json();
    expect(publication).toMatchObject({ publishedBy: 'data.officer', rows: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const audit = await h.database.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', publication.id).executeTakeFirstOrThrow();
    expect(audit.action).toBe('flow.publish');
    expect(audit.details).toMatchObject({ sha256: publication.sha256, filters: { fmpId: FMP } });
    await validated({ date: `${MONTH}-10`, direction: 'transit', men: 100, women: 0, boys: 0, girls: 0, sexAgeUnknown: 0, total: 100 });
    const file = await get(`/api/v1/flows/publications/${publication.id}/export.csv`);
    expect(file.statusCode).toBe(200);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(publication.sha256);
    expect(file.body).not.toContain('transit');
    expect((await get(`/api/v1/flows/export.csv?${query}`)).body).toContain('transit');
    const list = (await get('/api/v1/flows/publications')).json();
    expect(list.items[0].id).toBe(publication.id);
  });

  it('formula-looking text is neutralised', async () => {
    await h.database.db.updateTable('flowMonitoringPoints').set({ name: '=HYPERLINK("x")' }).where('id', '=', 'ML-FMP-10').execute();
    await validated({ fmpId: 'ML-FMP-10', date: '2023-03-03' });
    const body = (await get('/api/v1/flows/export.csv?fmpId=ML-FMP-10&from=2023-03-01&to=2023-03-31')).body;
    expect(body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(body).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('access per route', () => {
  it('anonymous callers get 401 on every flows route', async () => {
    const routes = h.app.routeAccess.filter((r) => r.url.includes('/flows'));
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) {
      const url = r.url.replace(':id', '0190c8a4-0000-7000-8000-000000000000').replace(':importId', '0190c8a4-0000-7000-8000-000000000000').replace(':kind', 'counts').replace(':source', 'x');
      const res = await h.app.inject({ method: r.method as 'GET', url });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('a caseworker cannot read survey microdata or flows; a donor cannot read flows', async () => {
    for (const user of ['caseworker.gao', 'donor']) {
      const token = await h.login(user);
      expect((await get('/api/v1/flows/surveys', token)).statusCode).toBe(403);
      expect((await get('/api/v1/flows/counts', token)).statusCode).toBe(403);
      expect((await get('/api/v1/flows/stats/trends', token)).statusCode).toBe(403);
      expect((await get('/api/v1/flows/export.csv', token)).statusCode).toBe(403);
    }
  });

  it('an M&E officer reads counts and statistics but not microdata, and cannot import or publish', async () => {
    const token = await h.login('me.officer');
    expect((await get('/api/v1/flows/counts', token)).statusCode).toBe(200);
    expect((await get('/api/v1/flows/stats/composition', token)).statusCode).toBe(200);
    expect((await get('/api/v1/flows/surveys', token)).statusCode).toBe(403);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/flows/publications', headers: bearer(token), payload: { groupBy: 'month', from: '2019-01-01', to: '2019-12-31' } });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/flows/counts/import?mode=dry-run', headers: bearer(token) })).statusCode).toBe(403);
  });
});
