// Reporting periods (SPEC §11): quarters like `2025Q1`, months, years and custom spans, as
// inclusive date ranges. Dates are calendar dates (YYYY-MM-DD); no time zone is involved.

export interface Span {
  from: string;
  to: string;
}

export interface Period extends Span {
  /** `2025Q1`, `2025-03`, `2025`, or `from..to` for a custom span. */
  code: string;
}

export type Interval = 'quarter' | 'month' | 'year';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Tells whether a string is a real calendar date in the YYYY-MM-DD form. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;

/** Parses `2025Q1`, `2025-03` or `2025` into its date range; null when it is none of them. */
export function parsePeriod(code: string): Period | null {
  let m = /^(\d{4})Q([1-4])$/.exec(code);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { code, from: `${y}-${pad(q * 3 - 2)}-01`, to: monthEnd(y, q * 3) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(code);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? { code, from: `${y}-${pad(mo)}-01`, to: monthEnd(y, mo) } : null;
  }
  m = /^(\d{4})$/.exec(code);
  if (m) return { code, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  return null;
}

/** The period code of an interval that contains a date. */
export function periodOf(date: string, interval: Interval): string {
  const y = date.slice(0, 4);
  const mo = Number(date.slice(5, 7));
  if (interval === 'year') return y;
  if (interval === 'month') return date.slice(0, 7);
  return `${y}Q${Math.ceil(mo / 3)}`;
}

/** Every period of an interval overlapping a span, in order, clipped to the span. */
export function periodsBetween(span: Span, interval: Interval): Period[] {
  const out: Period[] = [];
  let cursor = span.from;
  while (cursor <= span.to) {
    const full = parsePeriod(periodOf(cursor, interval));
    if (!full) throw new Error(`no period for ${cursor}`);
    out.push({ code: full.code, from: cursor, to: full.to < span.to ? full.to : span.to });
    cursor = nextDay(full.to);
  }
  return out;
}

/** The calendar day after a date. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Checks a requested span: both dates real, `from` not after `to`; returns field errors. */
export function checkSpan(from: string | undefined, to: string | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  if (from !== undefined && !isCalendarDate(from)) errors.from = 'must be a calendar date YYYY-MM-DD';
  if (to !== undefined && !isCalendarDate(to)) errors.to = 'must be a calendar date YYYY-MM-DD';
  if (from && to && !errors.from && !errors.to && from > to) errors.to = 'must not be before from';
  return errors;
}

/** Tells whether a date lies inside a span (both ends included). */
export function inSpan(date: string, span: Span): boolean {
  return date >= span.from && date <= span.to;
}
