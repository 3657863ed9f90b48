// Reading the span, interval and dimensions of a request: every bad value is a 400 naming its field.
import { checkSpan, DISAGGREGATIONS, parsePeriod, type Disaggregation, type Period, type Span } from '@taama/core';
import { Invalid } from '../../platform/errors';

/** Today's calendar date (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The requested span: `from` defaults to the programme start, `to` to today; checked. */
export function readSpan(query: { from?: string; to?: string }, programmeStart: string): Span {
  const errors = checkSpan(query.from, query.to);
  if (Object.keys(errors).length) throw new Invalid(errors);
  const from = query.from ?? programmeStart;
  const to = query.to ?? today();
  if (from > to) throw new Invalid(query.to === undefined ? { from: 'must not be after today (the default of to)' } : { to: 'must not be before from' });
  return { from, to };
}

/** The requested dimensions from `by=sex,ageGroup,…`; an unknown one is a 400. */
export function readDimensions(by: string | undefined): Disaggregation[] {
  if (by === undefined || by.trim() === '') return [];
  const out: Disaggregation[] = [];
  for (const raw of by.split(',')) {
    const name = raw.trim();
    const known = DISAGGREGATIONS.find((d) => d === name);
    if (!known) throw new Invalid({ by: `must be a comma-separated list of ${DISAGGREGATIONS.join(', ')} (got “${name}”)` });
    if (!out.includes(known)) out.push(known);
  }
  return out;
}

/** A quarter code like 2025Q1, or a 400 naming the field. */
export function readQuarter(code: string, field = 'period'): Period {
  const period = /^\d{4}Q[1-4]$/.test(code) ? parsePeriod(code) : null;
  if (!period) throw new Invalid({ [field]: 'must be a quarter like 2025Q1' });
  return period;
}
