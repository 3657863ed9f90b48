// Offline sync through the real API: push (idempotency, per-change rejection, merge and conflict),
// pull (caseload, scope, sensitivity, removals), devices and remote wipe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Permission } from '@taama/core';
import { bearer, createHarness, errorOf, unique, type Harness } from '../../../test/harness';
import { makeSite } from '../protection/test-people';
import { countInput } from '../flows/test-helpers';
import { KAYES } from '../awareness/test-awareness';
import { change, device, LocalCopy, pullPage, push, pushRaw, type Device } from './sync.fixtures';

const FIELD: Permission[] = ['person.read', 'person.create', 'person.update', 'transitCase.read', 'transitCase.create', 'transitCase.update', 'referral.manage', 'reference.read', 'sync.use'];

let h: Harness;
let site: { id: string; code: string };
let otherSite: { id: string; code: string };
type User = Awaited<ReturnType<Harness['userWith']>>;
let caseworker: User;
let colleague: User;
let officer: User;
let elsewhere: User;

beforeAll(async () => {
  h = await createHarness();
  site = await makeSite(h, null);
  otherSite = await makeSite(h, null);
  caseworker = await h.userWith({ permissions: FIELD, scope: 'site', site: site.code, maxSensitivity: 'personal' });
  colleague = await h.userWith({ permissions: FIELD, scope: 'site', site: site.code, maxSensitivity: 'personal' });
  officer = await h.userWith({ permissions: FIELD, scope: 'organisation', site: site.code, maxSensitivity: 'sensitive' });
  elsewhere = await h.userWith({ permissions: FIELD, scope: 'site', site: otherSite.code, maxSensitivity: 'personal' });
});
afterAll(() => h.close());

const personRecord = (id: string, extra: Record<string, unknown> = {}) => ({ id, givenName: 'Awa', familyName: unique('Diarra'), sex: 'female', nationality: 'MLI', dateOfBirth: '1999-05-01', ...extra });

/** Registers a person and opens a case with a screening and a service, offline, in one push. */
async function fieldVisit(d: Device) {
  const ids = { person: newId(), transitCase: newId(), screening: newId(), service: newId() };
  const changes = [
    change('person.create', personRecord(ids.person)),
    change('transitCase.create', { id: ids.transitCase, personId: ids.person, openedOn: '2025-04-01' }),
    change('screening.create', { id: ids.screening, transitCaseId: ids.transitCase, screenedOn: '2025-04-01', flags: ['pregnant', 'victim_of_trafficking'] }),
    change('service.create', { id: ids.service, transitCaseId: ids.transitCase, type: 'food', date: '2025-04-02' }),
  ];
  const results = await push(h, d, changes);
  if (results.some((r) => r.status !== 'applied')) throw new Error(`field visit not applied: ${JSON.stringify(results.map((r) => r.error ?? r.status))}`);
  return { ids, changes, results };
}

const count = async (table: 'people' | 'transitCases' | 'screenings' | 'services', id: string) =>
  (await h.database.db.selectFrom(table).select('id').where('id', '=', id).execute()).length;

