// The results screens' arithmetic, kept pure so it is tested without a browser: the period picker's
// span, progress against a target, disaggregation tables that reconcile to their total, and the
// restatement of signed-off quarters.
import { parsePeriod, isCalendarDate, UNKNOWN, type IndicatorValue, type Restatement } from '@taama/core';

/** What the period picker holds: a quarter, a year or a custom span. */
export type PeriodSelection =
  | { kind: 'all' }
  | { kind: 'quarter'; quarter: string }
  | { kind: 'year'; year: string }
  | { kind: 'custom'; from: string; to: string };

/**
 * The span a selection covers, or the name of the field that is wrong and why. The whole programme
 * is an empty span: the server then counts from the programme's start to today.
 */
export function spanOf(selection: PeriodSelection): { from: string; to: string } | { error: 'quarter' | 'year' | 'from' | 'to' | 'order' } {
  if (selection.kind === 'all') return { from: '', to: '' };
  if (selection.kind === 'quarter') {
    const p = /^\d{4}Q[1-4]$/.test(selection.quarter) ? parsePeriod(selection.quarter) : null;
    return p ? { from: p.from, to: p.to } : { error: 'quarter' };
  }
  if (selection.kind === 'year') {
    const p = /^\d{4}$/.test(selection.year) ? parsePeriod(selection.year) : null;
    return p ? { from: p.from, to: p.to } : { error: 'year' };
  }
  if (!isCalendarDate(selection.from)) return { error: 'from' };
  if (!isCalendarDate(selection.to)) return { error: 'to' };
  if (selection.from > selection.to) return { error: 'order' };
  return { from: selection.from, to: selection.to };
}

/** Reads the picker from URL values (`period=2025Q1`, `period=2025`, `from`+`to`, or nothing: the whole programme). */
export function selectionFromUrl(period: string, from: string, to: string): PeriodSelection {
  if (/^\d{4}$/.test(period)) return { kind: 'year', year: period };
  if (from || to) return { kind: 'custom', from, to };
  if (period) return { kind: 'quarter', quarter: period };
  return { kind: 'all' };
}

/** Progress towards a target: the share for the bar (0–100) and the exact percentage, or null without a target. */
export function progress(cumulative: number, target: number | null): { bar: number; percent: number } | null {
  if (target === null || target <= 0) return null;
  const percent = Math.round((cumulative / target) * 1000) / 10;
  return { bar: Math.min(100, Math.max(0, percent)), percent };
}

/** One row of a disaggregation table. */
export interface ReconciledRow {
  key: string;
  value: number | null;
  unknown: boolean;
}

/** A disaggregation table: rows (unknown last, never dropped), their sum and whether it equals the total. */
export interface Reconciliation {
  rows: ReconciledRow[];
  sum: number;
  suppressed: number;
  reconciles: boolean;
}

/**
 * Orders a dimension's cells (largest first, unknown last) and checks that they add up to the total.
 * Suppressed cells (null, for public-level callers) cannot be added: the table then says how many
 * were hidden instead of claiming a reconciliation it cannot show.
 */
export function reconcile(cells: Record<string, number | null>, total: number): Reconciliation {
  const rows = Object.entries(cells).map(([key, value]) => ({ key, value, unknown: key === UNKNOWN }));
  rows.sort((a, b) => Number(a.unknown) - Number(b.unknown) || (b.value ?? -1) - (a.value ?? -1) || a.key.localeCompare(b.key));
  const sum = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  const suppressed = rows.filter((r) => r.value === null).length;
  return { rows, sum, suppressed, reconciles: suppressed === 0 && sum === total };
}

/** The net change of the signed-off quarters whose records changed since; null when none did. */
export function restatementSummary(restatements: readonly Restatement[]): { periods: string[]; difference: number } | null {
  const changed = restatements.filter((r) => r.difference !== 0);
  if (changed.length === 0) return null;
  return { periods: changed.map((r) => r.period), difference: changed.reduce((s, r) => s + r.difference, 0) };
}

/** A signed difference as the reader expects it: "+3", "−2". */
export function signed(value: number, locale: string): string {
  const n = new Intl.NumberFormat(locale).format(Math.abs(value));
  return value > 0 ? `+${n}` : value < 0 ? `−${n}` : n;
}

/** Indicators grouped by logframe level, levels in order (OS1 … OS5 after the goal). */
export function groupByLevel(items: readonly IndicatorValue[]): { level: string; items: IndicatorValue[] }[] {
  const groups = new Map<string, IndicatorValue[]>();
  for (const item of items) groups.set(item.level, [...(groups.get(item.level) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([level, list]) => ({ level, items: list }));
}

/** The drill-down address of a number: the records behind an indicator over a span. */
export function recordsPath(code: string, from: string, to: string): string {
  return `/results/indicators/${encodeURIComponent(code)}/records?from=${from}&to=${to}`;
}

/** The span of one period code of the table (quarter, month or year), for its drill-down. */
export function periodSpan(code: string): { from: string; to: string } | null {
  const p = parsePeriod(code);
  return p ? { from: p.from, to: p.to } : null;
}
