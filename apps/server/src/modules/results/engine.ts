// The computation engine (SPEC §11, §15): applies the counting rule in SQL over a source's qualifying
// events — first event per subject over the whole programme for `distinct`, every event for `sum` —
// then the span, per quarter, per requested interval and per disaggregation in one grouped scan.
import { sql, type RawBuilder } from 'kysely';
import { UNKNOWN, type CountingKind, type Disaggregation, type Interval, type Span } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import type { EventSource } from './sources';

/** A disaggregation of the API, or the region × sex × age cross used by the HXL report. */
export type Dimension = Disaggregation | 'regionSexAge';

export interface EngineOptions {
  span: Span;
  programmeStart: string;
  interval: Interval;
  by: readonly Dimension[];
}

/**
 * One quarter's current value, split into the part inside the requested span and the part before it
 * (a span may start mid-quarter), with the disaggregations of the part inside the span.
 */
export interface QuarterCells {
  inSpan: number;
  before: number;
  dims: Partial<Record<Dimension, Record<string, number>>>;
}

export interface EngineResult {
  /** Every quarter from the programme start to the span's end that has a value. */
  quarters: Map<string, QuarterCells>;
  /** The span's values per requested interval. */
  periods: Map<string, number>;
}

/** An empty quarter. */
export function emptyQuarter(): QuarterCells {
  return { inSpan: 0, before: 0, dims: {} };
}

const PERIOD_FORMAT: Record<Interval, string> = { quarter: 'YYYY"Q"Q', month: 'YYYY-MM', year: 'YYYY' };
const DIMENSION_COLUMN: Record<Dimension, string> = { sex: 'd_sex', ageGroup: 'd_age', nationality: 'd_nationality', region: 'd_region', partner: 'd_partner', site: 'd_site', regionSexAge: 'd_rsa' };

