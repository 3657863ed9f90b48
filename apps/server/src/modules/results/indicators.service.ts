// GET /indicators: every indicator over a span, with targets, periods, cumulative values,
// disaggregations and restatements of signed-off quarters.
import type { Disaggregation, IndicatorList, IndicatorsQuery, IndicatorValue, Interval, Span } from '@taama/core';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/auth/context';
import { assemble, type Snapshot } from './assemble';
import { computeAll } from './compute';
import { loadDefinitions } from './definitions.service';
import { programmeSettings } from './programme';
import { readDimensions, readSpan } from './span';

/** Every signed-off quarter's snapshot, per indicator code. */
export async function loadSnapshots(db: Db): Promise<Map<string, Snapshot[]>> {
  const rows = await db
    .selectFrom('periodSnapshots as s')
    .innerJoin('periodSignoffs as p', 'p.period', 's.period')
    .select(['s.period', 's.indicatorCode', 's.value', 's.disaggregations', 'p.periodFrom', 'p.periodTo'])
    .orderBy('p.periodFrom')
    .execute();
  const out = new Map<string, Snapshot[]>();
  for (const r of rows) {
    const list = out.get(r.indicatorCode) ?? [];
    list.push({ period: r.period, from: r.periodFrom, to: r.periodTo, value: Number(r.value), dims: r.disaggregations });
    out.set(r.indicatorCode, list);
  }
  return out;
}

export interface TableOptions {
  span: Span;
  interval: Interval;
  by: readonly Disaggregation[];
  locale: 'fr' | 'en';
  publicOnly: boolean;
}

/** The indicator table (shared by the API and the reports). */
export async function indicatorTable(db: Db, o: TableOptions): Promise<IndicatorValue[]> {
  const programme = await programmeSettings(db);
  const definitions = await loadDefinitions(db);
  const computed = await computeAll(db, definitions, { span: o.span, interval: o.interval, by: o.by, programmeStart: programme.start });
  const snapshots = await loadSnapshots(db);
  return computed.map((c) => assemble(c, snapshots.get(c.definition.code) ?? [], o));
}

/** Reads the query and computes the table for the caller (donors get small cells suppressed). */
export async function listIndicators(ctx: RequestContext, query: IndicatorsQuery): Promise<IndicatorList> {
  const programme = await programmeSettings(ctx.db);
  const span = readSpan(query, programme.start);
  const by = readDimensions(query.by);
  const interval = query.interval ?? 'quarter';
  const items = await indicatorTable(ctx.db, { span, interval, by, locale: query.lang ?? ctx.user.locale, publicOnly: ctx.maxSensitivity === 'public' });
  return { from: span.from, to: span.to, interval, by, items };
}
