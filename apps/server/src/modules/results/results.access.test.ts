// Who reaches what in the results framework: every route refuses anonymous (401) and unpermitted (403)
// callers; the donor gets aggregates only (no record list, small cells hidden, no personal data in any
// answer); the M&E officer gets a pseudonymised drill-down; a government partner its own scope.
// Its records are dated in 2022Q2, a quarter no test signs off (a signed-off quarter reports its snapshot).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorList } from '@taama/core';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { fieldTeam } from './results.fixtures';
import { pseudonym } from './drilldown.service';
import ExcelJS from 'exceljs';

/** Every cell of every sheet, as text (an XLSX file is compressed: its bytes say nothing). */
async function workbookText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void out.push(String(cell.value)))));
  return out.join('\n');
}

let h: Harness;
let bystander: string;
let donor: string;
let meOfficer: string;
let government: string;
let personId: string;
let caseNumber: string;
let familyName: string;

beforeAll(async () => {
  h = await createHarness();
  bystander = (await h.userWith({ permissions: ['reference.read'] })).token;
  donor = await h.login('donor');
  meOfficer = await h.login('me.officer');
  government = await h.login('gov.partner');
  const team = await fieldTeam(h);
  personId = await team.person({ sex: 'female', dateOfBirth: '1999-09-09' });
  await team.served(personId, ['2022-05-15']);
  const person = await h.database.db.selectFrom('people').select(['caseNumber', 'familyName']).where('id', '=', personId).executeTakeFirstOrThrow();
  caseNumber = person.caseNumber;
  familyName = person.familyName;
});
afterAll(() => h.close());

const routes: [method: 'GET' | 'POST' | 'PATCH', url: string, route: string][] = [
  ['GET', '/indicators?from=2022-04-01&to=2022-06-30', '/api/v1/indicators'],
  ['GET', '/indicators/definitions', '/api/v1/indicators/definitions'],
  ['GET', '/indicators/definitions/3.2', '/api/v1/indicators/definitions/:code'],
  ['PATCH', '/indicators/definitions/3.2', '/api/v1/indicators/definitions/:code'],
  ['GET', '/logframe', '/api/v1/logframe'],
  ['GET', '/indicators/3.2/records', '/api/v1/indicators/:code/records'],
  ['POST', '/indicators/4.6/manual-values', '/api/v1/indicators/:code/manual-values'],
  ['GET', '/indicators/4.6/manual-values', '/api/v1/indicators/:code/manual-values'],
  ['POST', '/indicators/4.6/manual-values/0190f3a4-0000-7000-8000-000000000000/decision', '/api/v1/indicators/:code/manual-values/:id/decision'],
  ['GET', '/indicators/4.6/manual-values/0190f3a4-0000-7000-8000-000000000000/evidence', '/api/v1/indicators/:code/manual-values/:id/evidence'],
  ['GET', '/periods', '/api/v1/periods'],
  ['POST', '/periods/2019Q1/sign-off', '/api/v1/periods/:period/sign-off'],
  ['GET', '/reports/eutf.xlsx?period=2022Q2', '/api/v1/reports/eutf.xlsx'],
  ['GET', '/reports/logframe.xlsx', '/api/v1/reports/logframe.xlsx'],
  ['GET', '/reports/logframe.pdf', '/api/v1/reports/logframe.pdf'],
  ['GET', '/reports/indicators.hxl.csv', '/api/v1/reports/indicators.hxl.csv'],
  ['GET', '/reports/iati.xml', '/api/v1/reports/iati.xml'],
  ['GET', '/budget/contracts', '/api/v1/budget/contracts'],
  ['POST', '/budget/contracts', '/api/v1/budget/contracts'],
  ['GET', '/budget/lines', '/api/v1/budget/lines'],
  ['POST', '/budget/lines', '/api/v1/budget/lines'],
  ['GET', '/budget/expenditures', '/api/v1/budget/expenditures'],
  ['POST', '/budget/expenditures', '/api/v1/budget/expenditures'],
  ['GET', '/budget/summary', '/api/v1/budget/summary'],
];

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: { ...(token ? bearer(token) : {}), ...(method === 'PATCH' ? { 'if-match': '1' } : {}) }, ...(method === 'GET' ? {} : { payload: {} }) });

