// Data-subject rights on real records: the export holds every module's records about the person (and
// is audited), erasure takes two people, removes the identity everywhere, and leaves every indicator
// value exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId, type IndicatorList } from '@taama/core';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { fieldTeam } from '../results/results.fixtures';
import { device, LocalCopy } from '../sync/sync.fixtures';
import { LINKED_TABLES } from './privacy.links';

let h: Harness;
let team: Awaited<ReturnType<typeof fieldTeam>>;
let personId = '';
let other = '';
let caseId = '';
let names = { given: '', family: '', caseNumber: '' };
const PHONE = '+22376112233';
const DOC_NUMBER = 'AA9988776';
// A span of the test's own, so other test files writing at the same time do not move the numbers.
const SPAN = 'from=2022-03-01&to=2022-03-31';

beforeAll(async () => {
  h = await createHarness();
  team = await fieldTeam(h);
  personId = await team.person({ sex: 'male', dateOfBirth: '2005-06-15', nationality: 'GIN' });
  other = await team.person({ sex: 'female' });
  const db = h.database.db;
  await db.updateTable('people').set({ phones: [PHONE], birthPlace: 'Siguiri', otherNames: ['Alias Test'] }).where('id', '=', personId).execute();
  const row = await db.selectFrom('people').select(['givenName', 'familyName', 'caseNumber']).where('id', '=', personId).executeTakeFirstOrThrow();
  names = { given: row.givenName, family: row.familyName, caseNumber: row.caseNumber };
  await db.insertInto('identityDocuments').values({ id: newId(), personId, type: 'passport', number: DOC_NUMBER, numberKey: DOC_NUMBER, issuingCountry: 'GIN', expiryDate: '2030-01-01' }).execute();
  await db.insertInto('personPhotos').values({ personId, contentType: 'image/png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]), createdBy: null }).execute();
  await db.insertInto('consents').values({ id: newId(), personId, kind: 'registration', organisationId: null, method: 'explicit_oral', givenOn: '2022-03-01', withdrawnOn: null, note: `consent given by ${names.given}`, recordedBy: null }).execute();
  const [first, second] = [personId, other].sort();
  await db.insertInto('duplicateCandidates').values({ id: newId(), firstId: first ?? '', secondId: second ?? '', score: 0.8, reasons: ['name'] }).execute();
  caseId = await team.served(personId, ['2022-03-05', '2022-03-20'], '2022-03-04');
  await db.insertInto('caseNotes').values({ id: newId(), transitCaseId: caseId, body: `${names.given} told us about the journey`, sensitive: true, createdBy: null }).execute();
});
afterAll(() => h.close());

const get = (url: string, token: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
const erase = (token: string, reason = 'Request of the person, 2025-05-01') => h.app.inject({ method: 'POST', url: `/api/v1/people/${personId}/erase`, headers: bearer(token), payload: { reason } });

async function indicatorTable(token: string): Promise<unknown> {
  const res = await get(`/indicators?${SPAN}&by=sex,ageGroup,nationality`, token);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as IndicatorList).items.map((i) => ({ code: i.code, value: i.value, disaggregations: i.disaggregations }));
}

describe('the map of personal data', () => {
  it('covers every table with a person_id column', async () => {
    const rows = await sql<{ name: string }>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'person_id'`.execute(h.database.db);
    const mapped = new Set(LINKED_TABLES.map((t) => t.table));
    expect(rows.rows.map((r) => r.name).filter((t) => !mapped.has(t))).toEqual([]);
  });
});

describe('GET /people/{id}/export.json and export.pdf', () => {
  it('holds the person and every module’s records about them, with the audit trail; the export is audited', async () => {
    const exporter = await h.userWith({ permissions: ['person.export'], scope: 'site', site: team.site.code, maxSensitivity: 'sensitive' });
    await get(`/people/${personId}`, team.worker.token); // a read to find in the audit trail
    const res = await get(`/people/${personId}/export.json`, exporter.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(names.caseNumber);
    const data = res.json();
    expect(data.person).toMatchObject({ givenName: names.given, familyName: names.family, phones: [PHONE] });
    expect(data.sections.registry.identityDocuments[0].number).toBe(DOC_NUMBER);
    expect(data.sections.registry.personPhotos[0].data.bytes).toBe(4);
    expect(data.sections.registry.consents).toHaveLength(1);
    expect(data.sections.registry.duplicateCandidates).toHaveLength(1);
    expect(data.sections.protection.transitCases[0].id).toBe(caseId);
    expect(data.sections.protection.services).toHaveLength(2);
    expect(data.sections.protection.caseNotes[0].body).toContain('journey');
    expect(data.audit.some((a: { action: string; actor: string }) => a.action === 'person.read' && a.actor === team.worker.username)).toBe(true);
    const logged = await h.database.db.selectFrom('auditLog').select(['details']).where('action', '=', 'person.export').where('entityId', '=', personId).execute();
    expect(logged.map((l) => l.details.format)).toEqual(['json']);

    const pdf = await get(`/people/${personId}/export.pdf?lang=fr`, exporter.token);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Données détenues sur une personne');
    expect(text).toContain(names.family);
    expect(text).toContain('Protection');
    const en = pdfText((await get(`/people/${personId}/export.pdf?lang=en`, exporter.token)).rawPayload);
    expect(en).toContain('Data held about a person');
  });

  it('is refused out of scope (404), without the permission (403) and below the sensitive ceiling (403)', async () => {
    const elsewhere = await h.userWith({ permissions: ['person.export'], scope: 'site', site: 'gao', maxSensitivity: 'sensitive' });
    expect((await get(`/people/${personId}/export.json`, elsewhere.token)).statusCode).toBe(404);
    expect((await get(`/people/${personId}/export.json`, team.worker.token)).statusCode).toBe(403);
    const low = await h.userWith({ permissions: ['person.export'], scope: 'all', maxSensitivity: 'personal' });
    const res = await get(`/people/${personId}/export.pdf`, low.token);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('export_needs_sensitive');
  });
});

describe('POST /people/{id}/erase', () => {
  it('needs two people, removes the identity everywhere, keeps every indicator value, and is audited', async () => {
    const reader = await h.userWith({ permissions: ['indicator.read'], scope: 'all', maxSensitivity: 'internal' });
    const first = await h.userWith({ permissions: ['person.erase', 'person.export'], scope: 'organisation', maxSensitivity: 'sensitive' });
    const second = await h.userWith({ permissions: ['person.erase'], scope: 'organisation', maxSensitivity: 'sensitive' });
    const before = await indicatorTable(reader.token);
    expect(JSON.stringify(before)).toContain('"GIN"'); // the person counts in this span

    const bad = await erase(first.token, 'short');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty('reason');
    const asked = await erase(first.token);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ status: 'pending', requestedBy: first.username });
    const self = await erase(first.token);
    expect(self.statusCode).toBe(409);
    expect(errorOf(self).code).toBe('erase_needs_second_person');
    // Nothing is erased while it is pending.
    expect((await h.database.db.selectFrom('people').select('givenName').where('id', '=', personId).executeTakeFirstOrThrow()).givenName).toBe(names.given);

    const done = await erase(second.token);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'erased', requestedBy: first.username, approvedBy: second.username });

    const db = h.database.db;
    const person = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ status: 'anonymised', givenName: 'Anonymised', familyName: names.caseNumber, phones: [], otherNames: [], birthPlace: null, nameKey: '', familyKey: '', givenKey: '' });
    expect(person).toMatchObject({ sex: 'male', nationality: 'GIN' }); // what the indicators count by stays
    expect(await db.selectFrom('identityDocuments').select('id').where('personId', '=', personId).execute()).toEqual([]);
    expect(await db.selectFrom('personPhotos').select('personId').where('personId', '=', personId).execute()).toEqual([]);
    expect(await db.selectFrom('duplicateCandidates').select('id').where((eb) => eb.or([eb('firstId', '=', personId), eb('secondId', '=', personId)])).execute()).toEqual([]);
    expect((await db.selectFrom('consents').select('note').where('personId', '=', personId).executeTakeFirstOrThrow()).note).toBeNull();
    expect((await db.selectFrom('caseNotes').select('body').where('transitCaseId', '=', caseId).executeTakeFirstOrThrow()).body).toBe('[erased]');

    // Nothing the export can read names or contacts the person any more.
    const exported = (await get(`/people/${personId}/export.json`, first.token)).body;
    for (const secret of [names.given, names.family, PHONE, DOC_NUMBER, 'Siguiri', 'Alias Test']) expect(exported).not.toContain(secret);
    const search = await get(`/people?q=${encodeURIComponent(`${names.given} ${names.family}`)}`, team.worker.token);
    expect(search.statusCode).toBe(200);
    expect((search.json() as { items: { id: string }[] }).items.map((p) => p.id)).not.toContain(personId);

    expect(await indicatorTable(reader.token)).toEqual(before);
    const audit = await db.selectFrom('auditLog').select(['action', 'actorUsername']).where('entityId', '=', personId).where('action', 'in', ['person.erase_requested', 'person.erased']).orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'person.erase_requested', actorUsername: first.username }, { action: 'person.erased', actorUsername: second.username }]);
    const admin = await h.login('admin');
    const verify = await h.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: bearer(admin) });
    expect(verify.json()).toMatchObject({ ok: true });
    expect(errorOf(await erase(first.token)).code).toBe('already_anonymised');
  });

  it('takes the person off every device at its next sync', async () => {
    const erased = await team.person({ sex: 'female', nationality: 'MLI' });
    const fieldUser = await h.userWith({ permissions: ['sync.use', 'person.read'], scope: 'site', site: team.site.code, maxSensitivity: 'personal' });
    const phone = device(fieldUser.token);
    const copy = new LocalCopy();
    await copy.sync(h, phone);
    expect(copy.ids('person')).toContain(erased);

    const first = await h.userWith({ permissions: ['person.erase'], scope: 'organisation', maxSensitivity: 'sensitive' });
    const second = await h.userWith({ permissions: ['person.erase'], scope: 'organisation', maxSensitivity: 'sensitive' });
    const ask = (token: string) => h.app.inject({ method: 'POST', url: `/api/v1/people/${erased}/erase`, headers: bearer(token), payload: { reason: 'Request of the person, by letter' } });
    expect((await ask(first.token)).statusCode).toBe(202);
    expect((await ask(second.token)).statusCode).toBe(200);

    const received = await copy.sync(h, phone);
    expect(received).toContainEqual(expect.objectContaining({ type: 'person', op: 'remove', id: erased }));
    expect(copy.ids('person')).not.toContain(erased);
  });

  it('is refused without the permission (403) and out of scope (404)', async () => {
    expect((await erase(team.worker.token)).statusCode).toBe(403);
    const elsewhere = await h.userWith({ permissions: ['person.erase'], scope: 'site', site: 'gao', maxSensitivity: 'sensitive' });
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/people/${other}/erase`, headers: bearer(elsewhere.token), payload: { reason: 'Out of scope attempt here' } })).statusCode).toBe(404);
  });
});
