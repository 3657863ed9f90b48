// Links from a number to the records behind it: the counts list with the filters that produced it.

/** The filters the counts list reads from its URL. */
export interface CountFilters {
  from?: string;
  to?: string;
  fmpId?: string;
  direction?: string;
  status?: string;
  q?: string;
}

/** The counts list filtered as given (empty values left out). */
export function countsLink(filters: CountFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return `/flows/counts${search ? `?${search}` : ''}`;
}

/** The value if it is one of the codes, else undefined (URL filters arrive as any text). */
export function codeOf<T extends string>(codes: readonly T[], value: string | null | undefined): T | undefined {
  return codes.find((code) => code === value);
}

/** How a trend groups days. */
export type Interval = 'day' | 'week' | 'month';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of ISO week `week` of `year`. */
function isoWeekStart(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const dayOfWeek = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - dayOfWeek + (week - 1) * 7);
  return monday.toISOString().slice(0, 10);
}

/**
 * The first and last day of a trend period. Periods arrive as `YYYY-MM-DD` (a day, or the first day
 * of a week), `YYYY-MM` (a month) or `YYYY-Www` (an ISO week); anything else gives no range.
 */
export function periodRange(period: string, interval: Interval): { from: string; to: string } | undefined {
  let match = /^(\d{4})-W(\d{2})$/.exec(period);
  if (match) {
    const from = isoWeekStart(Number(match[1]), Number(match[2]));
    return { from, to: addDays(from, 6) };
  }
  match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match) {
    const from = `${period}-01`;
    const next = new Date(Date.UTC(Number(match[1]), Number(match[2]), 1));
    return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
  }
  match = /^(\d{4}-\d{2}-\d{2})/.exec(period);
  if (match?.[1]) {
    const day = match[1];
    if (interval === 'day') return { from: day, to: day };
    if (interval === 'week') return { from: day, to: addDays(day, 6) };
    const [year, month] = day.split('-').map(Number);
    const next = new Date(Date.UTC(year ?? 1970, month ?? 1, 1));
    return { from: `${day.slice(0, 7)}-01`, to: addDays(next.toISOString().slice(0, 10), -1) };
  }
  return undefined;
}

/** The narrower of two date ranges (a period inside the dashboard's own filter). */
export function intersect(range: { from: string; to: string }, filter: { from?: string; to?: string }): { from: string; to: string } {
  const from = filter.from && filter.from > range.from ? filter.from : range.from;
  const to = filter.to && filter.to < range.to ? filter.to : range.to;
  return { from, to };
}
