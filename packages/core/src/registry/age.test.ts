import { describe, expect, it } from 'vitest';
import { ageBandOn, ageGroupOn, ageOn } from './age';

describe('age at a date', () => {
  it.each([
    ['2007-06-15', '2025-06-14', 17, 'child', '12-17'],
    ['2007-06-15', '2025-06-15', 18, 'adult', '18-24'],
    ['2008-02-29', '2025-02-28', 16, 'child', '12-17'],
    ['1960-01-01', '2020-01-01', 60, 'adult', '60+'],
    ['2021-12-31', '2025-01-01', 3, 'child', '0-4'],
  ] as const)('born %s, on %s: %i years', (dob, on, age, group, band) => {
    expect(ageOn(dob, on)).toBe(age);
    expect(ageGroupOn(dob, on)).toBe(group);
    expect(ageBandOn(dob, on)).toBe(band);
  });
});
