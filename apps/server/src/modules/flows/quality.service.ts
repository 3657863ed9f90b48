// Data quality view (SPEC §8): rejected counts, suspicious records, missing days per point,
// outliers against the point's own history, and an enumerator's duplicate submissions.
import { sql, type RawBuilder } from 'kysely';
import type { QualityQuery, QualityReport } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { todayUtc } from './counts.service';

const LIST_LIMIT = 200;
/** Without dates the view covers the last 90 days. */
const DEFAULT_DAYS = 90;

function window(q: QualityQuery): { from: string; to: string } {
  const to = q.to ?? todayUtc();
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** Builds the quality report for a period (default: the last 90 days). */
export async function qualityReport(ctx: RequestContext, q: QualityQuery): Promise<QualityReport> {
  const { from, to } = window(q);
  const parts: RawBuilder<boolean>[] = [sql<boolean>`${inScope(ctx.scope, { organisation: 'c.organisation_id', owner: 'c.created_by' })}`, sql<boolean>`c.date between ${from}::date and ${to}::date`];
  if (q.fmpId) parts.push(sql<boolean>`c.fmp_id = ${q.fmpId}`);
  const where = sql<boolean>`${sql.join(parts, sql` and `)}`;
  const db = ctx.db;

  const rejected = await sql<{ n: number }>`select count(*)::bigint as n from flow_counts c where ${where} and c.status = 'rejected'`.execute(db);

  // Records that pass the hard rules but deserve a second look.
  const suspicious = await sql<{ countId: string; fmpId: string; date: string; rule: string; detail: string }>`
    select c.id as count_id, c.fmp_id, c.date::text as date, x.rule, x.detail
      from flow_counts c
      cross join lateral (values
        (case when c.total = 0 then 'zero_total' end, 'total is 0'),
        (case when c.total >= 10 and c.sex_age_unknown * 2 > c.total then 'mostly_unknown_sex_age' end,
         c.sex_age_unknown || ' of ' || c.total || ' without sex/age'),
        (case when c.total >= 10 and jsonb_array_length(c.nationalities) = 0 then 'no_nationalities' end, 'no nationality recorded'),
        (case when c.unaccompanied_children is not null and c.unaccompanied_children > 0 and c.unaccompanied_children = c.boys + c.girls and c.men + c.women = 0
              then 'all_children_unaccompanied' end, 'every child unaccompanied and no adult')
      ) as x(rule, detail)
     where ${where} and c.status <> 'rejected' and x.rule is not null
     order by c.date desc, c.id limit ${LIST_LIMIT}`.execute(db);

  // Days without any count at points that reported in the period.
  const missing = await sql<{ fmpId: string; days: number; dates: string[] }>`
    with pts as (select distinct c.fmp_id from flow_counts c where ${where}),
         seen as (select distinct c.fmp_id, c.date from flow_counts c where ${where}),
         gaps as (
           select pts.fmp_id, d::date as day
             from pts cross join generate_series(${from}::date, ${to}::date, interval '1 day') d
            where not exists (select 1 from seen where seen.fmp_id = pts.fmp_id and seen.date = d::date))
    select fmp_id, count(*)::bigint as days, (array_agg(day::text order by day))[1:31] as dates
      from gaps group by fmp_id having count(*) > 0 order by 2 desc, 1`.execute(db);

  // Outliers: a record above mean + 3 standard deviations of its point and direction's history.
  const outliers = await sql<{ countId: string; fmpId: string; date: string; total: number; expectedMax: number }>`
    with history as (
      select h.fmp_id, h.direction, avg(h.total) + 3 * stddev_samp(h.total) as expected_max
        from flow_counts h
       where h.status <> 'rejected' and h.fmp_id in (select distinct c.fmp_id from flow_counts c where ${where})
       group by 1, 2 having count(*) >= 30)
    select c.id as count_id, c.fmp_id, c.date::text as date, c.total, round(history.expected_max::numeric, 1) as expected_max
      from flow_counts c join history on history.fmp_id = c.fmp_id and history.direction = c.direction
     where ${where} and c.status <> 'rejected' and c.total > history.expected_max
     order by c.total / nullif(history.expected_max, 0) desc, c.id limit ${LIST_LIMIT}`.execute(db);

  // The same enumerator submitting the same record twice on a day.
  const duplicates = await sql<{ countIds: string[]; fmpId: string; date: string; enumeratorId: string | null }>`
    select array_agg(c.id::text order by c.created_at) as count_ids, c.fmp_id, c.date::text as date, c.enumerator_id
      from flow_counts c
     where ${where} and c.status <> 'rejected'
     group by c.fmp_id, c.date, c.enumerator_id, c.direction, c.origin_country, c.final_destination_country, c.transport_mode,
              c.men, c.women, c.boys, c.girls, c.sex_age_unknown, c.observation_window
    having count(*) > 1
     order by c.date desc, c.fmp_id limit ${LIST_LIMIT}`.execute(db);

  return {
    rejected: Number(rejected.rows[0]?.n ?? 0),
    suspicious: suspicious.rows,
    missingDays: missing.rows.map((m) => ({ fmpId: m.fmpId, days: Number(m.days), dates: m.dates })),
    outliers: outliers.rows.map((o) => ({ countId: o.countId, fmpId: o.fmpId, date: o.date, total: o.total, expectedMax: Number(o.expectedMax) })),
    duplicateSubmissions: duplicates.rows,
  };
}
