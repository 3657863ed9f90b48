// Human case numbers (SPEC §2): country-site-year-sequence, e.g. ML-GAO-2025-000123; unique, never reused.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database';
import { Invalid } from '../../platform/errors';

export type CaseNumberKind = 'person' | 'transit_case' | 'return_case' | 'reintegration_case';

/** The marker after the site prefix: a person's number has none (ML-GAO-2025-…). */
const KIND_MARKERS: Record<CaseNumberKind, string | null> = { person: null, transit_case: 'TC', return_case: 'AVR', reintegration_case: 'RI' };

/**
 * Allocates the next number of a site's series for the year of `on` (YYYY-MM-DD), in one statement:
 * the series is read from the site (country ISO2, the site's prefix, the kind's marker) and the
 * upsert takes the series row's lock, so concurrent allocations get distinct numbers. Inside a
 * transaction the lock lasts until its commit and a rollback gives the number back; on the pool
 * (`db`, autocommit) the number is committed at once and a later failure leaves a gap. Either way a
 * committed number is never reused.
 */
export async function allocateCaseNumber(tx: Db | Tx, siteId: string, on: string, kind: CaseNumberKind): Promise<string> {
  const year = Number(on.slice(0, 4));
  const marker = KIND_MARKERS[kind];
  const row = await sql<{ series: string; lastValue: number }>`
    with series as (
      select coalesce(c.iso2, 'XX') || '-' || s.case_code_prefix || coalesce('-' || ${marker}::text, '') as series
        from sites s left join countries c on c.iso3 = s.country_code
       where s.id = ${siteId}
    )
    insert into case_number_sequences (series, year, last_value)
    select series, ${year}, 1 from series
    on conflict (series, year) do update set last_value = case_number_sequences.last_value + 1
    returning series, last_value`.execute(tx);
  const allocated = row.rows[0];
  if (!allocated) throw new Invalid({ siteId: 'must be an existing site' });
  return `${allocated.series}-${year}-${String(allocated.lastValue).padStart(6, '0')}`;
}
