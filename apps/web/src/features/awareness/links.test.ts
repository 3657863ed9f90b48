// Numbers link to filtered lists: the month of a chart point becomes a date range inside the period.
import { describe, expect, it } from 'vitest';
import { activitiesLink, communitiesLink, monthRange, targetShare, within } from './links';
import { activitiesByMonth, coversMonth, monthsBetween } from './campaigns/timeline';

describe('links', () => {
  it('turns a month into its first and last day (leap years included)', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthRange('2025-13')).toBeUndefined();
    expect(monthRange('bad')).toBeUndefined();
  });

  it('keeps a month inside the dashboard period', () => {
    expect(within({ from: '2025-03-01', to: '2025-03-31' }, { from: '2025-03-10' })).toEqual({ from: '2025-03-10', to: '2025-03-31' });
  });

  it('builds list links without empty filters', () => {
    expect(activitiesLink({ from: '2025-01-01', type: 'caravan', regionPcode: undefined })).toBe('/awareness/activities?from=2025-01-01&type=caravan');
    expect(communitiesLink({ reached: 'true' })).toBe('/awareness/communities?reached=true');
  });

  it('gives the share of a target, capped at 100', () => {
    expect(targetShare(17500, 70000)).toBe(25);
    expect(targetShare(250, 200)).toBe(100);
    expect(targetShare(5, 0)).toBe(0);
  });
});

describe('campaign timeline', () => {
  it('lists the months between two dates across a year end', () => {
    expect(monthsBetween('2024-11-15', '2025-02-03')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2024-01-01', '2026-12-31', 3)).toHaveLength(3);
  });

  it('tells which months a campaign covers and counts its activities per month', () => {
    const campaign = { startsOn: '2025-02-20', endsOn: '2025-04-02' };
    expect(['2025-01', '2025-02', '2025-04', '2025-05'].map((m) => coversMonth(campaign, m))).toEqual([false, true, true, false]);
    const counts = activitiesByMonth([
      { campaignId: 'a', date: '2025-03-01' },
      { campaignId: 'a', date: '2025-03-20' },
      { campaignId: 'a', date: '2025-04-01' },
      { campaignId: null, date: '2025-03-01' },
    ]);
    expect(counts.get('a')?.get('2025-03')).toBe(2);
    expect(counts.get('a')?.get('2025-04')).toBe(1);
    expect(counts.size).toBe(1);
  });
});
