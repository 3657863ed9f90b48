// The dashboard's chart data as plain tables (for the charts, their CSV and their table view).
import type { ChartTable } from '../../../components/charts/csv';
import { REINTEGRATION_STATUSES, type ReintegrationDashboard, type ReintegrationStatus } from '../types';

/** The funnel in workflow order, every status present (0 when the server left it out). */
export function funnelRows(funnel: ReintegrationDashboard['funnel']): { status: ReintegrationStatus; count: number }[] {
  const counts = new Map(funnel.map((f) => [f.status, f.count]));
  return REINTEGRATION_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

/** The labels of the ten score bins: "0.0–0.1" … "0.9–1.0". */
export function binLabels(): string[] {
  return Array.from({ length: 10 }, (_, i) => `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`);
}

/** A histogram's table: one row per bin with each score's count. */
export function histogramTable(header: readonly string[], series: readonly (readonly number[])[]): ChartTable {
  return { header, rows: binLabels().map((label, i) => [label, ...series.map((s) => s[i] ?? 0)]) };
}
