// Active periods of a flow monitoring point: [{from, to|null}], open-ended while `to` is null.
import type { TFunction } from 'i18next';

/** One active period. */
export interface ActivePeriod {
  from: string;
  to?: string | null;
}

/** Whether the point is active today (some period has started and not ended). */
export function activeNow(periods: readonly ActivePeriod[], today = new Date().toISOString().slice(0, 10)): boolean {
  return periods.some((p) => p.from <= today && (!p.to || p.to >= today));
}

/** The periods as short text: "2016-07 → …; 2018-01 → 2019-12". */
export function periodsText(t: TFunction, periods: readonly ActivePeriod[]): string {
  if (periods.length === 0) return t('flows:points.noPeriods');
  return periods.map((p) => `${p.from} → ${p.to ?? t('flows:points.open')}`).join(' ; ');
}

/** What is wrong with a list of periods: a period ending before it starts, or two overlapping. */
export function periodErrors(periods: readonly ActivePeriod[]): (string | undefined)[] {
  const errors: (string | undefined)[] = periods.map((p) => (!p.from ? 'required' : p.to && p.to < p.from ? 'endBeforeStart' : undefined));
  const sorted = periods.map((p, i) => ({ ...p, i })).filter((p) => p.from).sort((a, b) => a.from.localeCompare(b.from));
  for (let k = 1; k < sorted.length; k += 1) {
    const previous = sorted[k - 1];
    const current = sorted[k];
    if (previous && current && (!previous.to || previous.to >= current.from)) errors[current.i] ??= 'overlap';
  }
  return errors;
}
