// What each dashboard chart draws and the table behind it (for the CSV download and the table view),
// built from the statistics the API returns. Pure functions: tested without a browser canvas.
import type { ChartTable } from '../../../components/charts/csv';

/** Labels the builders need, in the interface language. */
export interface Labels {
  direction: (code: string) => string;
  country: (iso3: string) => string;
}

/** The trend chart: one series per direction over the periods, and its table (a row per period). */
export function trendData(items: readonly { period: string; direction: string; total: number }[], periodLabel: string, labels: Labels) {
  const periods = [...new Set(items.map((i) => i.period))].sort();
  const directions = [...new Set(items.map((i) => i.direction))];
  const value = new Map(items.map((i) => [`${i.period}|${i.direction}`, i.total]));
  const table: ChartTable = {
    header: [periodLabel, ...directions.map(labels.direction)],
    rows: periods.map((p) => [p, ...directions.map((d) => value.get(`${p}|${d}`) ?? 0)]),
  };
  return { periods, directions, series: directions.map((d) => ({ direction: d, values: periods.map((p) => value.get(`${p}|${d}`) ?? 0) })), table };
}

/** The Sankey of origin → destination countries: distinct nodes on each side, links by volume. */
export function sankeyData(items: readonly { origin: string; destination: string; total: number }[], header: { origin: string; destination: string; total: string }, labels: Labels) {
  const kept = items.filter((i) => i.total > 0);
  // The same country may be both an origin and a destination: a side mark keeps the graph acyclic.
  const from = (iso3: string) => `${labels.country(iso3)} ›`;
  const to = (iso3: string) => `› ${labels.country(iso3)}`;
  const nodes = [...new Set([...kept.map((i) => from(i.origin)), ...kept.map((i) => to(i.destination))])].map((name) => ({ name }));
  const links = kept.map((i) => ({ source: from(i.origin), target: to(i.destination), value: i.total, origin: i.origin, destination: i.destination }));
  const sorted = [...kept].sort((a, b) => b.total - a.total);
  const table: ChartTable = {
    header: [header.origin, header.destination, header.total],
    rows: sorted.map((i) => [`${labels.country(i.origin)} (${i.origin})`, `${labels.country(i.destination)} (${i.destination})`, i.total]),
  };
  return { nodes, links, table, sorted };
}

/** A share in percent with one decimal, or null when the base is zero. */
export function share(part: number, total: number): number | null {
  return total > 0 ? Math.round((part / total) * 1000) / 10 : null;
}

/** Rows of (label, count, share of the total), largest first or in the given order. */
export function shareTable(entries: readonly { label: string; count: number }[], total: number, header: readonly [string, string, string]): ChartTable {
  return { header, rows: entries.map((e) => [e.label, e.count, share(e.count, total)]) };
}

/** The top `limit` entries, the rest summed under `otherLabel`. */
export function topWithOther(entries: readonly { key: string; count: number }[], limit: number, otherLabel: string): { key: string; label?: string; count: number }[] {
  const sorted = [...entries].sort((a, b) => b.count - a.count);
  const top = sorted.slice(0, limit);
  const rest = sorted.slice(limit).reduce((sum, e) => sum + e.count, 0);
  return rest > 0 ? [...top, { key: '', label: otherLabel, count: rest }] : top;
}

/** The reasons table: one row per group, a column per reason with its percent (null when hidden). */
export function reasonsTable(
  items: readonly { group: string; n: number; reasons: readonly { reason: string; count: number | null; percent: number | null }[] }[],
  header: { group: string; n: string },
  reasonLabel: (code: string) => string,
  groupLabel: (group: string) => string,
) {
  const reasons = [...new Set(items.flatMap((i) => i.reasons.map((r) => r.reason)))];
  const table: ChartTable = {
    header: [header.group, header.n, ...reasons.map((r) => `${reasonLabel(r)} (%)`)],
    rows: items.map((i) => [groupLabel(i.group), i.n, ...reasons.map((r) => i.reasons.find((x) => x.reason === r)?.percent ?? null)]),
  };
  return { reasons, table };
}
