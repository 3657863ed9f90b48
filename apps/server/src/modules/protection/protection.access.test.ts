// Every protection route, three ways: without a session (401), without the permission (403), and on
// records outside the caller's scope (404, or an empty list where the route is a list).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '@taama/core';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { giveSharingConsent, makePerson, makeSite, openCase, protectionTeam, type TestUser } from './test-people';

let h: Harness;
let team: Awaited<ReturnType<typeof protectionTeam>>;
let ids: { case: string; person: string; referral: string; task: string; stay: string; site: string };
let stranger: TestUser;
let bystander: TestUser;

const ALL: Permission[] = ['person.read', 'transitCase.read', 'transitCase.create', 'transitCase.update', 'transitCase.approve', 'referral.manage'];

beforeAll(async () => {
  h = await createHarness();
  team = await protectionTeam(h);
  const c = await openCase(h, team.caseworker, team.site.id);
  const sahel = await h.orgId('ngo-sahel-solidarite');
  await giveSharingConsent(h, c.person.id, sahel);
  const send = (url: string, payload: unknown) => h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(team.caseworker.token), payload: payload as object });
  const referral = (await send(`/transit-cases/${c.id}/referrals`, { kind: 'external', service: 'legal', toOrganisationId: sahel })).json();
  const task = (await send(`/transit-cases/${c.id}/tasks`, { kind: 'best_interest_determination', title: 'BID' })).json();
  await send(`/tasks/${task.id}/complete`, {});
  const stay = (await send(`/transit-cases/${c.id}/stays`, { checkIn: '2025-03-02' })).json();
  ids = { case: c.id, person: await makePerson(h, team.site.id), referral: referral.id, task: task.id, stay: stay.id, site: team.site.id };
  // Every permission, but the scope of another site of the same organisation.
  const elsewhere = await makeSite(h);
  stranger = await h.userWith({ permissions: ALL, scope: 'site', site: elsewhere.code, maxSensitivity: 'sensitive' });
  // Signed in, holding a permission no protection route asks for.
  bystander = await h.userWith({ permissions: ['reference.read'] });
});
afterAll(() => h.close());

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH';
  url: () => string;
  route: string;
  body?: () => unknown;
  ifMatch?: boolean;
  /** A list answers out-of-scope callers with no rows instead of 404. */
  list?: (body: { items: { id: string }[] }) => void;
}