describe('push', () => {
  it('applies creates in order through the online services, keeping the client ids; a replay answers duplicate with no second effect', async () => {
    const d = device(caseworker.token);
    const { ids, changes, results } = await fieldVisit(d);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(results.map((r) => r.id)).toEqual([ids.person, ids.transitCase, ids.screening, ids.service]);
    const person = results[0]?.record as { caseNumber: string; possibleDuplicates: unknown[] };
    expect(person.caseNumber).toMatch(/^ML-/);
    expect(person).toHaveProperty('possibleDuplicates');
    // The caseworker's ceiling is "personal": the sensitive flag stays out of the answer, as online.
    expect(results[2]?.record).not.toHaveProperty('sensitiveFlags');
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', ids.transitCase).execute();
    expect(audit.map((a) => a.action)).toContain('transitCase.create');

    const replay = await push(h, d, changes);
    expect(replay.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(replay.map((r) => r.id)).toEqual(results.map((r) => r.id));
    for (const [table, id] of [['people', ids.person], ['transitCases', ids.transitCase], ['screenings', ids.screening], ['services', ids.service]] as const) {
      expect(await count(table, id)).toBe(1);
    }
  });

  it('refuses the same key with a different body (idempotency_mismatch) and changes nothing', async () => {
    const d = device(caseworker.token);
    const { ids, changes } = await fieldVisit(d);
    const service = changes[3];
    if (!service) throw new Error('fixture');
    const [again] = await push(h, d, [{ ...service, record: { ...service.record, id: newId(), type: 'nfi' } }]);
    expect(again?.status).toBe('rejected');
    expect(again?.error?.code).toBe('idempotency_mismatch');
    const services = await h.database.db.selectFrom('services').select('id').where('transitCaseId', '=', ids.transitCase).execute();
    expect(services.map((s) => s.id)).toEqual([ids.service]);
  });

  it('rejects bad changes one by one with a reason and applies the rest', async () => {
    const d = device(caseworker.token);
    const { ids } = await fieldVisit(d);
    const foreignCase = (await fieldVisit(device(elsewhere.token))).ids.transitCase;
    const serviceId = newId();
    const results = await push(h, d, [
      change('person.create', personRecord(newId(), { sex: 'robot' })),
      change('transitCase.create', { id: newId(), personId: ids.person, openedOn: '2025-04-03', siteId: otherSite.id }),
      change('service.create', { id: newId(), transitCaseId: foreignCase, type: 'food', date: '2025-04-02' }),
      change('service.create', { transitCaseId: ids.transitCase, type: 'food', date: '2025-04-02' }),
      change('person.update', { id: ids.person, phones: ['+22370000001'] }),
      change('transitCase.create', { id: newId(), personId: ids.person, openedOn: '2025-04-03', organisationId: newId() }),
      change('service.create', { id: serviceId, transitCaseId: ids.transitCase, type: 'hygiene_kit', date: '2025-04-03' }),
    ]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'invalid_input'],
      ['rejected', 'forbidden'],
      ['rejected', 'not_found'],
      ['rejected', 'invalid_input'],
      ['rejected', 'invalid_input'],
      ['rejected', 'invalid_input'],
      ['applied', undefined],
    ]);
    expect(results[0]?.error?.fields).toHaveProperty('record.sex');
    expect(results[1]?.error?.fields).toEqual({ 'record.siteId': 'is outside your scope' });
    expect(results[3]?.error?.fields).toHaveProperty('record.id');
    expect(results[4]?.error?.fields).toEqual({ baseVersion: 'is required for an update' });
    expect(results[5]?.error?.fields).toHaveProperty(['record.organisationId']);
    expect(await count('services', serviceId)).toBe(1);
  });

  it('answers 400 for a malformed batch and 413 for an oversized one, never a 500', async () => {
    const d = device(caseworker.token);
    const shapes: unknown[] = [
      { deviceId: d.deviceId, changes: 'all of them' },
      { deviceId: 'not-a-uuid', changes: [] },
      { deviceId: d.deviceId },
      { deviceId: d.deviceId, changes: [{ idempotencyKey: newId(), type: 'person.delete', record: {}, recordedAt: new Date().toISOString() }] },
      { deviceId: d.deviceId, changes: [{ idempotencyKey: newId(), type: 'person.create', record: [], recordedAt: 'yesterday' }] },
      { deviceId: d.deviceId, changes: Array.from({ length: 501 }, () => change('service.create', {})) },
    ];
    for (const payload of shapes) {
      const res = await pushRaw(h, d, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(errorOf(res).code).toBe('invalid_input');
    }
    const big = await pushRaw(h, d, { deviceId: d.deviceId, changes: [change('service.create', { note: 'x'.repeat(6 * 1024 * 1024) })] });
    expect(big.statusCode).toBe(413);
  });

  it('merges an offline edit with newer server edits of other fields, and returns a conflict when both changed the same field', async () => {
    const d = device(caseworker.token);
    const { ids, changes } = await fieldVisit(d);
    const original = (changes[0]?.record as { familyName: string }).familyName;
    const patch = (version: number, body: object) =>
      h.app.inject({ method: 'PATCH', url: `/api/v1/people/${ids.person}`, headers: { ...bearer(colleague.token), 'if-match': String(version) }, payload: body });
    expect((await patch(1, { phones: ['+22370000001'] })).statusCode).toBe(200);

    const [merged] = await push(h, d, [change('person.update', { id: ids.person, familyName: 'Keita' }, { baseVersion: 1, base: { familyName: original } })]);
    expect(merged).toMatchObject({ status: 'applied', version: 3 });
    expect(merged?.record).toMatchObject({ familyName: 'Keita', phones: ['+22370000001'] });

    expect((await patch(3, { familyName: 'Traoré' })).statusCode).toBe(200);
    const [conflict] = await push(h, d, [change('person.update', { id: ids.person, familyName: 'Coulibaly' }, { baseVersion: 3, base: { familyName: 'Keita' } })]);
    expect(conflict?.status).toBe('conflict');
    expect(conflict?.version).toBe(4);
    expect(conflict?.conflict?.fields).toEqual([{ field: 'familyName', base: 'Keita', mine: 'Coulibaly', theirs: 'Traoré' }]);
    expect(conflict?.conflict?.serverRecord).toMatchObject({ familyName: 'Traoré', version: 4 });
    const row = await h.database.db.selectFrom('people').select(['familyName', 'version']).where('id', '=', ids.person).executeTakeFirstOrThrow();
    expect(row).toEqual({ familyName: 'Traoré', version: 4 });

    // The user picks their value: a new update based on the version the conflict showed applies.
    const [resolved] = await push(h, d, [change('person.update', { id: ids.person, familyName: 'Coulibaly' }, { baseVersion: 4, base: { familyName: 'Traoré' } })]);
    expect(resolved).toMatchObject({ status: 'applied', version: 5 });
  });

  it('applies concurrent pushes of the same change exactly once', async () => {
    const d = device(caseworker.token);
    const { ids } = await fieldVisit(d);
    const same = change('service.create', { id: newId(), transitCaseId: ids.transitCase, type: 'nfi', date: '2025-04-05' });
    const outcomes = await Promise.all([push(h, d, [same]), push(h, d, [same]), push(h, device(caseworker.token), [same])]);
    const statuses = outcomes.map((r) => r[0]?.status).sort();
    expect(statuses).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await count('services', same.record.id as string)).toBe(1);
  });

  it('requires sync.use (403) and a session (401)', async () => {
    const plain = await h.userWith({ permissions: ['person.read'], scope: 'all' });
    const body = { deviceId: newId(), changes: [] };
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/sync/push', payload: body })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: bearer(plain.token), payload: body })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/sync/pull?deviceId=${newId()}`, headers: bearer(plain.token) })).statusCode).toBe(403);
  });
});

