// Day arithmetic on ISO dates for the generators (UTC days, no time zones involved).

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** The ISO date of a day number. */
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The ISO date `days` after `iso`. */
export const addDays = (iso: string, days: number): string => isoOf(dayOf(iso) + days);

/** The first day of a month (0-based month) and the number of days in it. */
export function monthSpan(year: number, month: number): { first: number; days: number } {
  const first = dayOf(`${year}-${String(month + 1).padStart(2, '0')}-01`);
  const next = month === 11 ? dayOf(`${year + 1}-01-01`) : dayOf(`${year}-${String(month + 2).padStart(2, '0')}-01`);
  return { first, days: next - first };
}

/** Whole years between a date of birth and a date. */
export function ageOn(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
