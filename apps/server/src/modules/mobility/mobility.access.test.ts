// Every free-movement route, three ways: without a session (401), without the permission (403), and
// on another organisation's records (404, or a list without them). Border posts and institutions are
// shared reference records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { awarenessOfficer, send, type TestUser } from '../awareness/test-awareness';
import { incidentBody, makeBorderPost, makeInstitution, makeTraining } from './test-mobility';

let h: Harness;
let owner: TestUser;
let stranger: TestUser;
let bystander: TestUser;
let ids: { post: string; institution: string; training: string; equipment: string; incident: string };

beforeAll(async () => {
  h = await createHarness();
  owner = await awarenessOfficer(h, 'iom');
  stranger = await awarenessOfficer(h, 'ngo-kayes-avenir');
  bystander = await h.userWith({ permissions: ['reference.read', 'awareness.read', 'awareness.manage'] });
  const post = await makeBorderPost(h, owner);
  const institution = await makeInstitution(h, owner);
  const training = await makeTraining(h, owner);
  const equipment = (await send(h, owner.token, 'POST', '/mobility/equipment', { type: 'Radio', quantity: 1, valueXof: 10, recipientInstitutionId: institution, handedOverOn: '2020-01-01' })).json().id;
  const incident = (await send(h, owner.token, 'POST', '/mobility/incidents', incidentBody(post))).json().id;
  ids = { post, institution, training, equipment, incident };
});
afterAll(() => h.close());

type Outcome = 'scoped' | 'open' | ((body: { items: { id: string }[] }) => void);
interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  route: string;
  url: () => string;
  body?: () => unknown;
  ifMatch?: boolean;
  outside: Outcome;
}
const notListing = (id: () => string) => (b: { items: { id: string }[] }) => expect(b.items.map((x) => x.id)).not.toContain(id());

const routes: RouteCase[] = [
  { method: 'GET', route: '/api/v1/mobility/border-posts', url: () => '/mobility/border-posts', outside: 'open' },
  { method: 'POST', route: '/api/v1/mobility/border-posts', url: () => '/mobility/border-posts', body: () => ({ name: 'P', pcode: 'ML0103', neighbourCountry: 'SEN', type: 'land_border' }), outside: 'open' },
  { method: 'PATCH', route: '/api/v1/mobility/border-posts/:id', url: () => `/mobility/border-posts/${ids.post}`, body: () => ({ corridor: 'other' }), ifMatch: true, outside: 'open' },
  { method: 'GET', route: '/api/v1/mobility/institutions', url: () => '/mobility/institutions', outside: 'open' },
  { method: 'POST', route: '/api/v1/mobility/institutions', url: () => '/mobility/institutions', body: () => ({ name: 'I', kind: 'police' }), outside: 'open' },
  { method: 'PATCH', route: '/api/v1/mobility/institutions/:id', url: () => `/mobility/institutions/${ids.institution}`, body: () => ({ kind: 'customs' }), ifMatch: true, outside: 'open' },
  { method: 'GET', route: '/api/v1/mobility/trainings', url: () => '/mobility/trainings?limit=500', outside: notListing(() => ids.training) },
  { method: 'POST', route: '/api/v1/mobility/trainings', url: () => '/mobility/trainings', body: () => ({ title: 'T', topic: 'data_systems', startsOn: '2020-01-01', endsOn: '2020-01-02', days: 2, place: 'Bamako' }), outside: 'open' },
  { method: 'GET', route: '/api/v1/mobility/trainings/:id', url: () => `/mobility/trainings/${ids.training}`, outside: 'scoped' },
  { method: 'PATCH', route: '/api/v1/mobility/trainings/:id', url: () => `/mobility/trainings/${ids.training}`, body: () => ({ place: 'X' }), ifMatch: true, outside: 'scoped' },
  { method: 'PUT', route: '/api/v1/mobility/trainings/:id/trainees', url: () => `/mobility/trainings/${ids.training}/trainees`, body: () => ({ trainees: [] }), outside: 'scoped' },
  { method: 'GET', route: '/api/v1/mobility/equipment', url: () => '/mobility/equipment?limit=500', outside: notListing(() => ids.equipment) },
  { method: 'POST', route: '/api/v1/mobility/equipment', url: () => '/mobility/equipment', body: () => ({ type: 'Radio', quantity: 1, valueXof: 1, recipientInstitutionId: ids.institution, handedOverOn: '2020-01-01' }), outside: 'open' },
  { method: 'PATCH', route: '/api/v1/mobility/equipment/:id', url: () => `/mobility/equipment/${ids.equipment}`, body: () => ({ quantity: 5 }), ifMatch: true, outside: 'scoped' },
  { method: 'GET', route: '/api/v1/mobility/incidents', url: () => '/mobility/incidents?limit=500', outside: notListing(() => ids.incident) },
  { method: 'GET', route: '/api/v1/mobility/incidents/stats', url: () => '/mobility/incidents/stats', outside: 'open' },
  { method: 'POST', route: '/api/v1/mobility/incidents', url: () => '/mobility/incidents', body: () => incidentBody(ids.post), outside: 'open' },
  { method: 'GET', route: '/api/v1/mobility/incidents/:id', url: () => `/mobility/incidents/${ids.incident}`, outside: 'scoped' },
  { method: 'PATCH', route: '/api/v1/mobility/incidents/:id', url: () => `/mobility/incidents/${ids.incident}`, body: () => ({ followUp: 'x' }), ifMatch: true, outside: 'scoped' },
  { method: 'GET', route: '/api/v1/mobility/dashboard', url: () => '/mobility/dashboard', outside: 'open' },
  { method: 'GET', route: '/api/v1/mobility/rights', url: () => '/mobility/rights?date=2020-01-01&nationality=MLI&hostCountry=CIV', outside: 'open' },
];

