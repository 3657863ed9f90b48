// Every awareness route, three ways: without a session (401), without the permission (403), and on
// another organisation's records (404, or a list without them). Communities are shared reference
// records: every holder of the permission reaches them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_INSTRUMENT } from '@taama/core';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { multipart } from '../flows/test-helpers';
import { awarenessOfficer, makeActivity, makeCommunity, reach, send, type TestUser } from './test-awareness';

let h: Harness;
let owner: TestUser;
let stranger: TestUser;
let bystander: TestUser;
let ids: { community: string; campaign: string; activity: string; photo: string };

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 2)]);

beforeAll(async () => {
  h = await createHarness();
  owner = await awarenessOfficer(h, 'iom');
  stranger = await awarenessOfficer(h, 'aecid');
  bystander = await h.userWith({ permissions: ['reference.read', 'mobility.read', 'mobility.manage'] });
  const community = await makeCommunity(h, owner);
  const campaign = (await send(h, owner.token, 'POST', '/awareness/campaigns', { name: 'C', theme: 'legal_pathways', startsOn: '2019-01-01', endsOn: '2019-12-31', messages: [], channels: ['radio'] })).json().id;
  const activity = await makeActivity(h, owner, community, { campaignId: campaign, reached: reach(1, 0) });
  const upload = multipart({}, { name: 'p.png', content: png, type: 'image/png' });
  const photo = (await h.app.inject({ method: 'POST', url: `/api/v1/awareness/activities/${activity}/photos`, headers: { ...bearer(owner.token), ...upload.headers }, payload: upload.payload })).json().id;
  ids = { community, campaign, activity, photo };
});
afterAll(() => h.close());

type Outcome = 'scoped' | 'open' | ((body: { items: { id: string }[] }) => void);
interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  route: string;
  url: () => string;
  body?: () => unknown;
  ifMatch?: boolean;
  photo?: boolean;
  outside: Outcome;
}

const notListing = (id: () => string) => (b: { items: { id: string }[] }) => expect(b.items.map((x) => x.id)).not.toContain(id());
const answers = Object.fromEntries(DEFAULT_SURVEY_INSTRUMENT.items.map((i) => [i.code, i.correct]));

const routes: RouteCase[] = [
  { method: 'GET', route: '/api/v1/awareness/communities', url: () => '/awareness/communities', outside: 'open' },
  { method: 'POST', route: '/api/v1/awareness/communities', url: () => '/awareness/communities', body: () => ({ name: 'N', communePcode: 'ML010312', highEmigrationZone: false }), outside: 'open' },
  { method: 'GET', route: '/api/v1/awareness/communities/:id', url: () => `/awareness/communities/${ids.community}`, outside: 'open' },
  { method: 'PATCH', route: '/api/v1/awareness/communities/:id', url: () => `/awareness/communities/${ids.community}`, body: () => ({ population: 10 }), ifMatch: true, outside: 'open' },
  { method: 'GET', route: '/api/v1/awareness/communities/:id/history', url: () => `/awareness/communities/${ids.community}/history`, outside: (b) => expect((b as unknown as { activities: unknown[] }).activities).toEqual([]) },
  { method: 'GET', route: '/api/v1/awareness/communities/:id/survey-change', url: () => `/awareness/communities/${ids.community}/survey-change`, outside: 'open' },
  { method: 'GET', route: '/api/v1/awareness/campaigns', url: () => '/awareness/campaigns?limit=500', outside: notListing(() => ids.campaign) },
  { method: 'POST', route: '/api/v1/awareness/campaigns', url: () => '/awareness/campaigns', body: () => ({ name: 'C', theme: 'legal_pathways', startsOn: '2019-01-01', endsOn: '2019-12-31', messages: [], channels: [] }), outside: 'open' },
  { method: 'GET', route: '/api/v1/awareness/campaigns/:id', url: () => `/awareness/campaigns/${ids.campaign}`, outside: 'scoped' },
  { method: 'PATCH', route: '/api/v1/awareness/campaigns/:id', url: () => `/awareness/campaigns/${ids.campaign}`, body: () => ({ name: 'X' }), ifMatch: true, outside: 'scoped' },
  { method: 'POST', route: '/api/v1/awareness/activities', url: () => '/awareness/activities', body: () => ({ type: 'other', date: '2020-01-01', communityId: ids.community, facilitator: 'x', reached: reach(1, 0) }), outside: 'open' },
  { method: 'GET', route: '/api/v1/awareness/activities', url: () => '/awareness/activities?limit=500', outside: notListing(() => ids.activity) },
  { method: 'GET', route: '/api/v1/awareness/activities/:id', url: () => `/awareness/activities/${ids.activity}`, outside: 'scoped' },
  { method: 'PATCH', route: '/api/v1/awareness/activities/:id', url: () => `/awareness/activities/${ids.activity}`, body: () => ({ facilitator: 'y' }), ifMatch: true, outside: 'scoped' },
  { method: 'PUT', route: '/api/v1/awareness/activities/:id/participants', url: () => `/awareness/activities/${ids.activity}/participants`, body: () => ({ participants: [] }), outside: 'scoped' },
  { method: 'GET', route: '/api/v1/awareness/activities/:id/participants', url: () => `/awareness/activities/${ids.activity}/participants`, outside: 'scoped' },
  { method: 'POST', route: '/api/v1/awareness/activities/:id/photos', url: () => `/awareness/activities/${ids.activity}/photos`, photo: true, outside: 'scoped' },
  { method: 'GET', route: '/api/v1/awareness/activities/:id/photos/:photoId', url: () => `/awareness/activities/${ids.activity}/photos/${ids.photo}`, outside: 'scoped' },
  { method: 'GET', route: '/api/v1/awareness/survey-instruments', url: () => '/awareness/survey-instruments', outside: 'open' },
  { method: 'POST', route: '/api/v1/awareness/surveys', url: () => '/awareness/surveys', body: () => ({ communityId: ids.community, phase: 'before', surveyedOn: '2020-01-01', instrumentVersion: 'kap-2024-1', responses: [{ answers }] }), outside: 'open' },
  { method: 'GET', route: '/api/v1/awareness/dashboard', url: () => '/awareness/dashboard', outside: 'open' },
];

