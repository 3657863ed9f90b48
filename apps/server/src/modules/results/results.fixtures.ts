// Test fixtures of the results tests: people registered with chosen sex, birth date and nationality,
// transit cases and services recorded through the real protection routes, merges through the registry.
import { randomBytes } from 'node:crypto';
import type { Permission } from '@taama/core';
import { bearer, type Harness } from '../../../test/harness';
import { makeSite } from '../protection/test-people';

const FIELD_WORK: Permission[] = ['person.read', 'person.create', 'person.update', 'person.merge', 'transitCase.read', 'transitCase.create', 'transitCase.update'];

/** Eight random letters: names that never collide across tests. */
const letters = () => Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join('');

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

  /** Registers a person at the team's site through the registry route (as the field would). */
  const person = async (p: Person = {}): Promise<string> => {
    const created = await post('/people', {
      givenName: `Fanta ${letters()}`,
      familyName: `Diarra ${letters()}`,
      sex: p.sex ?? 'female',
      ...(p.dateOfBirth === null ? {} : { dateOfBirth: p.dateOfBirth ?? '1990-05-01' }),
      nationality: p.nationality ?? 'MLI',
      siteId: site.id,
      registeredOn: '2020-01-01',
    });
    return created.id;
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
