// Every returns route, three ways: without a session (401), without the permission (403), and on
// records outside the caller's scope (404, or no rows where the route is a list); plus who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, type Permission } from '@taama/core';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { makePerson, type TestUser } from '../protection/test-people';
import { bookedReturn, daysFromToday, ok, returnsTeam, type ReturnsTeam } from './test-returns';

let h: Harness;
let team: ReturnsTeam;
let ids: { case: string; doc: string; movement: string; arrival: string; person: string; site: string };
let stranger: TestUser;
let bystander: TestUser;

const ALL: Permission[] = ['person.read', 'returnCase.read', 'returnCase.create', 'returnCase.update', 'returnCase.transition', 'returnCase.approve', 'movement.manage'];

beforeAll(async () => {
  h = await createHarness();
  team = await returnsTeam(h);
  const c = await bookedReturn(h, team);
  const full = await ok<{ travelDocuments: { id: string }[] }>(h, team.officer, 'GET', `/returns/${c.id}`);
  const movement = await ok(h, team.officer, 'POST', '/movements', { kind: 'bus_convoy', direction: 'inbound', departureDate: daysFromToday(2), seats: 5, receptionSiteId: team.site.id, legs: [{ from: 'Niamey', to: 'Gao', departAt: daysFromToday(2) }] });
  await ok(h, team.officer, 'POST', `/movements/${movement.id}/passengers`, { returnCaseId: c.id });
  const walkIn = await makePerson(h, team.site.id);
  const arrival = await ok(h, team.officer, 'POST', '/arrivals', { personId: walkIn, siteId: team.site.id, arrivedOn: daysFromToday(0), fromCountry: 'DZA', destinationPcode: 'ML0101' });
  ids = { case: c.id, doc: full.travelDocuments[0]?.id ?? '', movement: movement.id, arrival: arrival.id, person: await makePerson(h, team.site.id), site: team.site.id };
  // Every returns permission, but in another organisation.
  stranger = await h.userWith({ permissions: ALL, scope: 'organisation', organisation: 'ngo-sahel-solidarite', maxSensitivity: 'sensitive' });
  bystander = await h.userWith({ permissions: ['reference.read'] });
});
afterAll(() => h.close());

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  url: () => string;
  body?: () => unknown;
  ifMatch?: boolean;
  /** What an out-of-scope caller gets instead of 404 (a list, a creation in their own organisation). */
  outside?: (res: { statusCode: number; json: () => unknown }) => void;
}

const notListing = (key: string) => (res: { statusCode: number; json: () => unknown }) => {
  expect(res.statusCode).toBe(200);
  expect(JSON.stringify(res.json())).not.toContain(key);
};

