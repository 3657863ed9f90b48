import { describe, expect, it } from 'vitest';
import { isCounted, participantKey, uniqueReach, validateListAgainstReach, validateReach } from '@taama/core';
import { generateAwareness, maliCommunes } from './awareness';

describe('awareness demo', () => {
  const demo = generateAwareness(1);
  const communes = new Set([...maliCommunes().values()].flat().map((c) => c.pcode));

  it('has about 200 communities in real Mali communes, weighted to the high-emigration regions', () => {
    expect(demo.communities).toHaveLength(200);
    expect(demo.communities.every((c) => communes.has(c.communePcode))).toBe(true);
    const kayes = demo.communities.filter((c) => c.communePcode.startsWith('ML01')).length;
    expect(kayes).toBeGreaterThan(50);
    expect(new Set(demo.communities.map((c) => c.name)).size).toBe(200);
  });

  it('has 5 campaigns and about 300 valid activities in 2018–2021, every community reached', () => {
    expect(demo.campaigns).toHaveLength(5);
    expect(demo.activities).toHaveLength(300);
    for (const a of demo.activities) {
      expect(a.date >= '2018-01-01' && a.date <= '2021-12-31').toBe(true);
      expect(validateReach(a.type, a.reached)).toEqual({});
      expect(Number(a.communityKey !== null) + Number(a.routeLocation !== null)).toBe(1);
      if (a.participants) expect(validateListAgainstReach(a.reached, a.participants)).toEqual({});
    }
    const reached = new Set(demo.activities.filter((a) => isCounted(a.reached)).map((a) => a.communityKey));
    expect(reached.size).toBe(200);
  });

  it('reaches about 70,000 people counted, with mass-media estimates apart and repeat attendees on named lists', () => {
    const listed = demo.activities.filter((a) => a.participants);
    expect(listed.length).toBeGreaterThanOrEqual(24);
    const unique = uniqueReach(
      demo.activities.map((a) => ({
        reach: a.reached,
        participants: a.participants?.map((p) => ({ ...p, key: participantKey(p.name, p.sex, a.communityKey ?? '') })) ?? null,
      })),
    );
    expect(unique.total).toBeGreaterThan(65_000);
    expect(unique.total).toBeLessThan(75_000);
    expect(unique.estimatedAudience).toBeGreaterThan(100_000);
    const attendances = listed.reduce((n, a) => n + (a.participants?.length ?? 0), 0);
    const people = new Set(listed.flatMap((a) => (a.participants ?? []).map((p) => participantKey(p.name, p.sex, a.communityKey ?? '')))).size;
    expect(people).toBeLessThan(attendances);
  });

  it('has before and after surveys in 30 communities, after scoring higher on average', () => {
    expect(new Set(demo.surveys.map((s) => s.communityKey)).size).toBe(30);
    expect(demo.surveys.filter((s) => s.phase === 'before')).toHaveLength(30);
    const before = demo.surveys.filter((s) => s.phase === 'before').every((s, i) => s.surveyedOn < (demo.surveys.filter((x) => x.phase === 'after')[i]?.surveyedOn ?? ''));
    expect(before).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateAwareness(1)).toEqual(demo);
    expect(generateAwareness(2).activities.slice(0, 20)).not.toEqual(demo.activities.slice(0, 20));
  });

  it('scales', () => {
    const big = generateAwareness(1, 2);
    expect(big.communities).toHaveLength(400);
    expect(big.activities).toHaveLength(600);
  });
});
