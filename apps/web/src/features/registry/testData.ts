// Records shaped as the registry API returns them, for the screen tests.
import type { Person, PersonSummary, PossibleDuplicate } from '@taama/core';

export const ORG_ID = '01930000-0000-7000-8000-0000000000a1';
export const SITE_ID = '01930000-0000-7000-8000-0000000000b1';

/** A person summary with the given overrides. */
export function summary(overrides: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: '01930000-0000-7000-8000-000000000101',
    caseNumber: 'ML-GAO-2025-000123',
    status: 'active',
    givenName: 'Mamadou',
    familyName: 'Coulibaly',
    sex: 'male',
    dateOfBirth: '1994-01-01',
    dobPrecision: 'year',
    nationality: 'MLI',
    siteId: SITE_ID,
    siteName: 'Gao',
    registeredOn: '2025-03-02',
    ...overrides,
  };
}

/** A full person record with the given overrides. */
export function person(overrides: Partial<Person> = {}): Person {
  return {
    ...summary(),
    mergedIntoId: null,
    otherNames: [],
    nameArabic: null,
    birthYear: 1994,
    ageGroup: 'adult',
    birthCountry: null,
    birthPlace: 'Kayes',
    languages: ['bam'],
    phones: ['+22376123456'],
    originPcode: null,
    documents: [],
    hasPhoto: false,
    consents: [],
    groups: [],
    organisationId: ORG_ID,
    abilities: { update: true, merge: true, openTransitCase: true, viewPhoto: false },
    version: 3,
    createdAt: '2025-03-02T09:00:00.000Z',
    updatedAt: '2025-03-02T09:00:00.000Z',
    ...overrides,
  } as Person;
}

/** A look-alike as the duplicate check returns it. */
export function candidate(overrides: Partial<PossibleDuplicate> = {}): PossibleDuplicate {
  return { id: summary().id, score: 0.91, reasons: ['similar_name', 'same_birth_year', 'same_nationality'], person: summary(), ...overrides };
}

export const COUNTRIES = { items: [{ iso3: 'MLI', iso2: 'ML', nameFr: 'Mali', nameEn: 'Mali', ecowasStatus: null, aesMember: true, bordersMali: false, region: null }] };
