// Named participants, surveys, photos and the dashboard: what is counted, and what is counted once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_INSTRUMENT, newId } from '@taama/core';
import { bearer, createHarness, errorOf, unique, type Harness } from '../../../test/harness';
import { multipart } from '../flows/test-helpers';
import { awarenessOfficer, KATI, makeActivity, makeCommunity, reach, send, type TestUser } from './test-awareness';

let h: Harness;
let officer: TestUser;
beforeAll(async () => {
  h = await createHarness();
  // An organisation of its own, so the dashboard shows exactly what this file creates.
  officer = await awarenessOfficer(h, 'ngo-kayes-avenir');
});
afterAll(() => h.close());

const awa = (name: string) => ({ name, sex: 'female', ageGroup: 'adult', consentToMatch: false });

describe('named participant lists', () => {
  it('flags a participant seen at an earlier activity as a repeat, under spelling variants, and counts them once', async () => {
    const c = await makeCommunity(h, officer);
    const first = await makeActivity(h, officer, c, { date: '2020-01-10', reached: reach(1, 2) });
    const second = await makeActivity(h, officer, c, { date: '2020-02-10', reached: reach(0, 2) });
    const mamadou = { name: 'Mamadou Traoré', sex: 'male', ageGroup: 'adult', consentToMatch: false };
    const r1 = await send(h, officer.token, 'PUT', `/awareness/activities/${first}/participants`, { participants: [mamadou, awa('Awa Diallo'), awa('Fanta Camara')] });
    expect(r1.statusCode).toBe(200);
    expect(r1.json().uniqueNew).toBe(3);
    const r2 = await send(h, officer.token, 'PUT', `/awareness/activities/${second}/participants`, { participants: [awa('DIALLO Awa'), awa('Kadiatou Sidibé')] });
    expect(r2.json().participants.map((p: { repeat: boolean }) => p.repeat)).toEqual([true, false]);
    expect(r2.json().uniqueNew).toBe(1);
    const saved = await send(h, officer.token, 'GET', `/awareness/activities/${second}/participants`);
    expect(saved.json()).toEqual({ participants: r2.json().participants, uniqueNew: 1 });
    const community = await send(h, officer.token, 'GET', `/awareness/communities/${c}`);
    // 3 + 2 listed attendances, 4 different people.
    expect(community.json()).toMatchObject({ activityCount: 2, peopleReached: 4 });
    const audit = await h.database.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', second).where('action', '=', 'awarenessActivity.participants_set').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).not.toContain('Kadiatou');
  });

  it('refuses a list that does not match the counted reach by sex × age group, naming the group', async () => {
    const c = await makeCommunity(h, officer);
    const id = await makeActivity(h, officer, c, { reached: reach(1, 1) });
    const res = await send(h, officer.token, 'PUT', `/awareness/activities/${id}/participants`, { participants: [awa('Awa Diallo'), awa('Fanta Camara')] });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toEqual({ 'reached.men': 'is 1 but the participant list has 0', 'reached.women': 'is 1 but the participant list has 2' });
    expect(await h.database.db.selectFrom('awarenessParticipants').select('id').where('activityId', '=', id).execute()).toEqual([]);
  });

  it('then refuses an edit of the reach that would no longer match the list', async () => {
    const c = await makeCommunity(h, officer);
    const id = await makeActivity(h, officer, c, { reached: reach(0, 1) });
    await send(h, officer.token, 'PUT', `/awareness/activities/${id}/participants`, { participants: [awa('Awa Diallo')] });
    const res = await send(h, officer.token, 'PATCH', `/awareness/activities/${id}`, { reached: reach(1, 1) }, { 'if-match': '2' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toMatchObject({ 'reached.total': 'is 2 but the participant list has 1' });
  });

  it('links a consenting participant to a matching registry person with a data-sharing consent, and never returns the link', async () => {
    const db = h.database.db;
    const family = unique('Konaté');
    const personId = newId();
    const keys = await import('@taama/core').then((m) => m.personMatchingKeys({ givenName: 'Sekou', familyName: family }));
    await db
      .insertInto('people')
      .values({ id: personId, caseNumber: unique('ML-TST-2020-'), status: 'active', mergedIntoId: null, givenName: 'Sekou', familyName: family, nameArabic: null, sex: 'male', dateOfBirth: '1990-01-01', birthYear: 1990, nationality: 'MLI', birthCountry: null, ...keys, organisationId: officer.organisationId, siteId: null, regionPcode: null, ownerId: null, registeredOn: '2020-01-01', createdBy: null, updatedBy: null })
      .execute();
    await db.insertInto('consents').values({ id: newId(), personId, kind: 'data_sharing', organisationId: officer.organisationId, method: 'explicit_oral', givenOn: '2020-01-01', withdrawnOn: null, note: null, recordedBy: null }).execute();
    const c = await makeCommunity(h, officer);
    const id = await makeActivity(h, officer, c, { reached: reach(2, 0) });
    const res = await send(h, officer.token, 'PUT', `/awareness/activities/${id}/participants`, { participants: [{ name: `Sekou ${family}`, sex: 'male', ageGroup: 'adult', consentToMatch: true }, { name: `Sekou ${family}`, sex: 'male', ageGroup: 'adult', consentToMatch: false }] });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(personId);
    expect(res.body).not.toContain('personId');
    const rows = await db.selectFrom('awarenessParticipants').select(['personId', 'consentToMatch']).where('activityId', '=', id).orderBy('consentToMatch', 'desc').execute();
    expect(rows).toEqual([{ personId, consentToMatch: true }, { personId: null, consentToMatch: false }]);
  });
});

describe('surveys', () => {
  const correct = Object.fromEntries(DEFAULT_SURVEY_INSTRUMENT.items.map((i) => [i.code, i.correct]));
  const half = Object.fromEntries(DEFAULT_SURVEY_INSTRUMENT.items.map((i, n) => [i.code, n % 2 === 0 ? i.correct : (i.options.find((o) => o.value !== i.correct)?.value ?? i.correct)]));

  it('offers the default instrument', async () => {
    const res = await send(h, officer.token, 'GET', '/awareness/survey-instruments');
    expect(res.json().items.map((i: { version: string }) => i.version)).toEqual(['kap-2024-1']);
  });

  it('scores responses and shows the change from before to after', async () => {
    const c = await makeCommunity(h, officer);
    const before = await send(h, officer.token, 'POST', '/awareness/surveys', { communityId: c, phase: 'before', surveyedOn: '2020-01-05', instrumentVersion: 'kap-2024-1', responses: [{ answers: half }, { answers: half }] });
    expect(before.statusCode).toBe(201);
    expect(before.json()).toMatchObject({ respondents: 2, meanScore: 0.5 });
    await send(h, officer.token, 'POST', '/awareness/surveys', { communityId: c, phase: 'after', surveyedOn: '2020-06-05', instrumentVersion: 'kap-2024-1', responses: [{ answers: correct }, { answers: half }] });
    const change = await send(h, officer.token, 'GET', `/awareness/communities/${c}/survey-change`);
    expect(change.json()).toEqual({ communityId: c, items: [{ instrumentVersion: 'kap-2024-1', before: { n: 2, meanScore: 0.5 }, after: { n: 2, meanScore: 0.75 }, change: 0.25 }] });
    const history = await send(h, officer.token, 'GET', `/awareness/communities/${c}/history`);
    expect(history.json().surveys.map((s: { phase: string }) => s.phase)).toEqual(['after', 'before']);
  });

  it('refuses unknown instruments, items and values, and stores nothing', async () => {
    const c = await makeCommunity(h, officer);
    const version = await send(h, officer.token, 'POST', '/awareness/surveys', { communityId: c, phase: 'before', surveyedOn: '2020-01-05', instrumentVersion: 'kap-1999', responses: [{ answers: correct }] });
    expect(Object.keys(errorOf(version).fields ?? {})).toEqual(['instrumentVersion']);
    const item = await send(h, officer.token, 'POST', '/awareness/surveys', { communityId: c, phase: 'before', surveyedOn: '2020-01-05', instrumentVersion: 'kap-2024-1', responses: [{ answers: correct }, { answers: { desert_risk: 'peut-être' } }] });
    expect(errorOf(item).fields).toEqual({ 'responses.1.answers.desert_risk': 'must be one of true, false' });
    expect(await h.database.db.selectFrom('awarenessSurveys').select('id').where('communityId', '=', c).execute()).toEqual([]);
  });
});

describe('photos', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

  it('stores a PNG recognised by its bytes and serves it back', async () => {
    const c = await makeCommunity(h, officer);
    const id = await makeActivity(h, officer, c);
    const body = multipart({}, { name: 'photo.jpg', content: png, type: 'image/jpeg' });
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/awareness/activities/${id}/photos`, headers: { ...bearer(officer.token), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'image/png', size: png.length });
    const back = await h.app.inject({ method: 'GET', url: `/api/v1/awareness/activities/${id}/photos/${res.json().id}`, headers: bearer(officer.token) });
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(png)).toBe(true);
    const activity = await send(h, officer.token, 'GET', `/awareness/activities/${id}`);
    expect(activity.json().photos).toHaveLength(1);
  });

  it('refuses a file that is not a JPEG or PNG', async () => {
    const c = await makeCommunity(h, officer);
    const id = await makeActivity(h, officer, c);
    const body = multipart({}, { name: 'photo.png', content: 'not an image', type: 'image/png' });
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/awareness/activities/${id}/photos`, headers: { ...bearer(officer.token), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toEqual({ file: 'must be a JPEG or PNG image' });
  });
});

describe('dashboard', () => {
  it('counts people once, keeps estimates apart, and adds up by sex × age, month, type and place', async () => {
    // A fresh organisation-scoped officer of another NGO: the dashboard holds only these records.
    const me = await awarenessOfficer(h, 'mmeia');
    const a = await makeCommunity(h, me);
    const b = await makeCommunity(h, me, KATI);
    await makeActivity(h, me, a, { date: '2019-03-01', reached: reach(10, 20, 5, 5) });
    const listed1 = await makeActivity(h, me, b, { date: '2019-04-01', reached: reach(1, 1) });
    const listed2 = await makeActivity(h, me, b, { date: '2019-05-01', type: 'caravan', reached: reach(1, 0, 0, 1) });
    await send(h, me.token, 'PUT', `/awareness/activities/${listed1}/participants`, { participants: [{ name: 'Oumar Coulibaly', sex: 'male', ageGroup: 'adult', consentToMatch: false }, awa('Aminata Keita')] });
    await send(h, me.token, 'PUT', `/awareness/activities/${listed2}/participants`, { participants: [{ name: 'Oumar Coulibaly', sex: 'male', ageGroup: 'adult', consentToMatch: false }, { name: 'Mariam Keita', sex: 'female', ageGroup: 'child', consentToMatch: false }] });
    await send(h, me.token, 'POST', '/awareness/activities', { type: 'radio_broadcast', date: '2019-05-02', routeLocation: { name: 'Radio', communePcode: KATI }, facilitator: 'x', reached: { estimatedAudience: 25000 } });
    const res = await send(h, me.token, 'GET', '/awareness/dashboard?from=2019-01-01&to=2019-12-31');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ targets: { communities: 200, peopleReached: 70000 }, communitiesReached: 2, peopleReached: 43, estimatedAudience: 25000, activities: 4, sexAge: { men: 11, women: 21, boys: 5, girls: 6 } });
    expect(d.byMonth).toEqual([
      { month: '2019-03', reached: 40, cumulative: 40 },
      { month: '2019-04', reached: 2, cumulative: 42 },
      { month: '2019-05', reached: 1, cumulative: 43 },
    ]);
    expect(d.byType).toEqual([
      { type: 'caravan', activities: 1, reached: 1, estimated: 0 },
      { type: 'community_dialogue', activities: 2, reached: 42, estimated: 0 },
      { type: 'radio_broadcast', activities: 1, reached: 0, estimated: 25000 },
    ]);
    expect(d.byRegion).toEqual([
      { pcode: 'ML01', name: 'Kayes', reached: 40, communities: 1 },
      { pcode: 'ML02', name: 'Koulikoro', reached: 3, communities: 1 },
    ]);
    expect(d.byCommune.map((c: { pcode: string; reached: number }) => [c.pcode, c.reached])).toEqual([['ML010312', 40], ['ML020418', 3]]);
    const region = await send(h, me.token, 'GET', '/awareness/dashboard?regionPcode=ML02');
    expect(region.json()).toMatchObject({ peopleReached: 3, estimatedAudience: 25000, communitiesReached: 1 });
  });
});
