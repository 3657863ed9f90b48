import { describe, expect, it } from 'vitest';
import { checkSpan, isCalendarDate, nextDay, parsePeriod, periodOf, periodsBetween } from './periods';

describe('periods', () => {
  it.each([
    ['2025Q1', '2025-01-01', '2025-03-31'],
    ['2024Q1', '2024-01-01', '2024-03-31'],
    ['2025Q4', '2025-10-01', '2025-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2021', '2021-01-01', '2021-12-31'],
  ])('%s spans %s..%s', (code, from, to) => {
    expect(parsePeriod(code)).toEqual({ code, from, to });
  });

  it.each(['2025Q5', '2025Q0', '2025-13', '25Q1', '2025-1', 'Q1 2025', ''])('%s is not a period', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });

  it('names the period of a date', () => {
    expect(periodOf('2025-03-31', 'quarter')).toBe('2025Q1');
    expect(periodOf('2025-04-01', 'quarter')).toBe('2025Q2');
    expect(periodOf('2025-04-01', 'month')).toBe('2025-04');
    expect(periodOf('2025-04-01', 'year')).toBe('2025');
  });

  it('cuts a span into periods clipped at both ends', () => {
    expect(periodsBetween({ from: '2025-02-15', to: '2025-07-10' }, 'quarter')).toEqual([
      { code: '2025Q1', from: '2025-02-15', to: '2025-03-31' },
      { code: '2025Q2', from: '2025-04-01', to: '2025-06-30' },
      { code: '2025Q3', from: '2025-07-01', to: '2025-07-10' },
    ]);
    expect(periodsBetween({ from: '2024-12-31', to: '2025-01-01' }, 'month').map((p) => p.code)).toEqual(['2024-12', '2025-01']);
  });

  it('validates requested spans', () => {
    expect(checkSpan('2025-01-01', '2025-03-31')).toEqual({});
    expect(checkSpan('2025-04-01', '2025-03-31')).toEqual({ to: 'must not be before from' });
    expect(checkSpan('2025-02-30', undefined)).toEqual({ from: 'must be a calendar date YYYY-MM-DD' });
    expect(checkSpan(undefined, '31/03/2025')).toEqual({ to: 'must be a calendar date YYYY-MM-DD' });
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });
});
