// Turns computed quarters into what the API reports: the span's value, periods, cumulative value and
// disaggregations, with signed-off quarters showing their signed-off numbers and any later change
// listed as a restatement (SPEC §11: never a silent change).
import { periodOf, periodsBetween, suppressCells, type Disaggregation, type IndicatorValue, type Interval, type Restatement, type Span } from '@taama/core';
import type { Computed } from './compute';
import type { Dimension } from './engine';

export interface Snapshot {
  period: string;
  from: string;
  to: string;
  value: number;
  dims: Partial<Record<Dimension, Record<string, number>>>;
}

export interface AssembleOptions {
  span: Span;
  interval: Interval;
  by: readonly Disaggregation[];
  locale: 'fr' | 'en';
  /** Public-level callers (donors) get small disaggregation cells suppressed. */
  publicOnly: boolean;
}

const add = (table: Record<string, number>, key: string, n: number) => {
  table[key] = (table[key] ?? 0) + n;
};

/** The API value of one indicator; `snapshots` are this indicator's signed-off quarters. */
export function assemble(c: Computed, snapshots: readonly Snapshot[], o: AssembleOptions): IndicatorValue {
  const { span, interval, by } = o;
  const d = c.definition;
  let value = 0;
  let cumulative = 0;
  const dims: Partial<Record<Disaggregation, Record<string, number>>> = {};
  for (const dimension of by) dims[dimension] = {};
  for (const cells of c.quarters.values()) {
    value += cells.inSpan;
    cumulative += cells.inSpan + cells.before;
    for (const dimension of by) for (const [k, n] of Object.entries(cells.dims[dimension] ?? {})) add(dims[dimension] ?? {}, k, n);
  }
  const periodRows = periodsBetween(span, interval).map((p) => ({ period: p.code, value: c.periods.get(p.code) ?? 0, ...target(c, p.code, interval) }));
  const restatements: Restatement[] = [];

  if (c.available) {
    for (const s of snapshots) {
      if (s.to > span.to) continue;
      const inside = s.from >= span.from;
      // A quarter cut by the span's start is neither wholly in nor wholly before it: keep current values.
      if (!inside && s.to >= span.from) continue;
      const cells = c.quarters.get(s.period);
      const current = (cells?.inSpan ?? 0) + (cells?.before ?? 0);
      const delta = s.value - current;
      cumulative += delta;
      if (!inside) continue;
      value += delta;
      if (delta !== 0) restatements.push({ period: s.period, signedOff: s.value, current, difference: current - s.value });
      for (const dimension of by) {
        const table = dims[dimension] ?? {};
        for (const [k, n] of Object.entries(s.dims[dimension] ?? {})) add(table, k, n);
        for (const [k, n] of Object.entries(cells?.dims[dimension] ?? {})) add(table, k, -n);
      }
      // Monthly rows cannot say which month a difference belongs to; they keep the current values.
      if (interval !== 'month') {
        const row = periodRows.find((p) => p.period === periodOf(s.from, interval));
        if (row) {
          row.value += delta;
          if (interval === 'quarter') Object.assign(row, { signedOff: true });
        }
      }
    }
  }

  const disaggregations: Record<string, Record<string, number | null>> = {};
  let suppressed = false;
  for (const dimension of by) {
    const table = Object.fromEntries(Object.entries(dims[dimension] ?? {}).filter(([, n]) => n !== 0));
    if (o.publicOnly) {
      const keys = Object.keys(table);
      const cells = keys.map((k) => table[k] ?? 0);
      const result = suppressCells({ values: [cells], relations: [{ parts: cells.map((_, i) => [0, i] as const) }] });
      const hidden = result.suppressed[0] ?? [];
      suppressed ||= hidden.some(Boolean);
      disaggregations[dimension] = Object.fromEntries(keys.map((k, i) => [k, hidden[i] ? null : (table[k] ?? 0)]));
    } else {
      disaggregations[dimension] = table;
    }
  }

  return {
    code: d.code,
    title: d.title[o.locale],
    level: d.level,
    unit: d.unit[o.locale],
    mode: d.mode,
    baseline: d.baseline,
    value,
    target: d.target,
    percentOfTarget: d.target ? Math.round((cumulative / d.target) * 1000) / 10 : null,
    periods: periodRows,
    cumulative,
    disaggregations,
    ...(o.publicOnly ? { suppressed } : {}),
    available: c.available,
    ...(c.reason ? { reason: c.reason } : {}),
    ruleVersion: d.ruleVersion,
    restatements,
  };
}

function target(c: Computed, period: string, interval: Interval): { target?: number } {
  if (interval !== 'quarter') return {};
  const t = c.definition.periodTargets[period];
  return t === undefined ? {} : { target: t };
}
