// Dashboard aggregates over flow counts (validated only unless status=all) and survey reasons.
// Every query is bounded by the caller's scope and the filters, and grouped in the database; the
// flow_counts_stats index (status, date) carries the grouped columns so trends, points and
// origin-destination figures read the index rather than the table.
import { sql, type RawBuilder } from 'kysely';
import { MIGRATION_REASONS, percentOrNull, publishedCount, type FlowComposition, type FlowOd, type FlowPointStats, type FlowReasons, type FlowReasonsQuery, type FlowRegionStats, type FlowStatsQuery, type FlowTrends, type TrendInterval } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';

/** The WHERE clause of a stats query on flow_counts `c`. */
function countFilter(ctx: RequestContext, q: FlowStatsQuery): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`${inScope(ctx.scope, { organisation: 'c.organisation_id', owner: 'c.created_by' })}`];
  if (q.status !== 'all') parts.push(sql<boolean>`c.status = 'validated'`);
  if (q.from) parts.push(sql<boolean>`c.date >= ${q.from}::date`);
  if (q.to) parts.push(sql<boolean>`c.date <= ${q.to}::date`);
  if (q.fmpId) parts.push(sql<boolean>`c.fmp_id = ${q.fmpId}`);
  if (q.direction) parts.push(sql<boolean>`c.direction = ${q.direction}`);
  if (q.nationality) parts.push(sql<boolean>`c.nationalities @> ${JSON.stringify([{ country: q.nationality }])}::jsonb`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** People counted: the total, or with a nationality filter that nationality's count. */
function people(q: FlowStatsQuery): RawBuilder<number> {
  if (!q.nationality) return sql<number>`c.total`;
  return sql<number>`coalesce((select sum((n->>'count')::int) from jsonb_array_elements(c.nationalities) n where n->>'country' = ${q.nationality}), 0)`;
}

const PERIOD_FORMAT: Record<TrendInterval, string> = { day: 'YYYY-MM-DD', week: 'YYYY-MM-DD', month: 'YYYY-MM' };

/** Totals per period and direction (week periods are named by their Monday). */
export async function trends(ctx: RequestContext, q: FlowStatsQuery & { interval?: TrendInterval }): Promise<FlowTrends> {
  const interval = q.interval ?? 'month';
  const period = sql<string>`to_char(date_trunc(${interval}, c.date::timestamp), ${PERIOD_FORMAT[interval]})`;
  const { rows } = await sql<{ period: string; direction: string; total: number }>`
    select ${period} as period, c.direction, sum(${people(q)})::bigint as total
      from flow_counts c where ${countFilter(ctx, q)}
     group by 1, 2 order by 1, 2`.execute(ctx.db);
  return { items: rows.map((r) => ({ period: r.period, direction: r.direction, total: Number(r.total) })) };
}

/** Totals per origin → final destination country. */
export async function originDestination(ctx: RequestContext, q: FlowStatsQuery): Promise<FlowOd> {
  const { rows } = await sql<{ origin: string; destination: string; total: number }>`
    select c.origin_country as origin, c.final_destination_country as destination, sum(${people(q)})::bigint as total
      from flow_counts c where ${countFilter(ctx, q)}
     group by 1, 2 order by 3 desc, 1, 2`.execute(ctx.db);
  return { items: rows.map((r) => ({ origin: r.origin, destination: r.destination, total: Number(r.total) })) };
}

/** Sex/age, nationality and vulnerability composition. */
export async function composition(ctx: RequestContext, q: FlowStatsQuery): Promise<FlowComposition> {
  const where = countFilter(ctx, q);
  const { rows } = await sql<Record<string, number | null>>`
    select sum(c.total)::bigint as total, sum(c.men)::bigint as men, sum(c.women)::bigint as women, sum(c.boys)::bigint as boys,
           sum(c.girls)::bigint as girls, sum(c.sex_age_unknown)::bigint as sex_age_unknown,
           sum(c.children_under5)::bigint as children_under5, sum(c.unaccompanied_children)::bigint as unaccompanied_children,
           sum(c.pregnant_women)::bigint as pregnant_women, sum(c.elderly60plus)::bigint as elderly60plus,
           sum(c.persons_with_disability)::bigint as persons_with_disability
      from flow_counts c where ${where}`.execute(ctx.db);
  const nat = await sql<{ country: string; count: number }>`
    select n->>'country' as country, sum((n->>'count')::int)::bigint as count
      from flow_counts c cross join lateral jsonb_array_elements(c.nationalities) n
     where ${where} group by 1 order by 2 desc, 1`.execute(ctx.db);
  const r = rows[0] ?? {};
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    total: n('total'),
    sexAge: { men: n('men'), women: n('women'), boys: n('boys'), girls: n('girls'), sexAgeUnknown: n('sexAgeUnknown') },
    nationalities: nat.rows.map((x) => ({ country: x.country, count: Number(x.count) })),
    vulnerable: {
      childrenUnder5: n('childrenUnder5'),
      unaccompaniedChildren: n('unaccompaniedChildren'),
      pregnantWomen: n('pregnantWomen'),
      elderly60plus: n('elderly60plus'),
      personsWithDisability: n('personsWithDisability'),
    },
  };
}

