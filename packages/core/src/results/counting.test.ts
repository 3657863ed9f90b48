import { describe, expect, it } from 'vitest';
import { computeIndicator, reconciles, type CountingOptions, type QualifyingEvent } from './counting';

const year2025: Omit<CountingOptions, 'kind'> = { span: { from: '2025-01-01', to: '2025-12-31' }, programmeStart: '2024-01-01', interval: 'quarter', by: ['sex', 'ageGroup'] };
const distinct = (span = year2025.span, by = year2025.by): CountingOptions => ({ ...year2025, kind: 'distinct', span, by });
const ev = (subject: string, date: string, extra: Partial<QualifyingEvent> = {}): QualifyingEvent => ({ subject, date, attributes: { sex: 'female' }, dateOfBirth: '1990-05-01', ...extra });

describe('the counting rule (distinct persons, first qualifying event)', () => {
  it('counts a person served in two quarters once, in the first quarter only', () => {
    const v = computeIndicator([ev('p1', '2025-02-10'), ev('p1', '2025-05-03')], distinct());
    expect(v.value).toBe(1);
    expect(v.periods).toEqual([
      { period: '2025Q1', value: 1 },
      { period: '2025Q2', value: 0 },
      { period: '2025Q3', value: 0 },
      { period: '2025Q4', value: 0 },
    ]);
    expect(v.cumulative).toBe(1);
  });

  it('counts nobody in a span when their first event was before it', () => {
    const events = [ev('p1', '2024-11-20'), ev('p1', '2025-05-03'), ev('p2', '2025-05-04')];
    const q2 = computeIndicator(events, distinct({ from: '2025-04-01', to: '2025-06-30' }));
    expect(q2.value).toBe(1);
    expect(q2.cumulative).toBe(2);
  });

  it('lets the quarters of a year add up exactly to the year and to the cumulative value', () => {
    const events = [ev('a', '2025-01-05'), ev('b', '2025-03-31'), ev('b', '2025-04-01'), ev('c', '2025-09-09'), ev('a', '2025-12-31'), ev('d', '2025-12-31')];
    const year = computeIndicator(events, distinct());
    expect(year.periods.reduce((sum, p) => sum + p.value, 0)).toBe(year.value);
    const quarters = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((q, i) => {
      const from = `2025-${String(i * 3 + 1).padStart(2, '0')}-01`;
      const to = ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'][i] as string;
      return computeIndicator(events, distinct({ from, to })).value;
    });
    expect(quarters).toEqual([2, 0, 1, 1]);
    expect(quarters.reduce((a, b) => a + b, 0)).toBe(year.cumulative);
  });

  it('counts a merged duplicate once: both records carry the survivor as subject', () => {
    const events = [ev('survivor', '2025-02-01'), ev('survivor', '2025-02-20', { attributes: { sex: 'male' } })];
    const v = computeIndicator(events, distinct());
    expect(v.value).toBe(1);
    expect(v.disaggregations.sex).toEqual({ female: 1 });
  });

  it('ignores events outside the programme and outside the span', () => {
    const events = [ev('old', '2023-12-31'), ev('late', '2026-01-01'), ev('in', '2025-06-15')];
    const v = computeIndicator(events, distinct());
    expect(v.value).toBe(1);
    expect(v.cumulative).toBe(1);
  });

  it('takes the age group at the date of the first event (a child who turns 18 between events)', () => {
    const events = [ev('p1', '2025-02-01', { dateOfBirth: '2007-03-01' }), ev('p1', '2025-06-01', { dateOfBirth: '2007-03-01' })];
    expect(computeIndicator(events, distinct()).disaggregations.ageGroup).toEqual({ child: 1 });
    const onlyLater = computeIndicator([ev('p2', '2025-06-01', { dateOfBirth: '2007-03-01' })], distinct());
    expect(onlyLater.disaggregations.ageGroup).toEqual({ adult: 1 });
  });

  it('shows unknowns instead of dropping them, so every table reconciles to the total', () => {
    const events = [ev('a', '2025-01-02'), ev('b', '2025-01-03', { attributes: { sex: null }, dateOfBirth: null }), ev('c', '2025-01-04', { attributes: {} })];
    const v = computeIndicator(events, distinct(year2025.span, ['sex', 'ageGroup', 'nationality', 'region']));
    expect(v.disaggregations.sex).toEqual({ female: 1, unknown: 2 });
    expect(v.disaggregations.ageGroup).toEqual({ adult: 2, unknown: 1 });
    expect(v.disaggregations.nationality).toEqual({ unknown: 3 });
    expect(reconciles(v)).toBe(true);
  });
});

describe('sum indicators (people reached, items, events)', () => {
  const sum: CountingOptions = { ...year2025, kind: 'sum', by: ['sex', 'ageGroup'] };
  const cell = (activity: string, date: string, sex: string, ageGroup: string, amount: number): QualifyingEvent => ({ subject: activity, date, amount, attributes: { sex, ageGroup } });

  it('adds every event of the span with its disaggregation cells', () => {
    const events = [cell('act1', '2025-01-10', 'male', 'adult', 30), cell('act1', '2025-01-10', 'female', 'child', 12), cell('act2', '2025-07-01', 'female', 'adult', 8), cell('act0', '2024-12-01', 'male', 'adult', 100)];
    const v = computeIndicator(events, sum);
    expect(v.value).toBe(50);
    expect(v.cumulative).toBe(150);
    expect(v.periods.map((p) => p.value)).toEqual([42, 0, 8, 0]);
    expect(v.disaggregations).toEqual({ sex: { male: 30, female: 20 }, ageGroup: { adult: 38, child: 12 } });
    expect(reconciles(v)).toBe(true);
  });

  it('counts events that count themselves (amount 1)', () => {
    const v = computeIndicator([{ subject: 'a', date: '2025-03-01' }, { subject: 'b', date: '2025-03-02' }], { ...sum, by: [] });
    expect(v.value).toBe(2);
  });
});