const routes: RouteCase[] = [
  { method: 'POST', route: '/api/v1/returns', url: () => '/returns', body: () => ({ personId: ids.person, direction: 'outbound', destinationCountry: 'GIN' }) },
  { method: 'GET', route: '/api/v1/returns', url: () => '/returns?limit=500', outside: (r) => notListing(ids.case)(r) },
  { method: 'GET', route: '/api/v1/returns/pipeline', url: () => '/returns/pipeline', outside: (r) => notListing(ids.case)(r) },
  { method: 'GET', route: '/api/v1/returns/travel-documents/expiring', url: () => '/returns/travel-documents/expiring?days=3650&limit=500', outside: (r) => notListing(ids.doc)(r) },
  { method: 'GET', route: '/api/v1/returns/settings', url: () => '/returns/settings', outside: (r) => expect(r.statusCode).toBe(200) },
  { method: 'GET', route: '/api/v1/returns/dashboard', url: () => '/returns/dashboard', outside: (r) => expect(r.statusCode).toBe(200) },
  { method: 'GET', route: '/api/v1/returns/:id', url: () => `/returns/${ids.case}` },
  { method: 'PATCH', route: '/api/v1/returns/:id', url: () => `/returns/${ids.case}`, body: () => ({ destinationLocality: 'x' }), ifMatch: true },
  { method: 'POST', route: '/api/v1/returns/:id/transitions', url: () => `/returns/${ids.case}/transitions`, body: () => ({ to: 'suspended' }) },
  { method: 'GET', route: '/api/v1/returns/:id/events', url: () => `/returns/${ids.case}/events` },
  { method: 'POST', route: '/api/v1/returns/:id/best-interest', url: () => `/returns/${ids.case}/best-interest`, body: () => ({ determinedOn: '2025-03-01', outcome: 'return_in_best_interest' }) },
  { method: 'POST', route: '/api/v1/returns/:id/best-interest/approve', url: () => `/returns/${ids.case}/best-interest/approve` },
  { method: 'POST', route: '/api/v1/returns/:id/travel-documents', url: () => `/returns/${ids.case}/travel-documents`, body: () => ({ type: 'passport', requestedOn: '2025-03-01', status: 'requested' }) },
  { method: 'PATCH', route: '/api/v1/returns/:id/travel-documents/:docId', url: () => `/returns/${ids.case}/travel-documents/${ids.doc}`, body: () => ({ consulate: 'x' }), ifMatch: true },
  { method: 'POST', route: '/api/v1/returns/:id/medical-checks', url: () => `/returns/${ids.case}/medical-checks`, body: () => ({ examinedOn: '2025-03-01', outcome: 'unfit', escort: 'none' }) },
  {
    method: 'POST', route: '/api/v1/movements', url: () => '/movements',
    body: () => ({ kind: 'bus_convoy', direction: 'outbound', departureDate: '2025-05-01', seats: 3, legs: [{ from: 'Bamako', to: 'Conakry', departAt: '2025-05-01' }] }),
    // Planning is not about someone else's records: the stranger plans in their own organisation.
    outside: (r) => expect(r.statusCode).toBe(201),
  },
  { method: 'GET', route: '/api/v1/movements', url: () => '/movements?limit=500', outside: (r) => notListing(ids.movement)(r) },
  { method: 'GET', route: '/api/v1/movements/:id', url: () => `/movements/${ids.movement}` },
  { method: 'PATCH', route: '/api/v1/movements/:id', url: () => `/movements/${ids.movement}`, body: () => ({ carrier: 'x' }), ifMatch: true },
  { method: 'POST', route: '/api/v1/movements/:id/passengers', url: () => `/movements/${ids.movement}/passengers`, body: () => ({ returnCaseId: ids.case }) },
  { method: 'DELETE', route: '/api/v1/movements/:id/passengers/:returnCaseId', url: () => `/movements/${ids.movement}/passengers/${ids.case}` },
  { method: 'POST', route: '/api/v1/movements/:id/departure', url: () => `/movements/${ids.movement}/departure`, body: () => ({ departedOn: '2025-03-01', passengers: [{ returnCaseId: ids.case, status: 'departed' }] }) },
  { method: 'POST', route: '/api/v1/movements/:id/arrival', url: () => `/movements/${ids.movement}/arrival`, body: () => ({ arrivedOn: '2025-03-01' }) },
  { method: 'GET', route: '/api/v1/movements/:id/manifest.pdf', url: () => `/movements/${ids.movement}/manifest.pdf` },
  { method: 'GET', route: '/api/v1/movements/:id/passengers.xlsx', url: () => `/movements/${ids.movement}/passengers.xlsx` },
  { method: 'GET', route: '/api/v1/arrivals/expected', url: () => `/arrivals/expected?siteId=${ids.site}&date=${daysFromToday(2)}`, outside: (r) => notListing(ids.movement)(r) },
  { method: 'POST', route: '/api/v1/arrivals', url: () => '/arrivals', body: () => ({ personId: ids.person, siteId: ids.site, arrivedOn: '2025-03-01', fromCountry: 'NER', destinationPcode: 'ML0101' }) },
  { method: 'GET', route: '/api/v1/arrivals', url: () => '/arrivals?limit=500', outside: (r) => notListing(ids.arrival)(r) },
  { method: 'GET', route: '/api/v1/arrivals/:id', url: () => `/arrivals/${ids.arrival}` },
  { method: 'POST', route: '/api/v1/arrivals/:id/assistance', url: () => `/arrivals/${ids.arrival}/assistance`, body: () => ({ type: 'food', givenOn: daysFromToday(0) }) },
];

