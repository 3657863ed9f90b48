import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../../../test/harness';
import { awarenessOfficer, send, type TestUser } from '../awareness/test-awareness';
import { incidentBody, makeBorderPost, makeInstitution, makeTraining } from './test-mobility';

let h: Harness;
let officer: TestUser;
beforeAll(async () => {
  h = await createHarness();
  officer = await awarenessOfficer(h, 'aecid');
});
afterAll(() => h.close());

describe('border posts and institutions', () => {
  it('creates, lists and edits a border post; refuses a non-Mali P-code and an unknown country', async () => {
    const id = await makeBorderPost(h, officer, { name: 'Diboli test' });
    const list = await send(h, officer.token, 'GET', '/mobility/border-posts?corridor=bamako_dakar&limit=500');
    expect(list.json().items.find((b: { id: string }) => b.id === id)).toMatchObject({ name: 'Diboli test', placeName: 'Kayes', neighbourCountry: 'SEN', version: 1 });
    const patched = await send(h, officer.token, 'PATCH', `/mobility/border-posts/${id}`, { type: 'checkpoint' }, { 'if-match': '1' });
    expect(patched.json()).toMatchObject({ type: 'checkpoint', version: 2 });
    expect((await send(h, officer.token, 'PATCH', `/mobility/border-posts/${id}`, { type: 'airport' }, { 'if-match': '1' })).statusCode).toBe(412);
    const region = await send(h, officer.token, 'POST', '/mobility/border-posts', { name: 'x', pcode: 'ML01', neighbourCountry: 'SEN', type: 'land_border' });
    expect(errorOf(region).fields).toEqual({ pcode: expect.any(String) });
    const country = await send(h, officer.token, 'POST', '/mobility/border-posts', { name: 'x', pcode: 'ML0103', neighbourCountry: 'XYZ', type: 'land_border' });
    expect(errorOf(country).fields).toEqual({ neighbourCountry: 'must be a known ISO 3166-1 alpha-3 country code' });
  });

  it('creates institutions with Mali by default and a parent; edits them', async () => {
    const parent = await makeInstitution(h, officer, 'ministry');
    const res = await send(h, officer.token, 'POST', '/mobility/institutions', { name: 'Police des frontières de Kayes', kind: 'police', parentInstitutionId: parent });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ countryCode: 'MLI', parentInstitutionId: parent, parentInstitutionName: expect.any(String) });
    const self = await send(h, officer.token, 'PATCH', `/mobility/institutions/${res.json().id}`, { parentInstitutionId: res.json().id }, { 'if-match': '1' });
    expect(errorOf(self).fields).toEqual({ parentInstitutionId: 'cannot be the institution itself' });
    const list = await send(h, officer.token, 'GET', '/mobility/institutions?kind=police&q=Kayes');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(res.json().id);
  });
});

