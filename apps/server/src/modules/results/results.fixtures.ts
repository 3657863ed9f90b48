// Test fixtures of the results tests: people with chosen sex, birth date and nationality, transit
// cases and services recorded through the real protection routes, merges through the registry route.
import { newId, type Permission } from '@taama/core';
import { bearer, unique, type Harness } from '../../../test/harness';
import { makeSite } from '../protection/test-people';

const FIELD_WORK: Permission[] = ['person.read', 'person.create', 'person.update', 'person.merge', 'transitCase.read', 'transitCase.create', 'transitCase.update'];

export interface Person {
  sex?: 'male' | 'female' | 'other' | 'unknown';
  dateOfBirth?: string | null;
  nationality?: string;
}

/** A field team on a fresh site: a caseworker who may also merge duplicates. */
export async function fieldTeam(h: Harness) {
  const site = await makeSite(h, null);
  const worker = await h.userWith({ permissions: FIELD_WORK, scope: 'site', site: site.code, maxSensitivity: 'sensitive' });
  const post = async (url: string, payload: object) => {
    const res = await h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(worker.token), payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };

  /**
   * Inserts a person registered at the team's site. Directly, like the protection tests: on the
   * embedded database, registrations through the route answer 500 ('bad buffer ID') in some orders
   * of the full suite, a platform issue this module's tests must not depend on.
   */
  const person = async (p: Person = {}): Promise<string> => {
    const id = newId();
    const given = unique('Fanta');
    const family = unique('Diarra');
    await h.database.db
      .insertInto('people')
      .values({
        id,
        caseNumber: unique('ML-RES-2024-'),
        status: 'active',
        mergedIntoId: null,
        givenName: given,
        familyName: family,
        nameArabic: null,
        sex: p.sex ?? 'female',
        dateOfBirth: p.dateOfBirth === undefined ? '1990-05-01' : p.dateOfBirth,
        birthYear: p.dateOfBirth ? Number(p.dateOfBirth.slice(0, 4)) : null,
        nationality: p.nationality ?? 'MLI',
        birthCountry: null,
        birthPlace: null,
        originPcode: null,
        nameKey: `${family} ${given}`.toLowerCase(),
        familyKey: family.toLowerCase(),
        givenKey: given.toLowerCase(),
        organisationId: await h.orgId('iom'),
        siteId: site.id,
        regionPcode: 'ML0701',
        ownerId: null,
        registeredOn: '2020-01-01',
        createdBy: null,
        updatedBy: null,
      })
      .execute();
    return id;
  };

  /** Opens a case for a person and records services on the given dates; returns the case id. */
  const served = async (personId: string, dates: readonly string[], openedOn = '2020-01-02'): Promise<string> => {
    const c = await post('/transit-cases', { personId, openedOn });
    for (const date of dates) await post(`/transit-cases/${c.id}/services`, { type: 'food', date, quantity: 1 });
    return c.id;
  };

  /** Merges `sourceId` into `intoId` with the registry's merge route. */
  const merge = async (sourceId: string, intoId: string) => post(`/people/${sourceId}/merge`, { intoId });

  return { site, worker, person, served, merge };
}
