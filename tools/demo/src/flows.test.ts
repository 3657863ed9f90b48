import { describe, expect, it } from 'vitest';
import { checkCountFigures, validateFlowSurvey } from '@taama/core';
import { generateFlows, streamFlowCounts } from './flows';

describe('flows demo', () => {
  const demo = generateFlows(1);

  it('has about 40,000 counts over the 13 Mali points in 2018–2021 and about 3,000 surveys', () => {
    expect(demo.counts.length).toBeGreaterThan(36_000);
    expect(demo.counts.length).toBeLessThan(44_000);
    expect(new Set(demo.counts.map((c) => c.fmpId)).size).toBe(13);
    expect(demo.counts.every((c) => c.date >= '2018-01-01' && c.date <= '2021-12-31')).toBe(true);
    expect(demo.surveys).toHaveLength(3000);
  });

  it('streams the same counts lazily for the benchmarks: same rows, same order', () => {
    let n = 0;
    const head = [];
    for (const c of streamFlowCounts(1)) if (n++ < 500) head.push(c);
    expect(n).toBe(demo.counts.length);
    expect(head).toEqual(demo.counts.slice(0, 500));
  }, 30_000);

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateFlows(1);
    expect(again.counts.slice(0, 50)).toEqual(demo.counts.slice(0, 50));
    expect(again.surveys.slice(-20)).toEqual(demo.surveys.slice(-20));
    expect(generateFlows(2).counts.slice(0, 50)).not.toEqual(demo.counts.slice(0, 50));
  });

  it('every count and survey passes the rules of core', () => {
    for (const c of demo.counts) expect(checkCountFigures(c), JSON.stringify(c)).toEqual([]);
    const ctx = { today: '2026-01-01', point: { activePeriods: [{ from: '2016-07-01', to: null }] } };
    for (const s of demo.surveys) expect(validateFlowSurvey(s, ctx), JSON.stringify(s)).toEqual([]);
  });

  it('follows the parameters: Heremakono mostly Burkina Faso ↔ Mali, mostly adult men, mostly validated', () => {
    const heremakono = demo.counts.filter((c) => c.fmpId === 'ML-FMP-01');
    const bfa = heremakono.filter((c) => c.originCountry === 'BFA' || c.finalDestinationCountry === 'BFA').length;
    expect(bfa / heremakono.length).toBeGreaterThan(0.8);
    const total = demo.counts.reduce((s, c) => s + c.total, 0);
    const men = demo.counts.reduce((s, c) => s + c.men, 0);
    expect(men / total).toBeGreaterThan(0.75);
    expect(demo.counts.filter((c) => c.status === 'validated').length / demo.counts.length).toBeGreaterThan(0.9);
    expect(demo.surveys.filter((s) => s.consent && s.reasons?.includes('economic')).length / demo.surveys.length).toBeGreaterThan(0.6);
  });
});