describe('other field work', () => {
  it('a data officer records and edits a flow count offline; their pull carries points, not cases', async () => {
    const d = device(await h.login('data.officer'));
    const id = newId();
    const [created] = await push(h, d, [change('flowCount.create', { ...countInput(), id })]);
    expect(created).toMatchObject({ status: 'applied', id, version: 1, record: { fmpId: 'ML-FMP-06', total: 20, status: 'draft' } });
    const [edited] = await push(h, d, [change('flowCount.update', { id, enumeratorId: 'enum-02' }, { baseVersion: 1, base: { enumeratorId: 'enum-01' } })]);
    expect(edited).toMatchObject({ status: 'applied', version: 2, record: { enumeratorId: 'enum-02' } });
    const copy = new LocalCopy();
    await copy.sync(h, d);
    expect(copy.ids('flowPoint')).toContain('ML-FMP-06');
    expect(copy.ids('transitCase')).toEqual([]);
    expect(copy.ids('person')).toEqual([]);
  });

  it('an awareness officer records an activity offline and finds it in their pull', async () => {
    const d = device(await h.login('awareness.officer'));
    const id = newId();
    const [created] = await push(h, d, [
      change('awarenessActivity.create', { id, type: 'radio_broadcast', date: '2020-02-03', routeLocation: { name: 'Radio Rurale de Kayes', communePcode: KAYES }, facilitator: 'Animateur', reached: { estimatedAudience: 15000 } }),
    ]);
    expect(created).toMatchObject({ status: 'applied', id, version: 1 });
    const copy = new LocalCopy();
    await copy.sync(h, d);
    expect(copy.get('awarenessActivity', id)).toMatchObject({ type: 'radio_broadcast', version: 1 });
    expect(copy.ids('community').length).toBeGreaterThan(0);
  });
});

