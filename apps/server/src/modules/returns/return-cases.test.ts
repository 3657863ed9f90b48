import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../../../test/harness';
import { makePerson, makeSite } from '../protection/test-people';
import { bookedReturn, call, ok, openReturn, RETURN_OFFICER, returnsTeam, type ReturnsTeam } from './test-returns';

let h: Harness;
let team: ReturnsTeam;
beforeAll(async () => {
  h = await createHarness();
  team = await returnsTeam(h);
});
afterAll(() => h.close());

describe('opening a return case', () => {
  it('opens an inbound case in the site’s AVR series, counselled by the caller, with history and audit', async () => {
    const personId = await makePerson(h, team.site.id);
    const res = await call(h, team.officer, 'POST', '/returns', { personId, direction: 'inbound', destinationCountry: 'MLI', fromCountry: 'LBY', destinationPcode: 'ML0101', requestedOn: '2025-02-10' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.caseNumber).toMatch(/^ML-[A-Z]{4}-AVR-2025-\d{6}$/);
    expect(c).toMatchObject({ status: 'requested', direction: 'inbound', fromCountry: 'LBY', destinationPcode: 'ML0101', siteId: team.site.id, memberCount: 0, version: 1, unaccompaniedChild: false, medicalCase: false, daysInState: 0 });
    expect(c.counsellor.id).toBe(team.officer.id);
    expect(c.allowedTransitions).toEqual(['counselled', 'withdrawn', 'suspended']);
    expect(c.abilities).toEqual({ update: true, transition: true, approveBestInterest: false, addDocument: true, addMedical: true });
    const events = await ok<{ items: { kind: string; to?: string; by: { id: string } }[] }>(h, team.officer, 'GET', `/returns/${c.id}/events`);
    expect(events.items).toMatchObject([{ kind: 'created', to: 'requested', by: { id: team.officer.id } }]);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['returnCase.create']);
  });

  it('an outbound case defaults fromCountry to MLI; direction rules are 400s naming the field', async () => {
    const personId = await makePerson(h, team.site.id);
    const out = await ok(h, team.officer, 'POST', '/returns', { personId, direction: 'outbound', destinationCountry: 'GIN' });
    expect(out).toMatchObject({ direction: 'outbound', destinationCountry: 'GIN', fromCountry: 'MLI' });
    const other = await makePerson(h, team.site.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ direction: 'inbound', destinationCountry: 'GIN', fromCountry: 'NER' }, 'destinationCountry'],
      [{ direction: 'inbound', destinationCountry: 'MLI' }, 'fromCountry'],
      [{ direction: 'outbound', destinationCountry: 'MLI' }, 'destinationCountry'],
      [{ direction: 'outbound', destinationCountry: 'GIN', destinationPcode: 'ML0101' }, 'destinationPcode'],
      [{ direction: 'inbound', destinationCountry: 'MLI', fromCountry: 'NER', destinationPcode: 'ML9999' }, 'destinationPcode'],
      [{ direction: 'inbound', destinationCountry: 'MLI', fromCountry: 'ZZZ' }, 'fromCountry'],
      [{ direction: 'inbound', destinationCountry: 'MLI', fromCountry: 'NER', requestedOn: '2999-01-01' }, 'requestedOn'],
    ];
    for (const [body, field] of cases) {
      const res = await call(h, team.officer, 'POST', '/returns', { personId: other, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
    }
    expect(await h.database.db.selectFrom('returnCases').select('id').where('personId', '=', other).execute()).toEqual([]);
  });

  it('one open case per person (409); merged person 422; unknown or out-of-scope person 404', async () => {
    const c = await openReturn(h, team);
    const personId = (c.person as { id: string }).id;
    const again = await call(h, team.officer, 'POST', '/returns', { personId, direction: 'outbound', destinationCountry: 'GIN' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).fields).toHaveProperty('personId');
    const merged = await makePerson(h, team.site.id, { status: 'merged' });
    const m = await call(h, team.officer, 'POST', '/returns', { personId: merged, direction: 'outbound', destinationCountry: 'GIN' });
    expect(m.statusCode).toBe(422);
    expect(errorOf(m).fields).toHaveProperty('personId');
    const ngoPerson = await makePerson(h, team.site.id, { organisationId: await h.orgId('ngo-sahel-solidarite') });
    expect((await call(h, team.officer, 'POST', '/returns', { personId: ngoPerson, direction: 'outbound', destinationCountry: 'GIN' })).statusCode).toBe(404);
  });

  it('two simultaneous requests for the same person open one case', async () => {
    const personId = await makePerson(h, team.site.id);
    const body = { personId, direction: 'outbound', destinationCountry: 'SEN' };
    const results = await Promise.all([call(h, team.officer, 'POST', '/returns', body), call(h, team.colleague, 'POST', '/returns', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await h.database.db.selectFrom('returnCases').select('id').where('personId', '=', personId).execute()).toHaveLength(1);
  });

  it('records household members (seats = 1 + members) and refuses the principal, duplicates and unknown people', async () => {
    const [a, b] = [await makePerson(h, team.site.id), await makePerson(h, team.site.id)];
    const c = await openReturn(h, team, { members: [{ personId: a, relationship: 'child' }, { personId: b, relationship: 'spouse' }] });
    expect(c.memberCount).toBe(2);
    expect((c.members as { personId: string }[]).map((m) => m.personId)).toEqual([a, b]);
    const p = await makePerson(h, team.site.id);
    const bad = [
      [{ personId: p, relationship: 'child' }],
      [{ personId: a, relationship: 'child' }, { personId: a, relationship: 'child' }],
      [{ personId: '01900000-0000-7000-8000-000000000000', relationship: 'child' }],
    ];
    const fields = [];
    for (const members of bad) {
      const res = await call(h, team.officer, 'POST', '/returns', { personId: p, direction: 'outbound', destinationCountry: 'GIN', members });
      expect(res.statusCode).toBe(400);
      fields.push(Object.keys(errorOf(res).fields ?? {})[0]);
    }
    expect(fields).toEqual(['members.0.personId', 'members.1.personId', 'members.0.personId']);
  });

  it('flags an unaccompanied child from the protection screening when under 18 on the request date', async () => {
    const personId = await makePerson(h, team.site.id);
    await h.database.db.updateTable('people').set({ dateOfBirth: '2010-05-01', birthYear: 2010 }).where('id', '=', personId).execute();
    const caseworker = await h.userWith({ permissions: ['person.read', 'transitCase.read', 'transitCase.create', 'transitCase.update'], scope: 'site', site: team.site.code });
    const tc = await ok(h, caseworker, 'POST', '/transit-cases', { personId, openedOn: '2025-01-05' });
    await ok(h, caseworker, 'POST', `/transit-cases/${tc.id}/screenings`, { screenedOn: '2025-01-05', flags: ['unaccompanied_child'] });
    const c = await ok(h, team.officer, 'POST', '/returns', { personId, direction: 'outbound', destinationCountry: 'GIN', requestedOn: '2025-03-01', transitCaseId: tc.id });
    expect(c).toMatchObject({ unaccompaniedChild: true, transitCaseId: tc.id });
    // The same child turning 18 before the request is not flagged.
    const adult = await makePerson(h, team.site.id);
    await h.database.db.updateTable('people').set({ dateOfBirth: '2007-02-28', birthYear: 2007 }).where('id', '=', adult).execute();
    const tc2 = await ok(h, caseworker, 'POST', '/transit-cases', { personId: adult, openedOn: '2025-01-05' });
    await ok(h, caseworker, 'POST', `/transit-cases/${tc2.id}/screenings`, { screenedOn: '2025-01-05', flags: ['unaccompanied_child'] });
    expect((await ok(h, team.officer, 'POST', '/returns', { personId: adult, direction: 'outbound', destinationCountry: 'GIN', requestedOn: '2025-03-01' })).unaccompaniedChild).toBe(false);
  });
});

describe('merges', () => {
  it('a merged person’s return case and membership follow the surviving record', async () => {
    const [source, survivor, child] = [await makePerson(h, team.site.id), await makePerson(h, team.site.id), await makePerson(h, team.site.id)];
    const c = await ok(h, team.officer, 'POST', '/returns', { personId: source, direction: 'outbound', destinationCountry: 'GIN' });
    const other = await ok(h, team.officer, 'POST', '/returns', { personId: child, direction: 'outbound', destinationCountry: 'GIN', members: [{ personId: source, relationship: 'parent' }] });
    const reviewer = await h.userWith({ permissions: ['person.read', 'person.update', 'person.merge'], scope: 'organisation', site: team.site.code });
    await ok(h, reviewer, 'POST', `/people/${source}/merge`, { intoId: survivor });
    expect(((await ok(h, team.officer, 'GET', `/returns/${c.id}`)).person as { id: string }).id).toBe(survivor);
    expect(((await ok(h, team.officer, 'GET', `/returns/${other.id}`)).members as { personId: string }[]).map((m) => m.personId)).toEqual([survivor]);
  });
});

describe('the workflow through the API', () => {
  it('drives a case to booked; every step leaves a transition event', async () => {
    const c = await bookedReturn(h, team);
    expect(c.status).toBe('booked');
    expect(c.allowedTransitions).toEqual(['withdrawn', 'suspended']);
    const events = await ok<{ items: { kind: string; from?: string; to?: string }[] }>(h, team.officer, 'GET', `/returns/${c.id}/events`);
    expect(events.items.filter((e) => e.kind === 'transition').map((e) => e.to)).toEqual(['counselled', 'eligible', 'documents_pending', 'documents_ready', 'medical_pending', 'fit_to_travel', 'booked']);
  });

  it('a forbidden move is a 409 naming the allowed ones; a missing fact a 422 naming the field', async () => {
    const c = await openReturn(h, team);
    const skip = await call(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'booked' });
    expect(skip.statusCode).toBe(409);
    expect(errorOf(skip)).toMatchObject({ code: 'conflict', message: 'cannot go from requested to booked; allowed: counselled, withdrawn, suspended', fields: { to: 'must be one of counselled, withdrawn, suspended' } });
    await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'counselled' });
    const eligible = await call(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'eligible' });
    expect(eligible.statusCode).toBe(422);
    expect(Object.keys(errorOf(eligible).fields ?? {})).toEqual(['declaration.signedOn', 'declaration.witness']);
    expect((await ok(h, team.officer, 'GET', `/returns/${c.id}`)).status).toBe('counselled');
  });

  it('departed is only for the movement routes (409); withdrawn needs a reason (422); a closed case moves nowhere (409)', async () => {
    const c = await bookedReturn(h, team);
    const dep = await call(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'departed' });
    expect(dep.statusCode).toBe(409);
    expect(errorOf(dep).fields).toEqual({ to: 'is set by the movement routes' });
    const noReason = await call(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'withdrawn' });
    expect(noReason.statusCode).toBe(422);
    expect(errorOf(noReason).fields).toHaveProperty('reason');
    const w = await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'withdrawn', reason: 'changed_mind', note: 'a décidé de rester' });
    expect(w).toMatchObject({ status: 'withdrawn', withdrawalReason: 'changed_mind', allowedTransitions: [] });
    const after = await call(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'counselled' });
    expect(after.statusCode).toBe(409);
    expect(errorOf(after).message).toBe('cannot go from withdrawn to counselled; allowed: none');
    const patch = await call(h, team.officer, 'PATCH', `/returns/${c.id}`, { destinationLocality: 'Kati' }, { 'if-match': String(w.version) });
    expect(patch.statusCode).toBe(409);
  });

  it('suspends and resumes where the case was', async () => {
    const c = await openReturn(h, team);
    await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'counselled' });
    const s = await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'suspended', note: 'hospitalisé' });
    expect(s).toMatchObject({ status: 'suspended', suspendedFrom: 'counselled', allowedTransitions: ['counselled', 'withdrawn'] });
    expect((await call(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'eligible' })).statusCode).toBe(409);
    expect(await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'counselled' })).toMatchObject({ status: 'counselled', suspendedFrom: null });
  });

  it('follows the configured transition map', async () => {
    const c = await openReturn(h, team);
    // The setting is global: restore it even when the assertions fail.
    await h.database.db.insertInto('settings').values({ key: 'returns.transitions', value: JSON.stringify({ requested: ['counselled', 'ineligible'] }), updatedBy: null }).execute();
    try {
      await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'ineligible' });
    } finally {
      await h.database.db.deleteFrom('settings').where('key', '=', 'returns.transitions').execute();
    }
  });
});

