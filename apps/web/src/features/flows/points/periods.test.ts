// Active periods of a monitoring point: open-ended periods, and the checks of the point form.
import { describe, expect, it } from 'vitest';
import { activeNow, periodErrors } from './periods';

describe('active periods', () => {
  it('is active while a started period has no end or has not ended', () => {
    expect(activeNow([{ from: '2016-07-01', to: null }], '2025-01-01')).toBe(true);
    expect(activeNow([{ from: '2016-07-01', to: '2020-12-31' }], '2025-01-01')).toBe(false);
    expect(activeNow([{ from: '2016-07-01', to: '2020-12-31' }, { from: '2024-01-01', to: null }], '2025-01-01')).toBe(true);
    expect(activeNow([{ from: '2026-01-01', to: null }], '2025-01-01')).toBe(false);
  });

  it('flags a missing start, an end before its start, and overlapping periods', () => {
    expect(periodErrors([{ from: '2016-07-01', to: '2018-12-31' }, { from: '2019-01-01', to: null }])).toEqual([undefined, undefined]);
    expect(periodErrors([{ from: '', to: null }])).toEqual(['required']);
    expect(periodErrors([{ from: '2020-01-01', to: '2019-01-01' }])).toEqual(['endBeforeStart']);
    // An open period followed by another one overlaps it.
    expect(periodErrors([{ from: '2016-07-01', to: null }, { from: '2019-01-01', to: null }])).toEqual([undefined, 'overlap']);
    expect(periodErrors([{ from: '2019-01-01', to: '2019-12-31' }, { from: '2019-06-01', to: '2020-06-01' }])).toEqual([undefined, 'overlap']);
  });
});