describe('arrival desk', () => {
  it('registers a returnee, records the arrival and the assistance offline; the desk’s pull carries the arrival', async () => {
    const desk = await h.userWith({ permissions: ['person.read', 'person.create', 'returnCase.read', 'returnCase.update', 'reference.read', 'sync.use'], scope: 'site', site: site.code, maxSensitivity: 'personal' });
    const d = device(desk.token);
    const ids = { person: newId(), arrival: newId(), help: newId() };
    const results = await push(h, d, [
      change('person.create', personRecord(ids.person, { sex: 'male', givenName: 'Moussa' })),
      change('arrival.create', { id: ids.arrival, personId: ids.person, siteId: site.id, arrivedOn: '2025-05-01', fromCountry: 'DZA', destinationPcode: 'ML0701' }),
      change('arrivalAssistance.create', { id: ids.help, arrivalId: ids.arrival, type: 'onward_transport', givenOn: '2025-05-01' }),
    ]);
    expect(results.map((r) => [r.status, r.id])).toEqual([['applied', ids.person], ['applied', ids.arrival], ['applied', ids.help]]);
    expect((results[2]?.record as { assistance: { id: string }[] }).assistance.map((a) => a.id)).toEqual([ids.help]);
    const copy = new LocalCopy();
    await copy.sync(h, d);
    expect(copy.get('arrival', ids.arrival)).toMatchObject({ id: ids.arrival, siteId: site.id });
    expect(copy.ids('person')).toContain(ids.person);
  });
});