function send(r: RouteCase, token?: string) {
  const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...(r.ifMatch ? { 'if-match': '1' } : {}) };
  const body = r.body?.();
  return h.app.inject({ method: r.method, url: `/api/v1${r.url()}`, headers, ...(body === undefined ? {} : { payload: body as object }) });
}

describe('returns route access', () => {
  it('the table covers every returns route', () => {
    const mine = h.app.routeAccess.filter((r) => /^\/api\/v1\/(returns|movements|arrivals)\b/.test(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(mine.sort()).toEqual(routes.map((r) => `${r.method} ${r.route}`).sort());
  });

  it.each(routes.map((r) => [`${r.method} ${r.route}`, r] as const))('%s: anonymous 401, no permission 403, out of scope 404', async (_name, r) => {
    expect((await send(r)).statusCode).toBe(401);
    expect((await send(r, bystander.token)).statusCode).toBe(403);
    const outside = await send(r, stranger.token);
    if (r.outside) r.outside(outside);
    else expect(outside.statusCode).toBe(404);
  });

  it('nothing was written by the refused calls', async () => {
    const c = await ok(h, team.officer, 'GET', `/returns/${ids.case}`);
    expect(c).toMatchObject({ status: 'booked', destinationLocality: null, bestInterest: null });
    expect((c.medicalChecks as unknown[]).length).toBe(1);
    expect(await h.database.db.selectFrom('returnCases').select('id').where('personId', '=', ids.person).execute()).toEqual([]);
    expect(await h.database.db.selectFrom('arrivals').select('id').where('personId', '=', ids.person).execute()).toEqual([]);
    expect(await h.database.db.selectFrom('arrivalAssistance').select('id').where('arrivalId', '=', ids.arrival).execute()).toEqual([]);
  });
});

describe('who sees what', () => {
  it('a caseworker and an awareness officer see no return case', async () => {
    for (const code of ['caseworker', 'awareness_officer']) {
      const role = DEFAULT_ROLES.find((r) => r.code === code);
      const user = await h.userWith({ permissions: [...(role?.permissions ?? [])], scope: role?.scope ?? 'site', site: team.site.code, maxSensitivity: role?.maxSensitivity ?? 'personal' });
      for (const url of ['/returns', `/returns/${ids.case}`, '/returns/pipeline', '/movements']) {
        expect((await h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(user.token) })).statusCode, `${code} ${url}`).toBe(403);
      }
    }
  });

  it('medical conditions and the best-interest note only reach roles cleared for sensitive data', async () => {
    await ok(h, team.officer, 'POST', `/returns/${ids.case}/best-interest`, { determinedOn: '2025-03-03', outcome: 'return_in_best_interest', note: 'famille retrouvée à Kayes' });
    const officerView = await ok<{ medicalChecks: Record<string, unknown>[]; bestInterest: Record<string, unknown> }>(h, team.officer, 'GET', `/returns/${ids.case}`);
    expect(officerView.medicalChecks[0]).not.toHaveProperty('conditions');
    expect(officerView.medicalChecks[0]).toMatchObject({ outcome: 'fit_to_travel', escort: 'none' });
    expect(officerView.bestInterest).not.toHaveProperty('note');
    const cleared = await ok<{ medicalChecks: Record<string, unknown>[]; bestInterest: Record<string, unknown> }>(h, team.protection, 'GET', `/returns/${ids.case}`);
    expect(cleared.medicalChecks[0]?.conditions).toBe('asthme léger');
    expect(cleared.bestInterest.note).toBe('famille retrouvée à Kayes');
    const events = await ok<{ items: unknown[] }>(h, team.protection, 'GET', `/returns/${ids.case}/events`);
    expect(JSON.stringify(events)).not.toContain('asthme');
  });
});