function call(r: RouteCase, token?: string) {
  const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...(r.ifMatch ? { 'if-match': '1' } : {}) };
  if (r.photo) {
    const upload = multipart({}, { name: 'p.png', content: png, type: 'image/png' });
    return h.app.inject({ method: r.method, url: `/api/v1${r.url()}`, headers: { ...headers, ...upload.headers }, payload: upload.payload });
  }
  const body = r.body?.();
  return h.app.inject({ method: r.method, url: `/api/v1${r.url()}`, headers, ...(body === undefined ? {} : { payload: body as object }) });
}

describe('awareness route access', () => {
  it('the table covers every awareness route', () => {
    const mine = h.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/awareness')).map((r) => `${r.method} ${r.url}`);
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
    const activity = await h.database.db.selectFrom('awarenessActivities').select(['version', 'facilitator']).where('id', '=', ids.activity).executeTakeFirstOrThrow();
    expect(activity).toEqual({ version: 1, facilitator: 'Awa Keita' });
    const campaign = await h.database.db.selectFrom('awarenessCampaigns').select(['version', 'name']).where('id', '=', ids.campaign).executeTakeFirstOrThrow();
    expect(campaign).toEqual({ version: 1, name: 'C' });
  });

  it('an awareness officer reaches no people, transit cases or flow surveys (403)', async () => {
    for (const url of ['/people?q=Traore', '/transit-cases', '/flows/surveys']) {
      expect((await send(h, owner.token, 'GET', url)).statusCode, url).toBe(403);
    }
    expect((await send(h, owner.token, 'POST', '/people', { givenName: 'A', familyName: 'B', sex: 'male', nationality: 'MLI' })).statusCode).toBe(403);
  });

  it('a read-only role (M&E) reads but cannot write', async () => {
    const me = await h.userWith({ permissions: ['awareness.read', 'mobility.read'], scope: 'all', maxSensitivity: 'internal' });
    expect((await send(h, me.token, 'GET', `/awareness/activities/${ids.activity}`)).json().abilities).toEqual({ update: false, addPhoto: false, editParticipants: false });
    expect((await send(h, me.token, 'POST', '/awareness/communities', { name: 'N', communePcode: 'ML010312', highEmigrationZone: false })).statusCode).toBe(403);
  });
});
