// Checks on what a return case refers to: countries, P-codes, people, members and sites.
import { HOME_COUNTRY, type ReturnMemberInput } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inScope } from '../../platform/access/scope';
import { scopeFor, type RequestContext } from '../../platform/auth/context';
import { Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { PERSON_SCOPE } from './returns.common';

/** Checks that a country code is known; 400 naming the field otherwise. */
export async function assertCountry(tx: Tx, field: string, iso3: string): Promise<void> {
  const found = await tx.selectFrom('countries').select('iso3').where('iso3', '=', iso3).executeTakeFirst();
  if (!found) throw new Invalid({ [field]: 'must be a known ISO 3166-1 alpha-3 country code' });
}

/** Checks that a P-code is a Mali admin unit; 400 naming the field otherwise. */
export async function assertPcode(tx: Tx, field: string, pcode: string): Promise<void> {
  const found = await tx.selectFrom('adminUnits').select('pcode').where('pcode', '=', pcode).executeTakeFirst();
  if (!found || !pcode.startsWith('ML')) throw new Invalid({ [field]: 'must be a Mali P-code from the admin units' });
}

/** Checks the direction's country rules; returns the country returned from. */
export function directionCountries(input: { direction: 'inbound' | 'outbound'; destinationCountry: string; fromCountry?: string | undefined; destinationPcode?: string | null | undefined }): string {
  if (input.direction === 'inbound') {
    if (input.destinationCountry !== HOME_COUNTRY) throw new Invalid({ destinationCountry: `must be ${HOME_COUNTRY} for an inbound return` });
    if (!input.fromCountry) throw new Invalid({ fromCountry: 'is required for an inbound return (the host country returned from)' });
    if (input.fromCountry === HOME_COUNTRY) throw new Invalid({ fromCountry: `must not be ${HOME_COUNTRY} for an inbound return` });
    return input.fromCountry;
  }
  if (input.destinationCountry === HOME_COUNTRY) throw new Invalid({ destinationCountry: `must not be ${HOME_COUNTRY} for an outbound return (it is the country of origin)` });
  if (input.destinationPcode) throw new Invalid({ destinationPcode: 'is only for inbound returns (a Mali P-code)' });
  return input.fromCountry ?? HOME_COUNTRY;
}

/** A person in the caller's person.read scope, locked; 404 when absent or out of scope, 422 when merged. */
export async function lockPerson(tx: Tx, ctx: RequestContext, field: string, personId: string) {
  const person = await tx
    .selectFrom('people as p')
    .select(['p.id', 'p.status', 'p.caseNumber', 'p.dateOfBirth', 'p.sex'])
    .where('p.id', '=', personId)
    .where(inScope(scopeFor(ctx, 'person.read'), PERSON_SCOPE))
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new NotFound('Person');
  if (person.status !== 'active') throw new RuleViolation(`${person.caseNumber} is ${person.status}; use the surviving record`, 'person_not_active', { [field]: `is ${person.status}` });
  return person;
}

/** Checks the household members: active people the caller may read, not the principal, no duplicates. */
export async function checkMembers(tx: Tx, ctx: RequestContext, principalId: string, members: readonly ReturnMemberInput[]): Promise<void> {
  const seen = new Set<string>();
  for (const [i, m] of members.entries()) {
    const field = `members.${i}.personId`;
    if (m.personId === principalId) throw new Invalid({ [field]: 'must not be the principal person' });
    if (seen.has(m.personId)) throw new Invalid({ [field]: 'is listed twice' });
    seen.add(m.personId);
    const person = await tx
      .selectFrom('people as p')
      .select(['p.id', 'p.status'])
      .where('p.id', '=', m.personId)
      .where(inScope(scopeFor(ctx, 'person.read'), PERSON_SCOPE))
      .executeTakeFirst();
    if (!person || person.status !== 'active') throw new Invalid({ [field]: 'must be an active person you may read' });
  }
}

/** An active site by id, or 400 naming the field. */
export async function activeSite(tx: Tx, field: string, siteId: string) {
  const site = await tx.selectFrom('sites').select(['id', 'organisationId', 'pcode', 'countryCode', 'active']).where('id', '=', siteId).executeTakeFirst();
  if (!site || !site.active) throw new Invalid({ [field]: 'must be an active site' });
  return site;
}

/** Age in whole years on a date (YYYY-MM-DD strings). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Whether the server flags the case as an unaccompanied child: under 18 on the request date and the
 * person's latest protection screening says `unaccompanied_child`.
 */
export async function screenedUnaccompaniedChild(tx: Tx, personId: string, dateOfBirth: string | null, requestedOn: string): Promise<boolean> {
  if (!dateOfBirth || ageOn(dateOfBirth, requestedOn) >= 18) return false;
  const latest = await tx.selectFrom('screenings').select('flags').where('personId', '=', personId).orderBy('screenedOn', 'desc').orderBy('sequence', 'desc').limit(1).executeTakeFirst();
  return latest?.flags.includes('unaccompanied_child') ?? false;
}
