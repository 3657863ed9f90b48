// Human case numbers (SPEC §2): country-site-year-sequence, e.g. ML-GAO-2025-000123; unique, never reused.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { Invalid } from '../../platform/errors';

export type CaseNumberKind = 'person' | 'transit_case' | 'return_case' | 'reintegration_case';

/** The marker after the site prefix: a person's number has none (ML-GAO-2025-…). */
const KIND_MARKERS: Record<CaseNumberKind, string | null> = { person: null, transit_case: 'TC', return_case: 'AVR', reintegration_case: 'RI' };

/** The series part of a number: country ISO2 and the site's prefix, plus a kind marker for cases. */
async function seriesOf(tx: Tx, siteId: string, kind: CaseNumberKind): Promise<string> {
  const site = await tx
    .selectFrom('sites as s')
    .leftJoin('countries as c', 'c.iso3', 's.countryCode')
    .select(['s.caseCodePrefix', 'c.iso2'])
    .where('s.id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw new Invalid({ siteId: 'must be an existing site' });
  const country = site.iso2 ?? 'XX';
  const marker = KIND_MARKERS[kind];
  return marker === null ? `${country}-${site.caseCodePrefix}` : `${country}-${site.caseCodePrefix}-${marker}`;
}

/**
 * Allocates the next number of a site's series for the year of `on` (YYYY-MM-DD). The upsert takes
 * a row lock, so concurrent registrations get distinct numbers; a rolled-back transaction gives its
 * number back, which is fine: numbers are never *reused* once committed.
 */
export async function allocateCaseNumber(tx: Tx, siteId: string, on: string, kind: CaseNumberKind): Promise<string> {
  const series = await seriesOf(tx, siteId, kind);
  const year = Number(on.slice(0, 4));
  const row = await sql<{ lastValue: number }>`
    insert into case_number_sequences (series, year, last_value) values (${series}, ${year}, 1)
    on conflict (series, year) do update set last_value = case_number_sequences.last_value + 1
    returning last_value`.execute(tx);
  const value = row.rows[0]?.lastValue;
  if (value === undefined) throw new Error('case number allocation returned no row');
  return `${series}-${year}-${String(value).padStart(6, '0')}`;
}
