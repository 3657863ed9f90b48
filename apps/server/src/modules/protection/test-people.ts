// Test helpers of the protection tests: their own site, users and people, inserted directly because
// the registry's create route is built in parallel; rows follow the registry's table types.
import { randomBytes } from 'node:crypto';
import { newId, type Permission } from '@taama/core';
import { bearer, unique, type Harness } from '../../../test/harness';

const CASEWORKER: Permission[] = ['person.read', 'person.create', 'person.update', 'transitCase.read', 'transitCase.create', 'transitCase.update', 'referral.manage'];

/** A fresh transit site of IOM with the given capacity; returns its id and code. */
export async function makeSite(h: Harness, capacity: number | null = 2): Promise<{ id: string; code: string }> {
  const id = newId();
  const code = unique('site-');
  const prefix = Array.from(randomBytes(4), (b) => String.fromCharCode(65 + (b % 26))).join('');
  await h.database.db
    .insertInto('sites')
    .values({ id, code, name: `Test centre ${code}`, kind: 'transit_centre', organisationId: await h.orgId('iom'), pcode: 'ML0701', countryCode: 'MLI', capacity, caseCodePrefix: prefix, createdBy: null, updatedBy: null })
    .execute();
  return { id, code };
}

/** Inserts an active person registered at a site. */
export async function makePerson(h: Harness, siteId: string, overrides: { givenName?: string; familyName?: string; status?: string; organisationId?: string } = {}): Promise<string> {
  const id = newId();
  const givenName = overrides.givenName ?? unique('Awa');
  const familyName = overrides.familyName ?? unique('Keita');
  await h.database.db
    .insertInto('people')
    .values({
      id,
      caseNumber: unique('ML-TST-2025-'),
      status: overrides.status ?? 'active',
      mergedIntoId: null,
      givenName,
      familyName,
      nameArabic: null,
      sex: 'female',
      dateOfBirth: '1998-04-02',
      birthYear: 1998,
      nationality: 'MLI',
      birthCountry: null,
      birthPlace: null,
      originPcode: null,
      nameKey: `${familyName} ${givenName}`.toLowerCase(),
      familyKey: familyName.toLowerCase(),
      givenKey: givenName.toLowerCase(),
      organisationId: overrides.organisationId ?? (await h.orgId('iom')),
      siteId,
      regionPcode: 'ML0701',
      ownerId: null,
      registeredOn: '2025-03-01',
      createdBy: null,
      updatedBy: null,
    })
    .execute();
  return id;
}

/** Records a person's consent to share their data with an organisation. */
export async function giveSharingConsent(h: Harness, personId: string, organisationId: string): Promise<void> {
  await h.database.db.insertInto('consents').values({ id: newId(), personId, kind: 'data_sharing', organisationId, method: 'explicit_oral', givenOn: '2025-03-01', withdrawnOn: null, note: null, recordedBy: null }).execute();
}

export type TestUser = Awaited<ReturnType<Harness['userWith']>>;

/** A site of one's own and the people who work on it: a site caseworker, an organisation-wide officer, an NGO partner. */
export async function protectionTeam(h: Harness, capacity: number | null = 2) {
  const site = await makeSite(h, capacity);
  const caseworker = await h.userWith({ permissions: CASEWORKER, scope: 'site', site: site.code, maxSensitivity: 'personal' });
  const colleague = await h.userWith({ permissions: CASEWORKER, scope: 'site', site: site.code, maxSensitivity: 'personal' });
  const officer = await h.userWith({ permissions: [...CASEWORKER, 'person.merge', 'transitCase.approve'], scope: 'organisation', site: site.code, maxSensitivity: 'sensitive' });
  const ngo = await h.userWith({ permissions: ['referral.manage'], scope: 'organisation', organisation: 'ngo-sahel-solidarite', maxSensitivity: 'personal' });
  return { site, caseworker, colleague, officer, ngo };
}

/** Opens a case for a fresh person at the team's site, as the given user; returns the case JSON. */
export async function openCase(h: Harness, user: TestUser, siteId: string, openedOn = '2025-03-02') {
  const personId = await makePerson(h, siteId);
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/transit-cases', headers: bearer(user.token), payload: { personId, openedOn } });
  if (res.statusCode !== 201) throw new Error(`open case failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; caseNumber: string; version: number; person: { id: string }; [key: string]: unknown };
}
