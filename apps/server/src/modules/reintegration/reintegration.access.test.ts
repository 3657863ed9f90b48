// Every reintegration route, three ways: without a session (401), without the permission (403), and
// as a reintegration officer of another region (404, or nothing of ours where the route is a list).
// Then the partner rules: a government partner sees exactly the cases referred to it; a donor none.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import defaultInstrument from './rss-default-instrument.json' with { type: 'json' };
import { makePerson, type TestUser } from '../protection/test-people';
import { approvedCase, call as send, openCase, OFFICER, REGION, reintegrationTeam, type Team } from './test-team';

let h: Harness;
let team: Team;
let ids: { case: string; item: string; visit: string; project: string; spotCheck: string; person: string };
let stranger: TestUser;
let bystander: TestUser;

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const BOUNDARY = 'taamaboundary';
const multipartBody = (data: Buffer) =>
  Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="f"\r\nContent-Type: application/octet-stream\r\n\r\n`), data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);

beforeAll(async () => {
  h = await createHarness();
  team = await reintegrationTeam(h);
  const c = await approvedCase(h, team);
  const itemId = c.items[0]?.id ?? '';
  await send(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assistance/${itemId}/status`, { to: 'delivered', on: '2025-04-01' });
  await h.app.inject({ method: 'POST', url: `/api/v1/reintegration-cases/${c.id}/assistance/${itemId}/certificate`, headers: { ...bearer(team.officer.token), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: multipartBody(PDF) });
  const project = (await send(h, team.officer, 'POST', '/reintegration-projects', { name: 'Projet', level: 'collective', type: 'business_startup', dimension: 'economic', regionPcode: REGION, budgetXof: 1000, beneficiaries: [{ reintegrationCaseId: c.id }] })).json();
  const check = (await send(h, team.officer, 'POST', '/reintegration/spot-checks', { percent: 100, seed: 'access' })).json();
  ids = { case: c.id, item: itemId, visit: c.visits[0]?.id ?? '', project: project.id, spotCheck: check.id, person: await makePerson(h, team.site.id) };
  // Every reintegration permission (not the instrument manager's), in another region.
  stranger = await h.userWith({ permissions: OFFICER, scope: 'region', regionPcode: 'ML01' });
  bystander = await h.userWith({ permissions: ['reference.read'] });
});
afterAll(() => h.close());

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  route: string;
  url: () => string;
  body?: () => unknown;
  multipart?: boolean;
  ifMatch?: boolean;
  /** What the officer of another region gets, when it is not a 404. */
  outside?: (res: LightMyRequestResponse) => void;
}

const noneOfOurs = (res: LightMyRequestResponse) => {
  expect(res.statusCode).toBe(200);
  expect(res.body).not.toContain(ids.case);
};
const c = () => `/reintegration-cases/${ids.case}`;
const it_ = () => `${c()}/assistance/${ids.item}`;