describe('updates', () => {
  it('concurrent PATCHes at the same version: exactly one wins, the other is 412', async () => {
    const c = await openReturn(h, team);
    const results = await Promise.all(['Kati', 'Koulikoro', 'Ségou'].map((place) => call(h, team.officer, 'PATCH', `/returns/${c.id}`, { destinationLocality: place }, { 'if-match': '1' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412, 412]);
    expect((await call(h, team.officer, 'PATCH', `/returns/${c.id}`, { destinationLocality: 'x' })).statusCode).toBe(428);
  });

  it('refuses a members change that breaks a rule without touching the case', async () => {
    const a = await makePerson(h, team.site.id);
    const c = await openReturn(h, team, { members: [{ personId: a, relationship: 'child' }] });
    const res = await call(h, team.officer, 'PATCH', `/returns/${c.id}`, { destinationLocality: 'Kita', members: [{ personId: a, relationship: 'child' }, { personId: '01900000-0000-7000-8000-000000000000', relationship: 'spouse' }] }, { 'if-match': '1' });
    expect(res.statusCode).toBe(400);
    const after = await ok(h, team.officer, 'GET', `/returns/${c.id}`);
    expect(after).toMatchObject({ version: 1, destinationLocality: null, memberCount: 1 });
  });

  it('lists, filters and searches cases in scope; the pipeline puts each in its column', async () => {
    const c = await openReturn(h, team);
    const caseNumber = String(c.caseNumber);
    const list = await ok<{ items: { id: string }[] }>(h, team.officer, 'GET', `/returns?q=${encodeURIComponent(caseNumber)}`);
    expect(list.items.map((i) => i.id)).toEqual([c.id]);
    const filtered = await ok<{ items: { id: string }[] }>(h, team.officer, 'GET', `/returns?siteId=${team.site.id}&status=requested&direction=inbound&limit=500`);
    expect(filtered.items.map((i) => i.id)).toContain(c.id);
    const none = await ok<{ items: { id: string }[] }>(h, team.officer, 'GET', `/returns?siteId=${team.site.id}&direction=outbound&limit=500`);
    expect(none.items.map((i) => i.id)).not.toContain(c.id);
    const board = await ok<{ columns: { status: string; count: number; cases: { id: string }[] }[] }>(h, team.officer, 'GET', `/returns/pipeline?siteId=${team.site.id}`);
    const requested = board.columns.find((col) => col.status === 'requested');
    expect(requested?.cases.map((x) => x.id)).toContain(c.id);
    expect(requested?.count).toBe(requested?.cases.length);
    expect(board.columns).toHaveLength(16);
    const other = await makeSite(h);
    const empty = await ok<{ columns: { count: number }[] }>(h, team.officer, 'GET', `/returns/pipeline?siteId=${other.id}`);
    expect(empty.columns.every((col) => col.count === 0)).toBe(true);
  });
});

describe('the counsellor of a case', () => {
  it('is changed and removed with the version; an unknown user is refused naming counsellorId', async () => {
    const c = await openReturn(h, team);
    const moved = await ok<{ version: number; counsellor: { id: string } | null }>(h, team.officer, 'PATCH', `/returns/${c.id}`, { counsellorId: team.colleague.id }, { 'if-match': String(c.version) });
    expect(moved.counsellor?.id).toBe(team.colleague.id);
    const stale = await call(h, team.officer, 'PATCH', `/returns/${c.id}`, { counsellorId: team.officer.id }, { 'if-match': String(c.version) });
    expect(stale.statusCode).toBe(412);
    const unknown = await call(h, team.officer, 'PATCH', `/returns/${c.id}`, { counsellorId: '01900000-0000-7000-8000-000000000000' }, { 'if-match': String(moved.version) });
    expect(unknown.statusCode).toBe(400);
    expect(Object.keys(errorOf(unknown).fields ?? {})).toEqual(['counsellorId']);
    const none = await ok<{ counsellor: unknown }>(h, team.officer, 'PATCH', `/returns/${c.id}`, { counsellorId: null }, { 'if-match': String(moved.version) });
    expect(none.counsellor).toBeNull();
  });
});

describe('the list filters behind the dashboard', () => {
  it('filters by destination region, sex, age at the request, medical and unaccompanied child; the dashboard counts the same lists', async () => {
    // A site of its own and an officer scoped to it: the dashboard counts only these cases.
    const site = await makeSite(h, null);
    const officer = await h.userWith({ permissions: RETURN_OFFICER, scope: 'site', site: site.code, maxSensitivity: 'personal' });
    const own = { ...team, site, officer };
    const personOf = (c: Record<string, unknown>) => (c.person as { id: string }).id;
    const girl = await openReturn(h, own, { unaccompaniedChild: true, destinationPcode: 'ML0101', requestedOn: '2025-03-01' });
    const man = await openReturn(h, own, { destinationPcode: 'ML0401', requestedOn: '2025-03-01' });
    const unknown = await openReturn(h, own, { destinationPcode: 'ML0401', requestedOn: '2025-03-01' });
    const gone = await openReturn(h, own, { destinationPcode: 'ML0101', requestedOn: '2025-03-01' });
    // 17 on the request date, adult today: a child for the filter and the dashboard.
    await h.database.db.updateTable('people').set({ sex: 'female', dateOfBirth: '2007-06-01' }).where('id', '=', personOf(girl)).execute();
    await h.database.db.updateTable('people').set({ sex: 'male', dateOfBirth: '1990-01-01' }).where('id', '=', personOf(man)).execute();
    await h.database.db.updateTable('people').set({ sex: 'unknown', dateOfBirth: null }).where('id', '=', personOf(unknown)).execute();
    await h.database.db.updateTable('people').set({ sex: 'female', dateOfBirth: '1995-01-01' }).where('id', '=', personOf(gone)).execute();
    await ok(h, officer, 'POST', `/returns/${man.id}/medical-checks`, { examinedOn: '2025-03-04', outcome: 'fit_with_escort', escort: 'medical' });
    await ok(h, officer, 'POST', `/returns/${gone.id}/transitions`, { to: 'withdrawn', reason: 'continued_journey' });
    const ids = async (filters: string) => (await ok<{ items: { id: string }[] }>(h, officer, 'GET', `/returns?limit=100&${filters}`)).items.map((c) => c.id).sort();
    const sorted = (...xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(await ids('regionPcode=ML04')).toEqual(sorted(man, unknown));
    expect(await ids('sex=female')).toEqual(sorted(girl, gone));
    expect(await ids('ageGroup=child')).toEqual(sorted(girl));
    expect(await ids('ageGroup=adult')).toEqual(sorted(man, gone));
    expect(await ids('medical=true')).toEqual(sorted(man));
    expect(await ids('medical=false&unaccompaniedChild=false')).toEqual(sorted(unknown, gone));
    expect(await ids('unaccompaniedChild=true')).toEqual(sorted(girl));
    expect(await ids('open=true&sex=female')).toEqual(sorted(girl));
    expect(await ids('open=false')).toEqual(sorted(gone));
    expect(await ids('vulnerable=true')).toEqual(sorted(girl, man));
    for (const [query, field] of [['regionPcode=ML0101', 'regionPcode'], ['ageGroup=elderly', 'ageGroup'], ['sex=x', 'sex']]) {
      const res = await call(h, officer, 'GET', `/returns?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(errorOf(res)), query).toContain(field);
    }
    const d = await ok<{ vulnerable: Record<string, number> }>(h, officer, 'GET', '/returns/dashboard');
    expect(d.vulnerable).toEqual({
      women: (await ids('open=true&sex=female')).length,
      minors: (await ids('open=true&ageGroup=child')).length,
      medical: (await ids('open=true&medical=true')).length,
      unaccompaniedChildren: (await ids('open=true&unaccompaniedChild=true')).length,
    });
    expect(d.vulnerable).toEqual({ women: 1, minors: 1, medical: 1, unaccompaniedChildren: 1 });
  });
});
