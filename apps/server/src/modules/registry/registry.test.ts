import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { isolatedSite, PERSON_PERMISSIONS, register } from './registry.fixtures';

let h: Harness;
let worker: { id: string; token: string };
let site: { id: string; code: string; prefix: string };

beforeAll(async () => {
  h = await createHarness();
  site = await isolatedSite(h, await h.login('admin'));
  worker = await h.userWith({ permissions: [...PERSON_PERMISSIONS], scope: 'site', site: site.code });
});
afterAll(() => h.close());

const get = (url: string, token = worker.token) => h.app.inject({ method: 'GET', url, headers: bearer(token) });

describe('registration', () => {
  it('gives a human case number of the site series and stores every field', async () => {
    const person = await register(h, worker.token, {
      givenName: 'Aminata',
      familyName: 'Sangaré',
      otherNames: ['Mina'],
      sex: 'female',
      dateOfBirth: '1994-03-12',
      nationality: 'MLI',
      languages: ['bam', 'fra'],
      phone: '+22376112233',
      originPcode: 'ML0101',
      birthPlace: 'Kayes',
      documents: [{ type: 'national_id', number: 'ML-44 1902', issuingCountry: 'MLI' }],
      consent: { method: 'explicit_oral' },
      registeredOn: '2025-02-03',
    });
    expect(person.caseNumber).toMatch(new RegExp(`^ML-${site.prefix}-2025-\\d{6}$`));
    expect(person).toMatchObject({ status: 'active', phones: ['+22376112233'], languages: ['bam', 'fra'], ageGroup: 'adult', siteId: site.id, version: 1 });
    expect(person.consents).toMatchObject([{ kind: 'registration', method: 'explicit_oral', givenOn: '2025-02-03' }]);
    expect(person.documents).toMatchObject([{ type: 'national_id', number: 'ML-44 1902' }]);
    const next = await register(h, worker.token, { givenName: 'Boubacar', familyName: 'Sow', registeredOn: '2025-02-04' });
    expect(Number(next.caseNumber.slice(-6))).toBe(Number(person.caseNumber.slice(-6)) + 1);
  });

  it('warns about a spelling variant of someone already registered, with the reasons', async () => {
    const first = await register(h, worker.token, { givenName: 'Mamadou', familyName: 'Coulibaly', dateOfBirth: '1990-05-01', nationality: 'MLI', phone: '+22370000001' });
    const variant = await register(h, worker.token, { givenName: 'Mahamadou', familyName: 'Kulibali', dateOfBirth: '1990-01-01', dobPrecision: 'year', nationality: 'MLI' });
    const match = variant.possibleDuplicates.find((d) => d.id === first.id);
    expect(match).toBeDefined();
    expect(match?.score).toBeGreaterThanOrEqual(0.6);
    expect(match?.reasons).toEqual(expect.arrayContaining(['same_name', 'same_birth_year', 'same_nationality']));
    const swapped = await register(h, worker.token, { givenName: 'Coulibaly', familyName: 'Mamadou', dateOfBirth: '1990-05-01', nationality: 'MLI' });
    expect(swapped.possibleDuplicates.map((d) => d.id)).toContain(first.id);
  });

  it('keeps apart namesakes born years apart in other countries', async () => {
    const a = await register(h, worker.token, { givenName: 'Mamadou', familyName: 'Traoré', dateOfBirth: '1975-01-10', nationality: 'MLI' });
    const b = await register(h, worker.token, { givenName: 'Mamadou', familyName: 'Traoré', dateOfBirth: '1999-08-22', nationality: 'CIV' });
    expect(b.possibleDuplicates.map((d) => d.id)).not.toContain(a.id);
  });

  it('a shared document number is a duplicate whatever the names', async () => {
    const a = await register(h, worker.token, { givenName: 'Fanta', familyName: 'Camara', sex: 'female', nationality: 'GIN', documents: [{ type: 'passport', number: 'R0012345', issuingCountry: 'GIN' }] });
    const b = await register(h, worker.token, { givenName: 'Fatoumata', familyName: 'Kamara', sex: 'female', nationality: 'GIN', documents: [{ type: 'passport', number: 'r001-2345' }] });
    const match = b.possibleDuplicates.find((d) => d.id === a.id);
    expect(match?.reasons[0]).toBe('same_document');
    expect(match?.score).toBeGreaterThanOrEqual(0.95);
  });

  it('the live check finds candidates without writing anything', async () => {
    // Counted in this test's site: other test files register people in the same database meanwhile.
    const before = await h.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('siteId', '=', site.id).executeTakeFirstOrThrow();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/people/duplicate-check', headers: bearer(worker.token), payload: { givenName: 'Mohamed', familyName: 'Coulibaly', dateOfBirth: '1990-05-01', nationality: 'MLI' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    const after = await h.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('siteId', '=', site.id).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it.each([
    [{ dateOfBirth: '2999-01-01' }, 'dateOfBirth', 'must not be in the future'],
    [{ dateOfBirth: '2001-02-30' }, 'dateOfBirth', 'date'],
    [{ nationality: 'XYZ' }, 'nationality', 'refers to an unknown record'],
    [{ phone: '76 12 34 56' }, 'phone', ''],
    [{ sex: 'x' }, 'sex', ''],
    [{ documents: [{ type: 'passport' }] }, 'documents.0.number', 'is required for this document type'],
    [{ originPcode: 'ML9999' }, 'originPcode', 'refers to an unknown record'],
    [{ surname: 'X' }, 'surname', ''],
  ])('bad input %j → 400 naming %s, nothing written', async (patch, field, message) => {
    const before = await h.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('siteId', '=', site.id).executeTakeFirstOrThrow();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/people', headers: bearer(worker.token), payload: { givenName: 'Test', familyName: 'Invalide', sex: 'male', nationality: 'MLI', ...patch } });
    expect(res.statusCode).toBe(400);
    const fields = errorOf(res).fields ?? {};
    expect(Object.keys(fields).join(' ')).toContain(field);
    if (message) expect(Object.values(fields).join(' ')).toContain(message);
    const after = await h.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('siteId', '=', site.id).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('search and reading', () => {
  it('ranks a fuzzy name search and finds by case number and phone', async () => {
    const p = await register(h, worker.token, { givenName: 'Ousmane', familyName: 'Dembélé', dateOfBirth: '1988-01-01', phone: '+22365554433' });
    const byName = (await get(`/api/v1/people?q=${encodeURIComponent('usman dembele')}`)).json();
    expect(byName.items[0]).toMatchObject({ id: p.id });
    expect(byName.items[0].score).toBeGreaterThan(0.5);
    expect((await get(`/api/v1/people?q=${p.caseNumber}`)).json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect((await get(`/api/v1/people?q=${encodeURIComponent('+22365554433')}`)).json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
  });

  it('audits every read of a person record', async () => {
    const p = await register(h, worker.token, { givenName: 'Kadidia', familyName: 'Maïga', sex: 'female' });
    const res = await get(`/api/v1/people/${p.id}`);
    expect(res.statusCode).toBe(200);
    const entry = await h.database.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', p.id).where('action', '=', 'person.read').executeTakeFirst();
    expect(entry).toEqual({ action: 'person.read', actorId: worker.id });
  });

  it('scopes reads and search to the caller: another site sees nothing', async () => {
    const p = await register(h, worker.token, { givenName: 'Seydou', familyName: 'Keïta' });
    const elsewhere = await h.userWith({ permissions: [...PERSON_PERMISSIONS], scope: 'site', site: 'kayes' });
    expect((await get(`/api/v1/people/${p.id}`, elsewhere.token)).statusCode).toBe(404);
    expect((await get(`/api/v1/people?q=${p.caseNumber}`, elsewhere.token)).json().items).toEqual([]);
  });

  it('hides personal fields from a role whose ceiling is internal', async () => {
    const p = await register(h, worker.token, { givenName: 'Awa', familyName: 'Diarra', sex: 'female', phone: '+22376000099' });
    const viewer = await h.userWith({ permissions: ['person.read'], scope: 'all', maxSensitivity: 'internal' });
    const body = (await get(`/api/v1/people/${p.id}`, viewer.token)).json();
    expect(body).toMatchObject({ id: p.id, caseNumber: p.caseNumber, sex: 'female', nationality: 'MLI' });
    for (const field of ['givenName', 'familyName', 'phones', 'dateOfBirth', 'documents']) expect(body).not.toHaveProperty(field);
  });
});

describe('editing', () => {
  it('needs the current version; of two concurrent edits exactly one wins', async () => {
    const p = await register(h, worker.token, { givenName: 'Issa', familyName: 'Touré' });
    const edit = (name: string) => h.app.inject({ method: 'PATCH', url: `/api/v1/people/${p.id}`, headers: { ...bearer(worker.token), 'if-match': '1' }, payload: { birthPlace: name } });
    const results = await Promise.all([edit('Gao'), edit('Mopti')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const stale = results.find((r) => r.statusCode === 412);
    expect(stale?.json().error.details).toEqual({ currentVersion: 2 });
    expect((await h.app.inject({ method: 'PATCH', url: `/api/v1/people/${p.id}`, headers: bearer(worker.token), payload: { birthPlace: 'x' } })).statusCode).toBe(428);
  });

  it('renaming re-keys the record for duplicate search', async () => {
    const p = await register(h, worker.token, { givenName: 'Adama', familyName: 'Konaté', dateOfBirth: '1980-01-01' });
    const res = await h.app.inject({ method: 'PATCH', url: `/api/v1/people/${p.id}`, headers: { ...bearer(worker.token), 'if-match': '1' }, payload: { familyName: 'Sidibé' } });
    expect(res.statusCode).toBe(200);
    const found = (await get(`/api/v1/people?q=${encodeURIComponent('Adama Sidibe')}`)).json().items;
    expect(found[0]?.id).toBe(p.id);
  });
});

describe('consents and photo', () => {
  it('records and withdraws consent; a photo needs one and only sensitive roles see it', async () => {
    const p = await register(h, worker.token, { givenName: 'Hawa', familyName: 'Cissé', sex: 'female' });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005fe02fea7d6a5d70000000049454e44ae426082', 'hex');
    const put = () => h.app.inject({ method: 'PUT', url: `/api/v1/people/${p.id}/photo`, headers: { ...bearer(worker.token), 'content-type': 'image/png' }, payload: png });
    const refused = await put();
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).fields).toEqual({ photo: 'needs an active photo consent' });
    const consent = await h.app.inject({ method: 'POST', url: `/api/v1/people/${p.id}/consents`, headers: bearer(worker.token), payload: { kind: 'photo', method: 'explicit_signed', givenOn: '2025-01-05' } });
    expect(consent.statusCode).toBe(201);
    expect((await put()).statusCode).toBe(204);
    expect((await get(`/api/v1/people/${p.id}/photo`)).statusCode).toBe(403);
    const cleared = await h.userWith({ permissions: ['person.read'], scope: 'all', maxSensitivity: 'sensitive' });
    const photo = await get(`/api/v1/people/${p.id}/photo`, cleared.token);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(photo.rawPayload, png)).toBe(0);
    const notAnImage = await h.app.inject({ method: 'PUT', url: `/api/v1/people/${p.id}/photo`, headers: { ...bearer(worker.token), 'content-type': 'image/jpeg' }, payload: png });
    expect(notAnImage.statusCode).toBe(400);
    const withdrawn = await h.app.inject({ method: 'POST', url: `/api/v1/people/${p.id}/consents/${consent.json().id}/withdraw`, headers: bearer(worker.token), payload: { withdrawnOn: '2025-01-04' } });
    expect(withdrawn.statusCode).toBe(400);
    expect(errorOf(withdrawn).fields).toEqual({ withdrawnOn: 'must not be before the consent was given' });
  });

  it('data-sharing consent names an organisation', async () => {
    const p = await register(h, worker.token, { givenName: 'Lassana', familyName: 'Doumbia' });
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/people/${p.id}/consents`, headers: bearer(worker.token), payload: { kind: 'data_sharing', method: 'explicit_oral', givenOn: '2025-01-05' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toHaveProperty('organisationId');
  });
});

describe('households', () => {
  it('links people with relationships and a single head', async () => {
    const mother = await register(h, worker.token, { givenName: 'Mariam', familyName: 'Ballo', sex: 'female' });
    const child = await register(h, worker.token, { givenName: 'Sali', familyName: 'Ballo', sex: 'female', dateOfBirth: '2015-04-02' });
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/groups', headers: bearer(worker.token), payload: { kind: 'family', members: [{ personId: mother.id, relationship: 'head', isHead: true }, { personId: child.id, relationship: 'child' }] } });
    expect(res.statusCode).toBe(201);
    const person = (await get(`/api/v1/people/${child.id}`)).json();
    expect(person.ageGroup).toBe('child');
    expect(person.groups[0].members).toMatchObject([{ personId: mother.id, isHead: true }, { personId: child.id, isHead: false }]);
    const twoHeads = await h.app.inject({ method: 'POST', url: '/api/v1/groups', headers: bearer(worker.token), payload: { kind: 'family', members: [{ personId: mother.id, relationship: 'head', isHead: true }, { personId: child.id, relationship: 'child', isHead: true }] } });
    expect(twoHeads.statusCode).toBe(400);
  });
});