describe('results route access', () => {
  it('the table covers every results route', () => {
    const mine = h.app.routeAccess.filter((r) => /\/api\/v1\/(indicators|logframe|periods|reports|budget)\b/.test(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(mine.sort()).toEqual(routes.map(([m, , r]) => `${m} ${r}`).sort());
  });

  it.each(routes)('%s %s: anonymous 401, no permission 403', async (method, url) => {
    expect((await call(method, url)).statusCode).toBe(401);
    const refused = await call(method, url, bystander);
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
  });

  it('the donor cannot write, sign off or open evidence (403)', async () => {
    for (const [method, url] of routes.filter(([m, u]) => m !== 'GET' || u.includes('/evidence'))) {
      expect((await call(method, url, donor)).statusCode, `${method} ${url}`).toBe(403);
    }
  });
});

describe('the donor sees aggregates only', () => {
  it('gets no record list, even pseudonymised', async () => {
    const res = await call('GET', '/indicators/3.2/records?from=2022-04-01&to=2022-06-30', donor);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('aggregates_only');
  });

  it('gets small disaggregation cells suppressed, totals intact', async () => {
    const res = await call('GET', '/indicators?from=2022-04-01&to=2022-06-30&by=sex,ageGroup,nationality,site', donor);
    expect(res.statusCode).toBe(200);
    const item = (res.json() as IndicatorList).items.find((i) => i.code === '3.2');
    expect(item?.value).toBeGreaterThanOrEqual(1);
    expect(item?.suppressed).toBe(true);
    for (const table of Object.values(item?.disaggregations ?? {})) {
      for (const cell of Object.values(table)) expect(cell === null || cell === 0 || cell >= 5).toBe(true);
    }
    const officer = (await call('GET', '/indicators?from=2022-04-01&to=2022-06-30&by=sex', meOfficer)).json() as IndicatorList;
    expect(officer.items.find((i) => i.code === '3.2')?.value).toBe(item?.value);
  });

  it('finds no personal data in any answer it may read', async () => {
    const reads = routes.filter(([m, u]) => m === 'GET' && !u.includes('/evidence') && !u.includes('/records'));
    for (const [method, url] of reads) {
      const res = await call(method, url, donor);
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
      const text = url.includes('.xlsx') ? await workbookText(res.rawPayload) : res.rawPayload.toString('utf8');
      for (const secret of [personId, caseNumber, familyName, '1999-09-09']) expect(text.includes(secret), `${url} leaks ${secret}`).toBe(false);
    }
  });
});

describe('drill-down for staff', () => {
  it('is pseudonymised for the M&E officer (no person.read): stable pseudonyms, no ids, no links; the read is audited', async () => {
    const url = '/indicators/3.2/records?from=2022-05-15&to=2022-05-15&limit=500';
    const first = await call('GET', url, meOfficer);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json() as { items: Record<string, unknown>[]; pseudonymised: boolean };
    expect(page.pseudonymised).toBe(true);
    const expected = pseudonym(h.config.secret, personId);
    const mine = page.items.find((r) => r.subject === expected);
    expect(mine).toMatchObject({ recordType: 'service', date: '2022-05-15', sex: 'female', ageGroup: 'adult', nationality: 'MLI' });
    expect(mine).not.toHaveProperty('personId');
    expect(mine).not.toHaveProperty('link');
    expect(first.body.includes(personId)).toBe(false);
    const again = (await call('GET', url, meOfficer)).json() as { items: { subject: string }[] };
    expect(again.items.map((r) => r.subject)).toEqual(page.items.map((r) => r.subject));
    const audit = await h.database.db.selectFrom('auditLog').select(['action', 'entityId']).where('action', '=', 'indicator.records_read').where('entityId', '=', '3.2').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('is limited to the caller’s scope: a government partner (organisation scope) sees none of IOM’s services', async () => {
    const res = await call('GET', '/indicators/3.2/records?from=2022-05-15&to=2022-05-15&limit=500', government);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: { personId?: string; partner: string }[]; pseudonymised: boolean };
    expect(page.pseudonymised).toBe(false);
    expect(page.items.every((r) => r.partner !== 'iom')).toBe(true);
    expect(page.items.some((r) => r.personId === personId)).toBe(false);
  });

  it('shows ids and links to a role with person.read and scope over the records', async () => {
    const reader = await h.userWith({ permissions: ['indicator.read', 'person.read'], scope: 'all', maxSensitivity: 'personal' });
    const page = (await call('GET', '/indicators/3.2/records?from=2022-05-15&to=2022-05-15&limit=500', reader.token)).json() as { items: { personId?: string; link?: string; subject: string }[] };
    const mine = page.items.find((r) => r.personId === personId);
    expect(mine?.subject).toBe(personId);
    expect(mine?.link).toMatch(/^\/protection\/cases\/[0-9a-f-]{36}$/);
  });
});