describe('pull', () => {
  it('sends the caller’s caseload with reference data, in pages, and never another site’s records', async () => {
    const { ids } = await fieldVisit(device(caseworker.token));
    const foreign = (await fieldVisit(device(elsewhere.token))).ids;
    const copy = new LocalCopy();
    await copy.sync(h, device(colleague.token), 200);
    expect(copy.ids('transitCase')).toContain(ids.transitCase);
    expect(copy.ids('person')).toContain(ids.person);
    expect(copy.ids('screening')).toContain(ids.screening);
    expect(copy.ids('service')).toContain(ids.service);
    expect(copy.ids('site')).toContain(site.id);
    expect(copy.ids('country')).toContain('MLI');
    expect(copy.ids('adminUnit').length).toBeGreaterThan(50);
    for (const [type, id] of Object.entries(foreign)) expect(copy.ids(type), type).not.toContain(id);
    // Sensitive flags are stripped for a "personal" ceiling, exactly as the online screening route.
    expect(copy.get('screening', ids.screening)).not.toHaveProperty('sensitiveFlags');
    expect(copy.get('screening', ids.screening)).toMatchObject({ flags: ['pregnant'] });
    expect(copy.get('person', ids.person)).toMatchObject({ version: 1, givenName: 'Awa' });

    const cleared = new LocalCopy();
    await cleared.sync(h, device(officer.token));
    expect(cleared.get('screening', ids.screening)).toMatchObject({ sensitiveFlags: ['victim_of_trafficking'] });
  });

  it('is incremental: an unchanged caseload sends nothing, a change sends just that record', async () => {
    const { ids } = await fieldVisit(device(caseworker.token));
    const d = device(colleague.token);
    const copy = new LocalCopy();
    await copy.sync(h, d);
    expect(await copy.sync(h, d)).toEqual([]);
    const service = newId();
    await push(h, device(caseworker.token), [change('service.create', { id: service, transitCaseId: ids.transitCase, type: 'nfi', date: '2025-04-06' })]);
    const next = await copy.sync(h, d);
    expect(next.map((c) => [c.type, c.op, c.id])).toEqual([['service', 'upsert', service]]);
  });

  it('sends `remove` when a record leaves the caseload (transfer to another site)', async () => {
    const { ids } = await fieldVisit(device(caseworker.token));
    const d = device(colleague.token);
    const copy = new LocalCopy();
    await copy.sync(h, d);
    expect(copy.ids('transitCase')).toContain(ids.transitCase);
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/transit-cases/${ids.transitCase}/transfer`, headers: bearer(officer.token), payload: { siteId: otherSite.id } });
    expect(res.statusCode).toBe(200);
    const next = await copy.sync(h, d);
    const removed = next.filter((c) => c.op === 'remove').map((c) => [c.type, c.id]);
    expect(removed).toEqual(expect.arrayContaining([['transitCase', ids.transitCase], ['screening', ids.screening], ['service', ids.service]]));
    expect(copy.get('transitCase', ids.transitCase)).toBeUndefined();
    // The other site's caseworker now gets it, without the case itself having been edited there.
    const theirs = new LocalCopy();
    await theirs.sync(h, device(elsewhere.token));
    expect(theirs.ids('transitCase')).toContain(ids.transitCase);
  });

  it('sends again what a lost page carried when the device presents the older cursor', async () => {
    await fieldVisit(device(caseworker.token));
    const d = device(colleague.token);
    const first = await pullPage(h, d, undefined, 50);
    expect(first.hasMore).toBe(true);
    const lost = await pullPage(h, d, first.cursor, 50);
    const again = await pullPage(h, d, first.cursor, 50);
    expect(again.changes.map((c) => c.id)).toEqual(lost.changes.map((c) => c.id));
    const garbage = await h.app.inject({ method: 'GET', url: `/api/v1/sync/pull?deviceId=${d.deviceId}&cursor=garbage`, headers: bearer(colleague.token) });
    expect(garbage.statusCode).toBe(400);
    expect(errorOf(garbage).fields).toEqual({ cursor: 'is not a cursor this server issued' });
  });
});

describe('devices and remote wipe', () => {
  it('an administrator wipes a device: its next pull says wipe and its pushes are refused', async () => {
    const d = device(caseworker.token);
    const reg = await h.app.inject({ method: 'POST', url: '/api/v1/sync/devices', headers: bearer(caseworker.token), payload: { deviceId: d.deviceId, label: 'Tablet Gao 2' } });
    expect(reg.statusCode).toBe(200);
    const { id } = reg.json() as { id: string };
    const copy = new LocalCopy();
    await copy.sync(h, d);
    expect(copy.records.size).toBeGreaterThan(0);

    expect((await h.app.inject({ method: 'GET', url: '/api/v1/admin/devices', headers: bearer(caseworker.token) })).statusCode).toBe(403);
    const admin = await h.login('admin');
    const list = await h.app.inject({ method: 'GET', url: `/api/v1/admin/devices?userId=${caseworker.id}`, headers: bearer(admin) });
    expect((list.json() as { items: { id: string; label: string }[] }).items).toEqual(expect.arrayContaining([expect.objectContaining({ id, label: 'Tablet Gao 2' })]));
    const wipe = await h.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${id}/wipe`, headers: bearer(admin) });
    expect(wipe.statusCode).toBe(200);
    expect(wipe.json()).toMatchObject({ wipeRequestedAt: expect.any(String) });

    await copy.sync(h, d);
    expect(copy.wiped).toBe(true);
    expect(copy.records.size).toBe(0);
    const service = change('service.create', { id: newId(), transitCaseId: newId(), type: 'food', date: '2025-04-02' });
    const res = await pushRaw(h, d, { deviceId: d.deviceId, changes: [service] });
    expect(res.json()).toMatchObject({ wipe: true, results: [{ status: 'rejected', error: { code: 'device_wiped' } }] });
    const after = await h.app.inject({ method: 'GET', url: `/api/v1/admin/devices?userId=${caseworker.id}`, headers: bearer(admin) });
    expect((after.json() as { items: { id: string; wipedAt: string | null }[] }).items.find((x) => x.id === id)?.wipedAt).toEqual(expect.any(String));
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${newId()}/wipe`, headers: bearer(admin) })).statusCode).toBe(404);
  });
});