/** Totals per monitoring point, with its position for the map. */
export async function pointTotals(ctx: RequestContext, q: FlowStatsQuery): Promise<FlowPointStats> {
  const { rows } = await sql<{ fmpId: string; name: string; lat: number | null; lon: number | null; total: number }>`
    select p.id as fmp_id, p.name, p.lat, p.lon, t.total
      from (select c.fmp_id, sum(${people(q)})::bigint as total from flow_counts c where ${countFilter(ctx, q)} group by 1) t
      join flow_monitoring_points p on p.id = t.fmp_id
     order by t.total desc, p.id`.execute(ctx.db);
  return { items: rows.map((r) => ({ fmpId: r.fmpId, name: r.name, lat: r.lat, lon: r.lon, total: Number(r.total) })) };
}

/**
 * Totals per Mali admin-1 region of departure: the origin P-code's region when the record has one,
 * otherwise the region of the point where the movement was observed.
 */
export async function regionTotals(ctx: RequestContext, q: FlowStatsQuery): Promise<FlowRegionStats> {
  const { rows } = await sql<{ pcode: string; total: number }>`
    select coalesce(left(c.origin_pcode, 4), p.adm1_pcode) as pcode, sum(${people(q)})::bigint as total
      from flow_counts c join flow_monitoring_points p on p.id = c.fmp_id
     where ${countFilter(ctx, q)} and coalesce(left(c.origin_pcode, 4), p.adm1_pcode) like 'ML%'
     group by 1 order by 1`.execute(ctx.db);
  return { items: rows.map((r) => ({ pcode: r.pcode, total: Number(r.total) })) };
}

/** Survey reasons per nationality or per region of departure; small counts and small bases withheld. */
export async function reasons(ctx: RequestContext, q: FlowReasonsQuery): Promise<FlowReasons> {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`${inScope(scopeForSurveys(ctx), { organisation: 's.organisation_id', owner: 's.created_by' })}`, sql<boolean>`s.consent and not s.already_surveyed`];
  if (q.from) parts.push(sql<boolean>`s.date >= ${q.from}::date`);
  if (q.to) parts.push(sql<boolean>`s.date <= ${q.to}::date`);
  if (q.fmpId) parts.push(sql<boolean>`s.fmp_id = ${q.fmpId}`);
  if (q.nationality) parts.push(sql<boolean>`s.nationality = ${q.nationality}`);
  const where = sql<boolean>`${sql.join(parts, sql` and `)}`;
  const group = q.by === 'region' ? sql<string>`coalesce(left(s.departure_pcode, 4), p.adm1_pcode, 'OOO')` : sql<string>`coalesce(s.nationality, 'OOO')`;
  const bases = await sql<{ grp: string; n: number }>`
    select ${group} as grp, count(*)::bigint as n from flow_surveys s join flow_monitoring_points p on p.id = s.fmp_id
     where ${where} group by 1`.execute(ctx.db);
  const counts = await sql<{ grp: string; reason: string; count: number }>`
    select ${group} as grp, r.reason, count(*)::bigint as count
      from flow_surveys s join flow_monitoring_points p on p.id = s.fmp_id
      cross join lateral jsonb_array_elements_text(coalesce(s.reasons, '[]'::jsonb)) as r(reason)
     where ${where} group by 1, 2`.execute(ctx.db);
  const byGroup = new Map<string, Map<string, number>>();
  for (const c of counts.rows) {
    const m = byGroup.get(c.grp) ?? new Map<string, number>();
    m.set(c.reason, Number(c.count));
    byGroup.set(c.grp, m);
  }
  const items = bases.rows
    .map((b) => {
      const n = Number(b.n);
      const m = byGroup.get(b.grp) ?? new Map<string, number>();
      const list = MIGRATION_REASONS.filter((r) => m.has(r)).map((reason) => {
        const count = m.get(reason) ?? 0;
        const shown = publishedCount(count);
        return { reason, count: shown, percent: shown === null ? null : percentOrNull(count, n) };
      });
      return { group: b.grp, n, reasons: list };
    })
    .sort((a, b) => b.n - a.n || a.group.localeCompare(b.group));
  return { items };
}

/** Reason aggregates are computed from microdata the caller may not read; they use the flow.read scope. */
function scopeForSurveys(ctx: RequestContext) {
  return ctx.scope;
}