const routes: RouteCase[] = [
  { method: 'POST', route: '/api/v1/transit-cases', url: () => '/transit-cases', body: () => ({ personId: ids.person, openedOn: '2025-03-02' }) },
  { method: 'GET', route: '/api/v1/transit-cases', url: () => `/transit-cases?personId=${ids.person}`, list: (b) => expect(b.items).toEqual([]) },
  { method: 'GET', route: '/api/v1/transit-cases/:id', url: () => `/transit-cases/${ids.case}` },
  { method: 'PATCH', route: '/api/v1/transit-cases/:id', url: () => `/transit-cases/${ids.case}`, body: () => ({ assignedTo: null }), ifMatch: true },
  { method: 'POST', route: '/api/v1/transit-cases/:id/transitions', url: () => `/transit-cases/${ids.case}/transitions`, body: () => ({ to: 'active' }) },
  { method: 'POST', route: '/api/v1/transit-cases/:id/transfer', url: () => `/transit-cases/${ids.case}/transfer`, body: () => ({ siteId: ids.site }) },
  { method: 'POST', route: '/api/v1/transit-cases/:id/screenings', url: () => `/transit-cases/${ids.case}/screenings`, body: () => ({ flags: [] }) },
  { method: 'GET', route: '/api/v1/transit-cases/:id/screenings', url: () => `/transit-cases/${ids.case}/screenings` },
  { method: 'POST', route: '/api/v1/transit-cases/:id/services', url: () => `/transit-cases/${ids.case}/services`, body: () => ({ type: 'food', date: '2025-03-02' }) },
  { method: 'POST', route: '/api/v1/transit-cases/:id/referrals', url: () => `/transit-cases/${ids.case}/referrals`, body: () => ({ kind: 'internal', service: 'avr' }) },
  { method: 'GET', route: '/api/v1/referrals', url: () => '/referrals?limit=200', list: (b) => expect(b.items.map((r) => r.id)).not.toContain(ids.referral) },
  { method: 'GET', route: '/api/v1/referrals/:id', url: () => `/referrals/${ids.referral}` },
  { method: 'POST', route: '/api/v1/referrals/:id/respond', url: () => `/referrals/${ids.referral}/respond`, body: () => ({ status: 'accepted' }), ifMatch: true },
  { method: 'POST', route: '/api/v1/transit-cases/:id/tasks', url: () => `/transit-cases/${ids.case}/tasks`, body: () => ({ kind: 'other', title: 'x' }) },
  { method: 'GET', route: '/api/v1/tasks', url: () => '/tasks?limit=200', list: (b) => expect(b.items.map((t) => t.id)).not.toContain(ids.task) },
  { method: 'POST', route: '/api/v1/tasks/:id/complete', url: () => `/tasks/${ids.task}/complete`, body: () => ({}) },
  { method: 'POST', route: '/api/v1/tasks/:id/approve', url: () => `/tasks/${ids.task}/approve` },
  { method: 'POST', route: '/api/v1/transit-cases/:id/notes', url: () => `/transit-cases/${ids.case}/notes`, body: () => ({ body: 'x' }) },
  { method: 'POST', route: '/api/v1/transit-cases/:id/stays', url: () => `/transit-cases/${ids.case}/stays`, body: () => ({ checkIn: '2025-03-02' }) },
  { method: 'POST', route: '/api/v1/stays/:id/check-out', url: () => `/stays/${ids.stay}/check-out`, body: () => ({ checkOut: '2025-03-03' }) },
  { method: 'GET', route: '/api/v1/sites/:id/occupancy', url: () => `/sites/${ids.site}/occupancy` },
  { method: 'GET', route: '/api/v1/protection/dashboard', url: () => `/protection/dashboard?siteId=${ids.site}` },
];

function call(r: RouteCase, token?: string) {
  const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...(r.ifMatch ? { 'if-match': '1' } : {}) };
  const body = r.body?.();
  return h.app.inject({ method: r.method, url: `/api/v1${r.url()}`, headers, ...(body === undefined ? {} : { payload: body as object }) });
}

describe('protection route access', () => {
  it('the table covers every protection route', () => {
    const mine = h.app.routeAccess.filter((r) => /\/(transit-cases|referrals|tasks|stays|protection)\b|\/occupancy$/.test(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(mine.sort()).toEqual(routes.map((r) => `${r.method} ${r.route}`).sort());
  });

  it.each(routes.map((r) => [`${r.method} ${r.route}`, r] as const))('%s: anonymous 401, no permission 403, out of scope 404', async (_name, r) => {
    expect((await call(r)).statusCode).toBe(401);
    expect((await call(r, bystander.token)).statusCode).toBe(403);
    const outside = await call(r, stranger.token);
    if (r.list) {
      expect(outside.statusCode).toBe(200);
      r.list(outside.json());
    } else {
      // Opening a case answers 404 too: the person is outside the stranger's person.read scope.
      expect(outside.statusCode).toBe(404);
    }
  });

  it('nothing was written by the refused calls', async () => {
    const events = await h.database.db.selectFrom('transitCaseEvents').select('byUser').where('transitCaseId', '=', ids.case).execute();
    expect(events.every((e) => e.byUser === team.caseworker.id)).toBe(true);
    expect(await h.database.db.selectFrom('transitCases').select('id').where('personId', '=', ids.person).execute()).toEqual([]);
  });
});
