// Budget, apportionment, the case workflow and the spot-check sample, table-driven.
import { describe, expect, it } from 'vitest';
import { apportion, checkCeiling, instalmentFits } from './budget';
import { allowedReintegrationTransitions, typeBelongsTo } from './codes';
import { drawSample, sampleSize } from './sample';

describe('apportion', () => {
  it.each([
    ['equal split, remainder to the first', 1000, [undefined, undefined, undefined], [334, 333, 333]],
    ['equal split exact', 900_000, [null, null], [450_000, 450_000]],
    ['by shares', 1_000_000, [50, 30, 20], [500_000, 300_000, 200_000]],
    ['by shares with rounding', 1001, [33.33, 33.33, 33.34], [335, 333, 333]],
    ['within the tolerance', 100, [50, 49.995], [51, 49]],
  ])('%s', (_name, budget, shares, amounts) => {
    const result = apportion(budget, shares);
    expect(result).toEqual({ ok: true, amounts });
    if (result.ok) expect(result.amounts.reduce((a, b) => a + b, 0)).toBe(budget);
  });
  it.each([
    ['shares not summing to 100', [50, 40], 'shares sum to 90, not 100'],
    ['some shares missing', [50, undefined], 'give a share to every beneficiary or to none (equal split)'],
    ['no beneficiary', [], 'must list at least one beneficiary'],
  ])('refuses %s', (_name, shares, message) => {
    expect(apportion(1000, shares)).toMatchObject({ ok: false, message });
  });
});

describe('checkCeiling', () => {
  it.each([
    ['under', [{ level: 'individual' as const, status: 'planned', plannedXof: 1_000_000 }], 1_968_000, true, 1_000_000],
    ['exactly at', [{ level: 'individual' as const, status: 'planned', plannedXof: 1_968_000 }], 1_968_000, true, 1_968_000],
    ['over', [{ level: 'individual' as const, status: 'planned', plannedXof: 1_500_000 }, { level: 'individual' as const, status: 'approved', plannedXof: 500_000 }], 1_968_000, false, 2_000_000],
    ['cancelled lines do not count', [{ level: 'individual' as const, status: 'cancelled', plannedXof: 3_000_000 }], 1_968_000, true, 0],
    ['a collective line counts its share', [{ level: 'collective' as const, status: 'planned', plannedXof: 9_000_000, apportionedXof: 300_000 }], 1_968_000, true, 300_000],
  ])('%s', (_name, lines, ceiling, ok, planned) => {
    expect(checkCeiling(lines, ceiling)).toMatchObject({ ok, plannedXof: planned, ceilingXof: ceiling, overByXof: Math.max(0, planned - ceiling) });
  });
  it('checks instalments against the planned amount', () => {
    expect(instalmentFits(100, 60, 40)).toBe(true);
    expect(instalmentFits(100, 60, 41)).toBe(false);
  });
});

describe('allowedReintegrationTransitions', () => {
  it.each([
    ['eligible', null, ['suspended', 'withdrawn', 'lost_contact']],
    ['in_progress', null, ['completed', 'suspended', 'withdrawn', 'lost_contact']],
    ['suspended', 'counselled', ['counselled', 'withdrawn', 'lost_contact']],
    ['lost_contact', 'in_progress', ['in_progress', 'suspended', 'withdrawn']],
    ['completed', null, []],
    ['withdrawn', null, []],
  ] as const)('%s (from %s)', (status, previous, allowed) => {
    expect(allowedReintegrationTransitions(status, previous)).toEqual(allowed);
  });
  it('never offers the automatic moves by hand', () => {
    expect(allowedReintegrationTransitions('eligible', null)).not.toContain('counselled');
    expect(allowedReintegrationTransitions('counselled', null)).not.toContain('plan_approved');
    expect(allowedReintegrationTransitions('plan_approved', null)).not.toContain('in_progress');
  });
  it('knows which type belongs to which dimension', () => {
    expect(typeBelongsTo('business_startup', 'economic')).toBe(true);
    expect(typeBelongsTo('business_startup', 'social')).toBe(false);
  });
});

describe('drawSample', () => {
  const ids = Array.from({ length: 95 }, (_, i) => `item-${String(i).padStart(3, '0')}`);
  it('is reproducible whatever the order, and differs with the seed', () => {
    const a = drawSample(ids, 10, 'seed-1');
    expect(a).toHaveLength(10);
    expect(drawSample([...ids].reverse(), 10, 'seed-1')).toEqual(a);
    expect(drawSample(ids, 10, 'seed-2')).not.toEqual(a);
  });
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [95, 10, 10],
    [10, 100, 10],
  ])('%i records at %i %% → %i', (n, percent, size) => {
    expect(sampleSize(n, percent)).toBe(size);
  });
});