const routes: RouteCase[] = [
  { method: 'POST', route: '/api/v1/reintegration-cases', url: () => '/reintegration-cases', body: () => ({ personId: ids.person, regionPcode: REGION }) },
  { method: 'GET', route: '/api/v1/reintegration-cases', url: () => '/reintegration-cases?limit=500', outside: noneOfOurs },
  { method: 'GET', route: '/api/v1/reintegration-cases/:id', url: c },
  { method: 'PATCH', route: '/api/v1/reintegration-cases/:id', url: c, body: () => ({ counsellorId: null }), ifMatch: true },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/transitions', url: () => `${c()}/transitions`, body: () => ({ to: 'suspended' }) },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/assessments', url: () => `${c()}/assessments`, body: () => ({ assessedOn: '2025-03-02', kind: 'family', answers: {} }) },
  { method: 'GET', route: '/api/v1/reintegration-cases/:id/budget', url: () => `${c()}/budget` },
  { method: 'PUT', route: '/api/v1/reintegration-cases/:id/plan', url: () => `${c()}/plan`, body: () => ({ goals: [], items: [] }), ifMatch: true },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/plan/submit', url: () => `${c()}/plan/submit` },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/plan/approve', url: () => `${c()}/plan/approve` },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/plan/return', url: () => `${c()}/plan/return`, body: () => ({ note: 'x' }) },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/assistance', url: () => `${c()}/assistance`, body: () => ({ dimension: 'social', level: 'individual', type: 'housing', mode: 'direct', inKind: true, plannedXof: 1 }) },
  { method: 'PATCH', route: '/api/v1/reintegration-cases/:id/assistance/:itemId', url: it_, body: () => ({ provider: 'x' }), ifMatch: true },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/assistance/:itemId/status', url: () => `${it_()}/status`, body: () => ({ to: 'cancelled', on: '2025-04-02' }) },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/assistance/:itemId/instalments', url: () => `${it_()}/instalments`, body: () => ({ amountXof: 1, disbursedOn: '2025-04-02' }) },
  { method: 'GET', route: '/api/v1/reintegration-cases/:id/assistance/:itemId/certificate', url: () => `${it_()}/certificate` },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/assistance/:itemId/certificate', url: () => `${it_()}/certificate`, multipart: true },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/visits', url: () => `${c()}/visits`, body: () => ({ scheduledOn: '2025-09-01' }) },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/visits/:visitId/outcome', url: () => `${c()}/visits/${ids.visit}/outcome`, body: () => ({ status: 'missed' }) },
  { method: 'GET', route: '/api/v1/reintegration/visits/overdue', url: () => '/reintegration/visits/overdue?limit=500', outside: noneOfOurs },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/satisfaction', url: () => `${c()}/satisfaction`, body: () => ({ surveyedOn: '2025-05-01', answers: { overall: 5 } }) },
  { method: 'POST', route: '/api/v1/reintegration-cases/:id/rss', url: () => `${c()}/rss`, body: () => ({ round: 'baseline', instrumentVersion: defaultInstrument.version, answers: {} }) },
  { method: 'GET', route: '/api/v1/reintegration-cases/:id/rss', url: () => `${c()}/rss` },
  { method: 'GET', route: '/api/v1/reintegration/rss/summary', url: () => '/reintegration/rss/summary', outside: (res) => expect(res.statusCode).toBe(200) },
  { method: 'GET', route: '/api/v1/reintegration/dashboard', url: () => '/reintegration/dashboard', outside: (res) => expect(res.json().byRegion.map((r: { pcode: string }) => r.pcode)).not.toContain(REGION) },
  {
    method: 'POST', route: '/api/v1/reintegration-projects', url: () => '/reintegration-projects',
    body: () => ({ name: 'P', level: 'collective', type: 'housing', dimension: 'social', regionPcode: 'ML01', budgetXof: 10, beneficiaries: [{ reintegrationCaseId: ids.case }] }),
    outside: (res) => expect(res.statusCode).toBe(400),
  },
  { method: 'GET', route: '/api/v1/reintegration-projects', url: () => '/reintegration-projects?limit=500', outside: (res) => expect(res.body).not.toContain(ids.project) },
  { method: 'GET', route: '/api/v1/reintegration-projects/:id', url: () => `/reintegration-projects/${ids.project}` },
  { method: 'PATCH', route: '/api/v1/reintegration-projects/:id', url: () => `/reintegration-projects/${ids.project}`, body: () => ({ name: 'Q' }), ifMatch: true },
  { method: 'GET', route: '/api/v1/reintegration-projects/:id/budget', url: () => `/reintegration-projects/${ids.project}/budget` },
  { method: 'POST', route: '/api/v1/reintegration/spot-checks', url: () => '/reintegration/spot-checks', body: () => ({ percent: 100, seed: 'x' }), outside: (res) => { expect(res.statusCode).toBe(201); expect(res.body).not.toContain(ids.item); } },
  { method: 'POST', route: '/api/v1/reintegration/spot-checks/:id/items/:itemId', url: () => `/reintegration/spot-checks/${ids.spotCheck}/items/${ids.item}`, body: () => ({ outcome: 'not_found' }) },
  { method: 'GET', route: '/api/v1/reintegration/spot-checks', url: () => '/reintegration/spot-checks?limit=500', outside: (res) => expect(res.body).not.toContain(ids.item) },
  // Instruments are not case data: a reader elsewhere reads them, only managers add them.
  { method: 'GET', route: '/api/v1/rss/instruments', url: () => '/rss/instruments', outside: (res) => expect(res.statusCode).toBe(200) },
  { method: 'GET', route: '/api/v1/rss/instruments/:version', url: () => `/rss/instruments/${defaultInstrument.version}`, outside: (res) => expect(res.statusCode).toBe(200) },
  { method: 'GET', route: '/api/v1/rss/instruments/template.xlsx', url: () => '/rss/instruments/template.xlsx', outside: (res) => expect(res.statusCode).toBe(403) },
  { method: 'POST', route: '/api/v1/rss/instruments', url: () => '/rss/instruments', body: () => ({ version: 'x', items: [] }), outside: (res) => expect(res.statusCode).toBe(403) },
  { method: 'POST', route: '/api/v1/rss/instruments/import', url: () => '/rss/instruments/import', multipart: true, outside: (res) => expect(res.statusCode).toBe(403) },
];