/** The tables among `names` that exist in the database (a module not installed has none). */
export async function existingTables(db: Db | Tx, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await sql<{ name: string }>`select n as name from unnest(${sql.val([...names])}::text[]) as n where to_regclass(n) is not null`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

/**
 * The counted events of a source with their disaggregation keys: for `distinct`, each subject's
 * first event since the programme start (ties broken by record id, so the choice is stable).
 */
export function countedEvents(source: EventSource, kind: CountingKind, programmeStart: string, withLinks = false): RawBuilder<unknown> {
  // The aggregates need neither the record type nor the link: a narrower row makes the big sort cheaper.
  const columns = withLinks
    ? sql`*`
    : sql`subject, event_date, record_id, amount, sex, date_of_birth, age_group, nationality, region_pcode, partner_org, site_id, null::text as record_type, null::text as link`;
  const precomputed = kind === 'distinct' ? source.firstEvents?.(programmeStart) : undefined;
  const counted = precomputed
    ? sql`select ${columns} from ev`
    : kind === 'distinct'
      ? // Byte order ("C") for the text keys: the same order on every database, and no locale-aware comparisons in the big sort.
        sql`select distinct on (subject collate "C") ${columns} from ev where event_date >= ${programmeStart}::date order by subject collate "C", event_date, record_id collate "C"`
      : sql`select ${columns} from ev where event_date >= ${programmeStart}::date`;
  return sql`
    with ev as (${precomputed ?? source.events()}),
    counted as (${counted})
    select c.record_id, c.record_type, c.subject, c.event_date, c.amount, c.link,
           coalesce(c.sex, ${UNKNOWN}) as d_sex,
           coalesce(c.age_group, case when c.date_of_birth is null then ${UNKNOWN}
                                      when date_part('year', age(c.event_date, c.date_of_birth)) < 18 then 'child' else 'adult' end) as d_age,
           coalesce(c.nationality, ${UNKNOWN}) as d_nationality,
           coalesce(c.region_pcode, ${UNKNOWN}) as d_region,
           coalesce(o.code, ${UNKNOWN}) as d_partner,
           coalesce(s.code, ${UNKNOWN}) as d_site,
           c.partner_org, c.site_id
      from counted c
      left join organisations o on o.id = c.partner_org
      left join sites s on s.id = c.site_id`;
}

interface GroupRow {
  q: string | null;
  inSpan: boolean | null;
  p: string | null;
  gQuarter: number;
  gPeriod: number;
  total: number | null;
  [column: string]: string | number | boolean | null;
}

/**
 * Computes one indicator: the value of every quarter up to the span's end (for the cumulative value
 * and for comparing signed-off quarters), and inside the span its periods and disaggregations.
 */
export async function computeSource(db: Db | Tx, source: EventSource, kind: CountingKind, options: EngineOptions): Promise<EngineResult> {
  const { span, interval, by } = options;
  const columns = by.map((d) => DIMENSION_COLUMN[d]);
  // Dimension keys exist only inside the span; outside it they are null and their groups are skipped.
  const spanDims = columns.map((c) => sql`case when in_span then ${sql.ref(c)} end as ${sql.ref(`x_${c}`)}`);
  const sets = [sql`(q, in_span)`, sql`(p)`, ...columns.map((c) => sql`(q, ${sql.ref(`x_${c}`)})`)];
  const grouped = columns.map((c) => sql`${sql.ref(`x_${c}`)}, grouping(${sql.ref(`x_${c}`)}) as ${sql.ref(`g_${c}`)}`);
  const cellKeys = columns.map((c) => sql.ref(`x_${c}`));
  const result = await sql<GroupRow>`
    with tagged as (${countedEvents(source, kind, options.programmeStart)}),
    dated as (
      select t.*, to_char(t.event_date, 'YYYY"Q"Q') as q, t.event_date >= ${span.from}::date as in_span,
             t.d_region || '|' || t.d_sex || '|' || t.d_age as d_rsa
        from tagged t where t.event_date <= ${span.to}::date
    ),
    spanned as (
      select d.q, d.in_span, d.amount, case when d.in_span then to_char(d.event_date, ${PERIOD_FORMAT[interval]}) end as p
             ${spanDims.length ? sql`, ${sql.join(spanDims)}` : sql``}
        from dated d
    ),
    -- One pass over the events into the finest cells, then the grouping sets over the cells: at a
    -- million events that is one hash aggregate instead of one per disaggregation.
    cells as (
      select q, in_span, p${cellKeys.length ? sql`, ${sql.join(cellKeys)}` : sql``}, sum(amount) as amount
        from spanned group by q, in_span, p${cellKeys.length ? sql`, ${sql.join(cellKeys)}` : sql``}
    )
    select q, in_span, p, grouping(q, in_span) as g_quarter, grouping(p) as g_period,
           ${grouped.length ? sql`${sql.join(grouped)},` : sql``} sum(amount) as total
      from cells group by grouping sets (${sql.join(sets)})`.execute(db);

  const quarters = new Map<string, QuarterCells>();
  const periods = new Map<string, number>();
  const quarter = (code: string) => {
    let cells = quarters.get(code);
    if (!cells) quarters.set(code, (cells = emptyQuarter()));
    return cells;
  };
  for (const row of result.rows) {
    const total = Number(row.total ?? 0);
    if (Number(row.gPeriod) === 0) {
      if (row.p !== null) periods.set(row.p, total);
    } else if (Number(row.gQuarter) === 0 && row.q !== null) {
      const cells = quarter(row.q);
      if (row.inSpan) cells.inSpan = total;
      else cells.before = total;
    } else if (row.q !== null) {
      const dimension = by.find((d) => Number(row[groupKey(d)]) === 0);
      const key = dimension ? row[spanKey(dimension)] : null;
      if (!dimension || key === null || key === undefined) continue;
      const table = (quarter(row.q).dims[dimension] ??= {});
      table[String(key)] = (table[String(key)] ?? 0) + total;
    }
  }
  return { quarters, periods };
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const groupKey = (d: Dimension) => camel(`g_${DIMENSION_COLUMN[d]}`);
const spanKey = (d: Dimension) => camel(`x_${DIMENSION_COLUMN[d]}`);
