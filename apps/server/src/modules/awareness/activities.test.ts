import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, unique, type Harness } from '../../../test/harness';
import { awarenessOfficer, KATI, KAYES, makeActivity, makeCommunity, reach, send, type TestUser } from './test-awareness';

let h: Harness;
let officer: TestUser;
let community: string;
beforeAll(async () => {
  h = await createHarness();
  officer = await awarenessOfficer(h);
  community = await makeCommunity(h, officer);
});
afterAll(() => h.close());

describe('communities', () => {
  it('creates a community in a real commune, with the region and names derived, and audits it', async () => {
    const res = await send(h, officer.token, 'POST', '/awareness/communities', { name: unique('Liberté '), communePcode: KATI, highEmigrationZone: true, population: 4200, focalPoints: [{ name: 'Moussa Diarra', role: 'chef de quartier', phone: '+223 76 00 00 00' }] });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ communePcode: KATI, communeName: 'Kati', regionPcode: 'ML02', regionName: 'Koulikoro', population: 4200, activityCount: 0, peopleReached: 0, lastActivityOn: null, version: 1, abilities: { update: true } });
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['community.create']);
  });

  it('refuses a P-code that is not a Mali commune, naming the field', async () => {
    for (const communePcode of ['ML999999', 'ML010399']) {
      const res = await send(h, officer.token, 'POST', '/awareness/communities', { name: 'X', communePcode, highEmigrationZone: false });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).fields).toEqual({ communePcode: 'must be a Mali commune (admin-3) P-code' });
    }
    const cercle = await send(h, officer.token, 'POST', '/awareness/communities', { name: 'X', communePcode: 'ML0103', highEmigrationZone: false });
    expect(cercle.statusCode).toBe(400);
    expect(Object.keys(errorOf(cercle).fields ?? {})).toEqual(['communePcode']);
  });

  it('edits with If-Match and answers 412 on a stale version', async () => {
    const id = await makeCommunity(h, officer);
    const ok = await send(h, officer.token, 'PATCH', `/awareness/communities/${id}`, { population: 900 }, { 'if-match': '1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ population: 900, version: 2 });
    const stale = await send(h, officer.token, 'PATCH', `/awareness/communities/${id}`, { population: 901 }, { 'if-match': '1' });
    expect(stale.statusCode).toBe(412);
    const missing = await send(h, officer.token, 'PATCH', `/awareness/communities/${id}`, { population: 901 });
    expect(missing.statusCode).toBe(428);
  });

  it('lists with filters and shows reach figures; the history lists the activities', async () => {
    const id = await makeCommunity(h, officer, KATI);
    await makeActivity(h, officer, id, { date: '2019-05-02', reached: reach(4, 6) });
    await makeActivity(h, officer, id, { date: '2019-06-02', reached: reach(1, 1, 1, 1) });
    const list = await send(h, officer.token, 'GET', `/awareness/communities?communePcode=${KATI}&reached=true&limit=500`);
    expect(list.statusCode).toBe(200);
    const found = list.json().items.find((c: { id: string }) => c.id === id);
    expect(found).toMatchObject({ activityCount: 2, peopleReached: 14, lastActivityOn: '2019-06-02' });
    const unreached = await send(h, officer.token, 'GET', `/awareness/communities?reached=false&limit=500`);
    expect(unreached.json().items.map((c: { id: string }) => c.id)).not.toContain(id);
    const history = await send(h, officer.token, 'GET', `/awareness/communities/${id}/history`);
    expect(history.json().activities.map((a: { date: string }) => a.date)).toEqual(['2019-06-02', '2019-05-02']);
  });
});

