import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { generateDemo } from './index';
import { DEFAULT_ROLES } from '@taama/core';

describe('createRng', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });
  it('keeps int() within bounds and follows weights', () => {
    const rng = createRng(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      counts[rng.weighted({ a: 3, b: 1 })]++;
    }
    expect(counts.a / 10_000).toBeGreaterThan(0.72);
    expect(counts.a / 10_000).toBeLessThan(0.78);
  });
});

describe('generateDemo', () => {
  const demo = generateDemo({ seed: 1, scale: 1 });
  it('has one user per role of SPEC §1 with the documented usernames', () => {
    expect(demo.users.map((u) => u.username)).toEqual([
      'admin', 'caseworker.gao', 'caseworker.bamako', 'return.officer', 'reintegration.kayes', 'reintegration.supervisor', 'protection.officer',
      'awareness.officer', 'data.officer', 'me.officer', 'gov.partner', 'donor',
    ]);
    const roleCodes = new Set(DEFAULT_ROLES.map((r) => r.code));
    for (const user of demo.users) for (const role of user.roles) expect(roleCodes.has(role)).toBe(true);
    expect(new Set(demo.users.flatMap((u) => u.roles))).toEqual(roleCodes);
  });
  it('places users in existing organisations and sites', () => {
    const orgs = new Set(demo.organisations.map((o) => o.code));
    const sites = new Set(demo.sites.map((s) => s.code));
    for (const user of demo.users) {
      expect(orgs.has(user.organisation)).toBe(true);
      if (user.site) expect(sites.has(user.site)).toBe(true);
    }
  });
});
