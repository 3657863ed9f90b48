import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traineeKey, validateTrainees } from '@taama/core';
import { generateMobility } from './mobility';

const pcodes = new Set(readFileSync(new URL('../../../reference-data/mali-pcodes.csv', import.meta.url), 'utf8').split(/\r?\n/).map((l) => l.split(',')[0]));

describe('free-movement demo', () => {
  const demo = generateMobility(1);

  it('has about 20 border posts on real P-codes with approximate coordinates, on the main corridors', () => {
    expect(demo.borderPosts.length).toBeGreaterThanOrEqual(20);
    for (const p of demo.borderPosts) {
      expect(pcodes.has(p.pcode), p.name).toBe(true);
      expect(p.lat).not.toBeNull();
    }
    expect(demo.borderPosts.map((p) => p.name)).toEqual(expect.arrayContaining(['Diboli', 'Kourémalé', 'Zégoua', 'Hérémakono', 'Koury', 'Labbezanga', 'Benena']));
  });

  it('has about 15 trainings and 150 trainees from about 40 institutions, at least 120 officials completing', () => {
    expect(demo.trainings).toHaveLength(15);
    const trainees = demo.trainings.flatMap((t) => t.trainees);
    expect(trainees.length).toBeGreaterThan(130);
    expect(trainees.length).toBeLessThan(175);
    expect(demo.institutions.length).toBeGreaterThanOrEqual(35);
    const officials = new Set(trainees.filter((t) => t.completed).map((t) => traineeKey(t.name, t.institutionKey)));
    expect(officials.size).toBeGreaterThanOrEqual(120);
    // Some officials attend twice: counted once.
    expect(officials.size).toBeLessThan(trainees.filter((t) => t.completed).length);
    for (const t of demo.trainings) expect(validateTrainees(t.trainees, t.days, 0.8)).toEqual({});
  });

  it('has equipment handovers and about 150 incidents in 2018–2021, reporters named only when not anonymous', () => {
    expect(demo.equipment.length).toBeGreaterThanOrEqual(15);
    expect(demo.equipment.every((e) => e.quantity >= 1 && e.valueXof >= 0)).toBe(true);
    expect(demo.incidents).toHaveLength(150);
    for (const i of demo.incidents) {
      expect(i.occurredOn >= '2018-01-01' && i.occurredOn <= '2021-12-31').toBe(true);
      expect(Number(i.borderPostKey !== null) + Number(i.place !== null)).toBe(1);
      if (i.reporter.anonymous) expect([i.reporter.name, i.reporter.phone]).toEqual([null, null]);
    }
    expect(new Set(demo.incidents.map((i) => i.corridor)).size).toBeGreaterThanOrEqual(7);
  });

  it('is deterministic for a seed', () => {
    expect(generateMobility(1)).toEqual(demo);
    expect(generateMobility(3).incidents.slice(0, 10)).not.toEqual(demo.incidents.slice(0, 10));
  });
});