describe('campaigns', () => {
  it('creates, lists by period and theme, reads and edits a campaign; ends before start is 400', async () => {
    const body = { name: unique('Partir autrement '), theme: 'irregular_migration_risks', startsOn: '2019-01-01', endsOn: '2019-12-31', messages: [{ language: 'bm', text: 'Taama ka ɲi' }, { language: 'fr', text: 'Partir en sécurité' }], channels: ['radio', 'community_meeting'], targetCommunityIds: [community] };
    const res = await send(h, officer.token, 'POST', '/awareness/campaigns', body);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ theme: 'irregular_migration_risks', activityCount: 0, peopleReached: 0, targetCommunityIds: [community], version: 1 });
    await makeActivity(h, officer, community, { campaignId: c.id, reached: reach(5, 5) });
    const read = await send(h, officer.token, 'GET', `/awareness/campaigns/${c.id}`);
    expect(read.json()).toMatchObject({ activityCount: 1, peopleReached: 10 });
    const list = await send(h, officer.token, 'GET', '/awareness/campaigns?from=2019-06-01&to=2019-06-30&theme=irregular_migration_risks&limit=500');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    const outside = await send(h, officer.token, 'GET', '/awareness/campaigns?from=2021-01-01&limit=500');
    expect(outside.json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const patched = await send(h, officer.token, 'PATCH', `/awareness/campaigns/${c.id}`, { endsOn: '2020-06-30' }, { 'if-match': '1' });
    expect(patched.json()).toMatchObject({ endsOn: '2020-06-30', version: 2 });
    const bad = await send(h, officer.token, 'POST', '/awareness/campaigns', { ...body, endsOn: '2018-12-31' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toEqual({ endsOn: 'must be on or after startsOn (2019-01-01)' });
    const unknown = await send(h, officer.token, 'POST', '/awareness/campaigns', { ...body, targetCommunityIds: ['0190f0f0-0000-7000-8000-000000000000'] });
    expect(errorOf(unknown).fields).toEqual({ 'targetCommunityIds.0': 'refers to an unknown community' });
  });
});

describe('activities', () => {
  it('records an activity with counted reach, materials and a campaign-less place, and audits it', async () => {
    const res = await send(h, officer.token, 'POST', '/awareness/activities', { type: 'theatre_forum', date: '2020-02-01', communityId: community, facilitator: 'Troupe Nyogolon', reached: reach(20, 25, 10, 8), materials: [{ type: 'leaflet', quantity: 100 }] });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ reached: { total: 63, men: 20, women: 25, boys: 10, girls: 8 }, estimatedAudience: null, communePcode: KAYES, regionPcode: 'ML01', participantCount: 0, photos: [], materials: [{ type: 'leaflet', quantity: 100 }] });
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', a.id).execute();
    expect(audit.map((x) => x.action)).toEqual(['awarenessActivity.create']);
  });

  it('refuses a reach that does not add up, naming reached.total, and stores nothing', async () => {
    const facilitator = unique('F ');
    const res = await send(h, officer.token, 'POST', '/awareness/activities', { type: 'community_dialogue', date: '2020-02-01', communityId: community, facilitator, reached: { total: 30, men: 10, women: 10, boys: 5, girls: 4 } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toEqual({ 'reached.total': 'must equal men + women + boys + girls (29)' });
    expect(await h.database.db.selectFrom('awarenessActivities').select('id').where('facilitator', '=', facilitator).execute()).toEqual([]);
  });

  it('refuses negative counts and an estimate for a non mass-media activity', async () => {
    const negative = await send(h, officer.token, 'POST', '/awareness/activities', { type: 'community_dialogue', date: '2020-02-01', communityId: community, facilitator: 'x', reached: { total: 0, men: -1, women: 1, boys: 0, girls: 0 } });
    expect(negative.statusCode).toBe(400);
    expect(Object.keys(errorOf(negative).fields ?? {})).toContain('reached.men');
    const estimate = await send(h, officer.token, 'POST', '/awareness/activities', { type: 'door_to_door', date: '2020-02-01', communityId: community, facilitator: 'x', reached: { estimatedAudience: 500 } });
    expect(estimate.statusCode).toBe(400);
    expect(Object.keys(errorOf(estimate).fields ?? {})).toEqual(['reached.estimatedAudience']);
  });

  it('accepts an estimated audience for a radio broadcast, kept apart from counted reach', async () => {
    const res = await send(h, officer.token, 'POST', '/awareness/activities', { type: 'radio_broadcast', date: '2020-02-03', routeLocation: { name: 'Radio Rurale de Kayes', communePcode: KAYES }, facilitator: 'Animateur', reached: { estimatedAudience: 15000 } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ reached: null, estimatedAudience: 15000, routeLocation: { name: 'Radio Rurale de Kayes', communePcode: KAYES }, abilities: { editParticipants: false } });
  });

  it('refuses unknown places, several places, and a future date', async () => {
    const base = { type: 'community_dialogue', date: '2020-02-01', facilitator: 'x', reached: reach(1, 1) };
    const cases: [Record<string, unknown>, string][] = [
      [{ communityId: '0190f0f0-0000-7000-8000-000000000000' }, 'communityId'],
      [{ fmpId: 'ML-FMP-99' }, 'fmpId'],
      [{ routeLocation: { name: 'Gare routière', communePcode: 'ML999999' } }, 'routeLocation.communePcode'],
      [{ communityId: community, fmpId: 'ML-FMP-01' }, 'communityId'],
      [{}, 'communityId'],
      [{ communityId: community, date: '2999-01-01' }, 'date'],
    ];
    for (const [extra, field] of cases) {
      const res = await send(h, officer.token, 'POST', '/awareness/activities', { ...base, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
    }
  });

  it('lists with filters, reads one, and edits with If-Match (412 when stale)', async () => {
    const c = await makeCommunity(h, officer, KATI);
    const id = await makeActivity(h, officer, c, { type: 'school_session', date: '2021-04-04' });
    const list = await send(h, officer.token, 'GET', `/awareness/activities?communityId=${c}&type=school_session&from=2021-01-01&to=2021-12-31&regionPcode=ML02`);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([id]);
    const got = await send(h, officer.token, 'GET', `/awareness/activities/${id}`);
    expect(got.json()).toMatchObject({ id, type: 'school_session', communityName: expect.any(String) });
    const patched = await send(h, officer.token, 'PATCH', `/awareness/activities/${id}`, { reached: reach(2, 2) }, { 'if-match': '1' });
    expect(patched.json()).toMatchObject({ reached: { total: 4 }, version: 2 });
    const stale = await send(h, officer.token, 'PATCH', `/awareness/activities/${id}`, { facilitator: 'y' }, { 'if-match': '1' });
    expect(stale.statusCode).toBe(412);
    const badReach = await send(h, officer.token, 'PATCH', `/awareness/activities/${id}`, { reached: { total: 5, men: 1, women: 1, boys: 1, girls: 1 } }, { 'if-match': '2' });
    expect(errorOf(badReach).fields).toEqual({ 'reached.total': 'must equal men + women + boys + girls (4)' });
  });
});
