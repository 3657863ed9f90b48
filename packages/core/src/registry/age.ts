// Age at the date of an event (SPEC §2): whole years, child under 18, and the finer bands.

export const AGE_BANDS = ['0-4', '5-11', '12-17', '18-24', '25-34', '35-44', '45-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type AgeGroup = 'child' | 'adult';

/** Whole years between a birth date and a date, both YYYY-MM-DD (no time zone involved). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** `child` under 18 at that date, else `adult`. */
export function ageGroupOn(dateOfBirth: string, on: string): AgeGroup {
  return ageOn(dateOfBirth, on) < 18 ? 'child' : 'adult';
}

/** The finer age band at that date. */
export function ageBandOn(dateOfBirth: string, on: string): AgeBand {
  const age = ageOn(dateOfBirth, on);
  if (age < 5) return '0-4';
  if (age < 12) return '5-11';
  if (age < 18) return '12-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 60) return '45-59';
  return '60+';
}
