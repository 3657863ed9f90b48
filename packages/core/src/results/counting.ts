// The counting rule of SPEC §11, as a pure reference implementation. The server computes the same
// numbers in SQL; its tests compare both on the same records.
//
// - `distinct`: a subject (a person, an institution…) counts once per indicator over any span: the
//   value of a span is the number of subjects whose FIRST qualifying event in the programme falls in
//   it, so the periods of a span add up exactly to the span's value, and spans to the cumulative one.
//   Disaggregations use the attributes of that first event (age group at its date).
// - `sum`: every qualifying event in the span adds its amount (people reached, items handed over,
//   events held — an event that counts itself has amount 1).
import { ageGroupOn } from '../registry/age';
import { inSpan, periodsBetween, type Interval, type Span } from './periods';

export const DISAGGREGATIONS = ['sex', 'ageGroup', 'nationality', 'region', 'partner', 'site'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];
export type CountingKind = 'distinct' | 'sum';

/** The key under which records without a value are shown: unknowns are never dropped. */
export const UNKNOWN = 'unknown';

export interface QualifyingEvent {
  /** What is counted once for `distinct` (a survivor person id after merges); a record id for `sum`. */
  subject: string;
  date: string;
  /** For `sum`; defaults to 1. */
  amount?: number;
  /** Sex, nationality, region, partner, site of the event; the age group is derived from `dateOfBirth`. */
  attributes?: Partial<Record<Exclude<Disaggregation, 'ageGroup'>, string | null>> & { ageGroup?: string | null };
  dateOfBirth?: string | null;
}

export interface IndicatorValues {
  value: number;
  cumulative: number;
  periods: { period: string; value: number }[];
  disaggregations: Partial<Record<Disaggregation, Record<string, number>>>;
}

export interface CountingOptions {
  kind: CountingKind;
  span: Span;
  /** The first day of the programme: the start of the cumulative value. */
  programmeStart: string;
  interval: Interval;
  by: readonly Disaggregation[];
}

/** The disaggregation key of an event for one dimension. */
export function dimensionKey(event: QualifyingEvent, dimension: Disaggregation): string {
  if (dimension === 'ageGroup') {
    if (event.attributes?.ageGroup) return event.attributes.ageGroup;
    return event.dateOfBirth ? ageGroupOn(event.dateOfBirth, event.date) : UNKNOWN;
  }
  return event.attributes?.[dimension] ?? UNKNOWN;
}

/** For each subject, its first qualifying event in the programme (ties broken by input order). */
export function firstEvents(events: readonly QualifyingEvent[], programmeStart: string): QualifyingEvent[] {
  const first = new Map<string, QualifyingEvent>();
  for (const event of events) {
    if (event.date < programmeStart) continue;
    const known = first.get(event.subject);
    if (!known || event.date < known.date) first.set(event.subject, event);
  }
  return [...first.values()];
}

/** Computes an indicator's value, cumulative value, per-period values and disaggregations. */
export function computeIndicator(events: readonly QualifyingEvent[], options: CountingOptions): IndicatorValues {
  const { kind, span, programmeStart, interval, by } = options;
  const counted = kind === 'distinct' ? firstEvents(events, programmeStart) : events.filter((e) => e.date >= programmeStart);
  const amount = (e: QualifyingEvent) => (kind === 'distinct' ? 1 : (e.amount ?? 1));
  const total = (list: readonly QualifyingEvent[]) => list.reduce((sum, e) => sum + amount(e), 0);

  const inRange = counted.filter((e) => inSpan(e.date, span));
  const cumulative = total(counted.filter((e) => e.date <= span.to));
  const periods = periodsBetween(span, interval).map((p) => ({ period: p.code, value: total(inRange.filter((e) => inSpan(e.date, p))) }));
  const disaggregations: IndicatorValues['disaggregations'] = {};
  for (const dimension of by) {
    const table: Record<string, number> = {};
    for (const e of inRange) {
      const key = dimensionKey(e, dimension);
      table[key] = (table[key] ?? 0) + amount(e);
    }
    disaggregations[dimension] = table;
  }
  return { value: total(inRange), cumulative, periods, disaggregations };
}

/** Tells whether every disaggregation table of a value sums to its total (SPEC §11: they must). */
export function reconciles(values: IndicatorValues): boolean {
  return Object.values(values.disaggregations).every((table) => Object.values(table).reduce((a, b) => a + b, 0) === values.value);
}