function call(r: RouteCase, token?: string) {
  const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...(r.ifMatch ? { 'if-match': '1' } : {}) };
  const body = r.body?.();
  return h.app.inject({ method: r.method, url: `/api/v1${r.url()}`, headers, ...(body === undefined ? {} : { payload: body as object }) });
}

describe('free-movement route access', () => {
  it('the table covers every free-movement route', () => {
    const mine = h.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/mobility')).map((r) => `${r.method} ${r.url}`);
    expect(mine.sort()).toEqual(routes.map((r) => `${r.method} ${r.route}`).sort());
  });

  it.each(routes.map((r) => [`${r.method} ${r.route}`, r] as const))('%s: anonymous 401, no permission 403, another organisation 404', async (_name, r) => {
    expect((await call(r)).statusCode).toBe(401);
    expect((await call(r, bystander.token)).statusCode).toBe(403);
    const outside = await call(r, stranger.token);
    if (r.outside === 'scoped') expect(outside.statusCode).toBe(404);
    else {
      expect([200, 201, 412]).toContain(outside.statusCode);
      if (typeof r.outside === 'function') r.outside(outside.json());
    }
  });

  it('the owner’s records were not changed by the refused calls', async () => {
    const db = h.database.db;
    expect((await db.selectFrom('trainings').select('version').where('id', '=', ids.training).executeTakeFirstOrThrow()).version).toBe(1);
    expect((await db.selectFrom('equipmentHandovers').select('version').where('id', '=', ids.equipment).executeTakeFirstOrThrow()).version).toBe(1);
    expect((await db.selectFrom('mobilityIncidents').select(['version', 'followUp']).where('id', '=', ids.incident).executeTakeFirstOrThrow())).toEqual({ version: 1, followUp: null });
  });

  it('the stranger’s figures count only their organisation’s incidents', async () => {
    const mine = await h.app.inject({ method: 'GET', url: '/api/v1/mobility/incidents/stats?by=borderPost', headers: bearer(stranger.token) });
    const theirs = await h.database.db.selectFrom('mobilityIncidents').select('id').where('organisationId', '=', stranger.organisationId).execute();
    expect(mine.json().total).toBe(theirs.length);
  });
});