describe('trainings', () => {
  it('records trainees with attendance and scores; shows means and gain', async () => {
    const police = await makeInstitution(h, officer);
    const id = await makeTraining(h, officer);
    const res = await send(h, officer.token, 'PUT', `/mobility/trainings/${id}/trainees`, {
      trainees: [
        { name: 'Oumar Diallo', sex: 'male', institutionId: police, rank: 'inspecteur', daysAttended: 5, completed: true, preScore: 40, postScore: 80 },
        { name: 'Fatoumata Touré', sex: 'female', institutionId: police, daysAttended: 4, completed: true, preScore: 60, postScore: 80 },
        { name: 'Issa Maïga', sex: 'male', institutionId: police, daysAttended: 2, completed: false, preScore: 50 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ traineeCount: 3, completedCount: 2, meanPreScore: 50, meanPostScore: 80, gain: 30, version: 2 });
    const got = await send(h, officer.token, 'GET', `/mobility/trainings/${id}`);
    expect(got.json().trainees.map((t: { name: string }) => t.name)).toEqual(['Fatoumata Touré', 'Issa Maïga', 'Oumar Diallo']);
    const list = await send(h, officer.token, 'GET', '/mobility/trainings?from=2019-10-01&to=2019-10-31&topic=integrated_border_management&limit=500');
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(id);
  });

  it('refuses completion without attendance, naming the trainee, and keeps the old list', async () => {
    const police = await makeInstitution(h, officer);
    const id = await makeTraining(h, officer);
    await send(h, officer.token, 'PUT', `/mobility/trainings/${id}/trainees`, { trainees: [{ name: 'A B', sex: 'male', institutionId: police, daysAttended: 5, completed: true }] });
    const res = await send(h, officer.token, 'PUT', `/mobility/trainings/${id}/trainees`, { trainees: [{ name: 'A B', sex: 'male', institutionId: police, daysAttended: 5, completed: true }, { name: 'C D', sex: 'female', institutionId: police, daysAttended: 3, completed: true }] });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toEqual({ 'trainees.1.completed': 'needs at least 4 of 5 days attended (80 %)' });
    const got = await send(h, officer.token, 'GET', `/mobility/trainings/${id}`);
    expect(got.json().traineeCount).toBe(1);
    const tooMany = await send(h, officer.token, 'PUT', `/mobility/trainings/${id}/trainees`, { trainees: [{ name: 'A B', sex: 'male', institutionId: police, daysAttended: 6, completed: false }] });
    expect(errorOf(tooMany).fields).toEqual({ 'trainees.0.daysAttended': 'must be between 0 and 5 (the training\'s days)' });
  });

  it('refuses a period ending before it starts and edits with If-Match', async () => {
    const bad = await send(h, officer.token, 'POST', '/mobility/trainings', { title: 'x', topic: 'document_fraud', startsOn: '2019-10-07', endsOn: '2019-10-01', days: 1, place: 'Bamako' });
    expect(errorOf(bad).fields).toEqual({ endsOn: 'must be on or after startsOn (2019-10-07)' });
    const zero = await send(h, officer.token, 'POST', '/mobility/trainings', { title: 'x', topic: 'document_fraud', startsOn: '2019-10-07', endsOn: '2019-10-08', days: 0, place: 'Bamako' });
    expect(zero.statusCode).toBe(400);
    const id = await makeTraining(h, officer);
    const patched = await send(h, officer.token, 'PATCH', `/mobility/trainings/${id}`, { place: 'Diboli' }, { 'if-match': '1' });
    expect(patched.json()).toMatchObject({ place: 'Diboli', version: 2 });
  });
});

describe('equipment', () => {
  it('records a handover and refuses negative values', async () => {
    const customs = await makeInstitution(h, officer, 'customs');
    const post = await makeBorderPost(h, officer);
    const res = await send(h, officer.token, 'POST', '/mobility/equipment', { type: 'Lecteur de passeports', quantity: 2, valueXof: 1_500_000, recipientInstitutionId: customs, borderPostId: post, handedOverOn: '2020-02-02' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ quantity: 2, valueXof: 1_500_000, recipientInstitutionName: expect.any(String), borderPostName: expect.any(String) });
    const negative = await send(h, officer.token, 'POST', '/mobility/equipment', { type: 'x', quantity: 1, valueXof: -1, recipientInstitutionId: customs, handedOverOn: '2020-02-02' });
    expect(negative.statusCode).toBe(400);
    expect(Object.keys(errorOf(negative).fields ?? {})).toEqual(['valueXof']);
    const zero = await send(h, officer.token, 'POST', '/mobility/equipment', { type: 'x', quantity: 0, valueXof: 1, recipientInstitutionId: customs, handedOverOn: '2020-02-02' });
    expect(Object.keys(errorOf(zero).fields ?? {})).toEqual(['quantity']);
    const list = await send(h, officer.token, 'GET', `/mobility/equipment?recipientInstitutionId=${customs}`);
    expect(list.json().items).toHaveLength(1);
    const patched = await send(h, officer.token, 'PATCH', `/mobility/equipment/${res.json().id}`, { quantity: 3 }, { 'if-match': '1' });
    expect(patched.json()).toMatchObject({ quantity: 3, version: 2 });
  });
});

describe('incidents', () => {
  it('logs an incident; the reporter is hidden below sensitive and shown (and the read audited) for a sensitive role', async () => {
    const post = await makeBorderPost(h, officer);
    const res = await send(h, officer.token, 'POST', '/mobility/incidents', incidentBody(post));
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(res.json().reporter).toEqual({ anonymous: false });
    expect(res.body).not.toContain('Boubacar');
    const reader = await h.userWith({ permissions: ['mobility.read'], scope: 'all', maxSensitivity: 'sensitive' });
    const seen = await send(h, reader.token, 'GET', `/mobility/incidents/${id}`);
    expect(seen.json().reporter).toEqual({ anonymous: false, name: 'Boubacar Sow', phone: '+223 70 11 22 33' });
    const audit = await h.database.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', id).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'incident.read', actorId: reader.id }]));
    const personal = await h.userWith({ permissions: ['mobility.read'], scope: 'all', maxSensitivity: 'personal' });
    expect((await send(h, personal.token, 'GET', `/mobility/incidents/${id}`)).json().reporter).toEqual({ anonymous: false });
  });

  it('refuses a name on an anonymous report, two places, a future date, no type and a negative amount', async () => {
    const post = await makeBorderPost(h, officer);
    const cases: [Record<string, unknown>, string][] = [
      [{ reporter: { anonymous: true, name: 'X' } }, 'reporter.name'],
      [{ place: { name: 'Checkpoint de Kati' } }, 'borderPostId'],
      [{ occurredOn: '2999-01-01' }, 'occurredOn'],
      [{ types: [] }, 'types'],
      [{ amountDemandedXof: -500 }, 'amountDemandedXof'],
      [{ victimsCount: 0 }, 'victimsCount'],
    ];
    for (const [extra, field] of cases) {
      const res = await send(h, officer.token, 'POST', '/mobility/incidents', incidentBody(post, extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
    }
  });

  it('lists, edits and aggregates by corridor, border post, type and month', async () => {
    const me = await awarenessOfficer(h, 'ngo-sahel-solidarite');
    const post = await makeBorderPost(h, me, { corridor: 'gao_niamey', neighbourCountry: 'NER', pcode: 'ML0701' });
    const a = await send(h, me.token, 'POST', '/mobility/incidents', incidentBody(post, { corridor: 'gao_niamey', types: ['extortion', 'harassment'], amountDemandedXof: 10000, occurredOn: '2021-01-05' }));
    await send(h, me.token, 'POST', '/mobility/incidents', incidentBody(post, { corridor: 'gao_niamey', types: ['extortion'], amountDemandedXof: 2000, occurredOn: '2021-02-05' }));
    await send(h, me.token, 'POST', '/mobility/incidents', { ...incidentBody(post, { corridor: 'bamako_dakar', types: ['detention'], amountDemandedXof: null, occurredOn: '2021-02-06', reporter: { anonymous: true } }), borderPostId: undefined, place: { name: 'Checkpoint de Kati', pcode: 'ML0204' } });
    const list = await send(h, me.token, 'GET', '/mobility/incidents?type=extortion&corridor=gao_niamey');
    expect(list.json().items).toHaveLength(2);
    const corridor = await send(h, me.token, 'GET', '/mobility/incidents/stats?by=corridor');
    expect(corridor.json()).toEqual({ by: 'corridor', total: 3, items: [{ key: 'gao_niamey', label: null, count: 2, amountDemandedXof: 12000 }, { key: 'bamako_dakar', label: null, count: 1, amountDemandedXof: 0 }] });
    const type = await send(h, me.token, 'GET', '/mobility/incidents/stats?by=type');
    expect(type.json().items.map((i: { key: string; count: number }) => [i.key, i.count])).toEqual([['extortion', 2], ['detention', 1], ['harassment', 1]]);
    const month = await send(h, me.token, 'GET', '/mobility/incidents/stats?by=month&from=2021-02-01');
    expect(month.json().items).toEqual([{ key: '2021-02', label: null, count: 2, amountDemandedXof: 2000 }]);
    const byPost = await send(h, me.token, 'GET', '/mobility/incidents/stats?by=borderPost');
    expect(byPost.json().items.map((i: { key: string; count: number }) => [i.key, i.count])).toEqual([[post, 2], ['none', 1]]);
    const patched = await send(h, me.token, 'PATCH', `/mobility/incidents/${a.json().id}`, { followUp: 'Signalé à la DGME' }, { 'if-match': '1' });
    expect(patched.json()).toMatchObject({ followUp: 'Signalé à la DGME', version: 2 });
  });
});

describe('dashboard and rights', () => {
  it('counts officials once across trainings, institutions with a completion or equipment, and incidents', async () => {
    const me = await awarenessOfficer(h, 'eu-delegation');
    const police = await makeInstitution(h, me);
    const customs = await makeInstitution(h, me, 'customs');
    const ngo = await makeInstitution(h, me, 'ngo');
    const t1 = await makeTraining(h, me);
    const t2 = await makeTraining(h, me, { topic: 'document_fraud', startsOn: '2020-03-02', endsOn: '2020-03-03', days: 2 });
    await send(h, me.token, 'PUT', `/mobility/trainings/${t1}/trainees`, { trainees: [
      { name: 'Oumar Diallo', sex: 'male', institutionId: police, daysAttended: 5, completed: true },
      { name: 'Awa Sangaré', sex: 'female', institutionId: police, daysAttended: 1, completed: false },
    ] });
    await send(h, me.token, 'PUT', `/mobility/trainings/${t2}/trainees`, { trainees: [
      { name: 'DIALLO Oumar', sex: 'male', institutionId: police, daysAttended: 2, completed: true },
      { name: 'Mariam Koné', sex: 'female', institutionId: ngo, daysAttended: 2, completed: true },
    ] });
    await send(h, me.token, 'POST', '/mobility/equipment', { type: 'Ordinateur', quantity: 3, valueXof: 900_000, recipientInstitutionId: customs, handedOverOn: '2020-05-05' });
    const post = await makeBorderPost(h, me);
    await send(h, me.token, 'POST', '/mobility/incidents', incidentBody(post, { amountDemandedXof: 7000 }));
    const d = (await send(h, me.token, 'GET', '/mobility/dashboard')).json();
    expect(d).toMatchObject({
      targets: { officialsTrained: 120 },
      officialsTrained: 2,
      institutionsStrengthened: 3,
      trainings: 2,
      sexSplit: { male: 1, female: 1 },
      equipment: { items: 3, valueXof: 900_000 },
      incidents: { total: 1, amountDemandedXof: 7000, byType: [{ type: 'extortion', count: 1 }], byCorridor: [{ corridor: 'bamako_dakar', count: 1 }], byMonth: [{ month: '2020-08', count: 1 }] },
    });
    expect(d.trainingsByTopic).toEqual([{ topic: 'document_fraud', trainings: 1, completed: 2 }, { topic: 'integrated_border_management', trainings: 1, completed: 1 }]);
    expect(d.incidents.byBorderPost).toEqual([{ borderPostId: post, name: expect.any(String), lat: 14.4, lon: -12.1, count: 1 }]);
    const period = (await send(h, me.token, 'GET', '/mobility/dashboard?from=2020-01-01&to=2020-12-31')).json();
    expect(period).toMatchObject({ officialsTrained: 2, trainings: 1 });
  });

  it('answers the rights reference for a date, before and after 2025-01-29', async () => {
    const before = await send(h, officer.token, 'GET', '/mobility/rights?date=2024-06-01&nationality=MLI&hostCountry=SEN');
    expect(before.statusCode).toBe(200);
    expect(before.json().regime).toBe('ecowas');
    expect(before.json().rules.map((r: { code: string }) => r.code)).toContain('ecowas_entry_90_days');
    const after = await send(h, officer.token, 'GET', '/mobility/rights?date=2025-03-01&nationality=MLI&hostCountry=SEN');
    expect(after.json()).toMatchObject({ regime: 'aes_transition', notice: { fr: expect.stringContaining('29 janvier 2025'), en: expect.stringContaining('29 January 2025') } });
    const bad = await send(h, officer.token, 'GET', '/mobility/rights?date=2025-13-01&nationality=MLI&hostCountry=SEN');
    expect(bad.statusCode).toBe(400);
  });
});