function call(r: RouteCase, token?: string) {
  const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...(r.ifMatch ? { 'if-match': '1' } : {}), ...(r.multipart ? { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } : {}) };
  const body = r.multipart ? multipartBody(PDF) : (r.body?.() as object | undefined);
  return h.app.inject({ method: r.method, url: `/api/v1${r.url()}`, headers, ...(body === undefined ? {} : { payload: body }) });
}

describe('reintegration route access', () => {
  it('the table covers every reintegration route', () => {
    const mine = h.app.routeAccess.filter((r) => /\/(reintegration|rss)\b|\/reintegration-/.test(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(mine.sort()).toEqual(routes.map((r) => `${r.method} ${r.route}`).sort());
  });

  it.each(routes.map((r) => [`${r.method} ${r.route}`, r] as const))('%s: anonymous 401, no permission 403, another region 404', async (_name, r) => {
    expect((await call(r)).statusCode).toBe(401);
    expect((await call(r, bystander.token)).statusCode).toBe(403);
    const outside = await call(r, stranger.token);
    if (r.outside) r.outside(outside);
    else expect(outside.statusCode, outside.body).toBe(404);
  });

  it('nothing was written by the refused calls', async () => {
    const events = await h.database.db.selectFrom('reintegrationCaseEvents').select('byUser').where('reintegrationCaseId', '=', ids.case).execute();
    expect(events.every((e) => e.byUser === team.officer.id || e.byUser === team.approver.id)).toBe(true);
    expect(await h.database.db.selectFrom('reintegrationCases').select('id').where('personId', '=', ids.person).execute()).toEqual([]);
  });
});

describe('partners', () => {
  it('a government partner sees exactly the cases referred to its organisation, and cannot change them', async () => {
    const government = await h.orgId('mmeia');
    const referred = await openCase(h, team, { referredToOrganisationId: government, referredFrom: 'DGME' });
    const notReferred = await openCase(h, team);
    const partner = await h.userWith({ permissions: ['reintegrationCase.read', 'person.read'], scope: 'organisation', organisation: 'mmeia' });
    const list = (await send(h, partner, 'GET', '/reintegration-cases?limit=500')).json();
    const seen = list.items.map((i: { id: string }) => i.id);
    expect(seen).toContain(referred.id);
    expect(seen).not.toContain(notReferred.id);
    expect((await send(h, partner, 'GET', `/reintegration-cases/${referred.id}`)).json()).toMatchObject({ referredFrom: 'DGME', abilities: { update: false, approvePlan: false, transition: false } });
    expect((await send(h, partner, 'GET', `/reintegration-cases/${notReferred.id}`)).statusCode).toBe(404);
    expect((await send(h, partner, 'POST', `/reintegration-cases/${referred.id}/assessments`, { assessedOn: '2025-03-02', kind: 'needs', answers: {} })).statusCode).toBe(403);
  });

  it('a donor sees no case at all', async () => {
    const donor = await h.userWith({ permissions: ['indicator.read', 'report.export', 'reference.read'], scope: 'all', maxSensitivity: 'public' });
    expect((await send(h, donor, 'GET', '/reintegration-cases')).statusCode).toBe(403);
    expect((await send(h, donor, 'GET', `/reintegration-cases/${ids.case}`)).statusCode).toBe(403);
    expect((await send(h, donor, 'GET', '/reintegration/dashboard')).statusCode).toBe(403);
  });
});
