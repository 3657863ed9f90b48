import { describe, expect, it } from 'vitest';
import { DEFAULT_DUPLICATE_RULES, derivePriority, duplicateScore } from '@taama/core';
import flowParams from '../../../reference-data/mali-flow-demo-params.json' with { type: 'json' };
import { DuplicateFinder } from './names/duplicate-blocks';
import { DEMO_PERIOD, asMatching, generatePeople, type DemoPerson, type DemoTransitCase } from './people';
import { DEMO_SITES } from './platform';
import { generateDemo } from './index';

function load(seed: number, scale = 1) {
  const batches = [...generatePeople({ seed, scale })];
  const people = batches.flatMap((b) => b.people);
  const groups = batches.flatMap((b) => b.groups);
  const cases = people.flatMap((p) => (p.transitCase ? [{ person: p, c: p.transitCase }] : []));
  return { batches, people, groups, cases, byCase: new Map(people.map((p) => [p.caseNumber, p])) };
}
const seeds = [1, 2, 3];
const demos = new Map(seeds.map((seed) => [seed, load(seed)]));
const demo = (seed: number) => demos.get(seed) ?? load(seed);
const share = (n: number, total: number) => n / total;

/** Every date of a case that records something done (due and expiry dates are plans, not events). */
function eventDates(p: DemoPerson, c: DemoTransitCase | null): string[] {
  const dates = [p.registeredOn, ...p.consents.flatMap((k) => [k.givenOn, k.withdrawnOn ?? p.registeredOn])];
  if (!c) return dates;
  return [
    ...dates,
    c.openedOn,
    c.closedOn ?? c.openedOn,
    ...c.stays.flatMap((s) => [s.checkIn, s.checkOut ?? s.checkIn]),
    ...c.screenings.map((s) => s.screenedOn),
    ...c.services.map((s) => s.date),
    ...c.referrals.flatMap((r) => [r.referredOn, r.respondedOn ?? r.referredOn]),
    ...c.tasks.flatMap((t) => [t.createdOn, t.completedOn ?? t.createdOn, t.approvedOn ?? t.createdOn]),
    ...c.notes.map((n) => n.on),
  ];
}

describe('generatePeople', () => {
  it('is deterministic for a seed and differs for another', () => {
    const again = load(1);
    expect(again.people).toEqual(demo(1).people);
    expect(again.groups).toEqual(demo(1).groups);
    expect(demo(2).people.slice(0, 50)).not.toEqual(demo(1).people.slice(0, 50));
  });

  it('reaches the demo through generateDemo, lazily and in batches of the asked size', () => {
    const lazy = generateDemo({ seed: 1, scale: 1 }).people;
    const batches = [...lazy.batches(300)];
    expect(batches.length).toBeGreaterThan(4);
    for (const b of batches.slice(0, -1)) expect(b.people.length).toBeGreaterThanOrEqual(300);
    expect(batches.flatMap((b) => b.people)).toEqual(demo(1).people);
    expect(lazy.period).toEqual(DEMO_PERIOD);
  });

  it.each(seeds)('seed %i: about 2,000 people at scale 1 and twice as many at scale 2', (seed) => {
    expect(demo(seed).people.length).toBeGreaterThan(1900);
    expect(demo(seed).people.length).toBeLessThan(2100);
    if (seed === 1) expect(load(seed, 2).people.length / demo(seed).people.length).toBeCloseTo(2, 0);
  });

  it.each(seeds)('seed %i: about 5 %% near-duplicates, each scoring at or above the threshold and found by the blocks', (seed) => {
    const { people, byCase } = demo(seed);
    const planted = people.filter((p) => p.duplicateOf !== null);
    expect(share(planted.length, people.length)).toBeGreaterThan(0.04);
    expect(share(planted.length, people.length)).toBeLessThan(0.065);
    const finder = new DuplicateFinder(DEFAULT_DUPLICATE_RULES);
    for (const p of people) finder.add(p.caseNumber, asMatching(p));
    const found = new Set(finder.pairs.map((pair) => `${pair.firstId}|${pair.secondId}`));
    for (const dup of planted) {
      const original = byCase.get(dup.duplicateOf ?? '');
      if (!original) throw new Error(`${dup.caseNumber} repeats an unknown record`);
      expect(dup.registeredOn > original.registeredOn).toBe(true);
      expect(duplicateScore(asMatching(original), asMatching(dup)).score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_RULES.candidateThreshold);
      const key = original.caseNumber < dup.caseNumber ? `${original.caseNumber}|${dup.caseNumber}` : `${dup.caseNumber}|${original.caseNumber}`;
      expect(found.has(key), `${original.givenName} ${original.familyName} / ${dup.givenName} ${dup.familyName}`).toBe(true);
    }
    // The blocks compare a few pairs per person, not all pairs.
    expect(finder.comparisons).toBeLessThan(people.length * 10);
  });

  it('plants the variants of SPEC §4', () => {
    const kinds = new Set<string>();
    for (const { people, byCase } of seeds.map(demo)) for (const dup of people.filter((p) => p.duplicateOf)) {
      const o = byCase.get(dup.duplicateOf ?? '');
      if (!o) continue;
      if (dup.givenName === o.familyName && dup.familyName === o.givenName) kinds.add('swapped');
      if (dup.dobPrecision === 'year' && o.dobPrecision === 'exact') kinds.add('year_only');
      if (dup.givenName.replace(/ /g, '') === o.givenName.replace(/ /g, '') && dup.givenName !== o.givenName) kinds.add('compound');
      if (dup.familyName !== o.familyName && dup.familyName === o.familyName.normalize('NFD').replace(/\p{M}/gu, '')) kinds.add('accents');
      if (dup.givenName !== o.givenName && dup.givenName !== o.familyName && dup.givenName.replace(/ /g, '') !== o.givenName.replace(/ /g, '')) kinds.add('transliteration');
    }
    expect([...kinds].sort()).toEqual(['accents', 'compound', 'swapped', 'transliteration', 'year_only']);
  });

  it.each(seeds)('seed %i: case numbers are unique and run without gaps in each series', (seed) => {
    const { people, cases } = demo(seed);
    const numbers = [...people.map((p) => p.caseNumber), ...cases.map(({ c }) => c.caseNumber)];
    expect(new Set(numbers).size).toBe(numbers.length);
    const series = new Map<string, number[]>();
    for (const n of numbers) {
      expect(n).toMatch(/^ML-[A-Z]{3}(-TC)?-20(18|19|20|21)-\d{6}$/);
      const key = n.slice(0, n.lastIndexOf('-'));
      series.set(key, [...(series.get(key) ?? []), Number(n.slice(-6))]);
    }
    for (const values of series.values()) expect(values).toEqual(values.map((_, i) => i + 1));
  });

  it.each(seeds)('seed %i: every external referral goes to an organisation the person consented to share with', (seed) => {
    let external = 0;
    for (const { person, c } of demo(seed).cases) {
      for (const r of c.referrals.filter((x) => x.kind === 'external')) {
        external++;
        const consent = person.consents.find((k) => k.kind === 'data_sharing' && k.organisation === r.to && k.givenOn <= r.referredOn && (k.withdrawnOn === null || k.withdrawnOn > r.referredOn));
        expect(consent, `${c.caseNumber} → ${r.to}`).toBeDefined();
      }
      for (const r of c.referrals.filter((x) => x.kind === 'internal')) expect(r.to).toBe(r.from);
    }
    expect(external).toBeGreaterThan(50);
  });

  it.each(seeds)('seed %i: dates stay in the period and in order (check-out after check-in, closing after opening)', (seed) => {
    for (const { person, c } of demo(seed).cases) {
      for (const date of eventDates(person, c)) {
        expect(date >= DEMO_PERIOD.start && date <= DEMO_PERIOD.end, `${c.caseNumber} ${date}`).toBe(true);
      }
      for (const s of c.stays) if (s.checkOut) expect(s.checkOut >= s.checkIn).toBe(true);
      if (c.closedOn) expect(c.closedOn >= c.openedOn).toBe(true);
      for (const r of c.referrals) expect(r.dueDate >= r.referredOn).toBe(true);
      for (const s of c.services) expect(s.date >= c.openedOn && s.date <= (c.closedOn ?? DEMO_PERIOD.end)).toBe(true);
    }
    for (const p of demo(seed).people) expect(p.dateOfBirth < p.registeredOn).toBe(true);
  });

  it.each(seeds)('seed %i: case statuses, closure reasons and priorities agree with their records', (seed) => {
    for (const { c } of demo(seed).cases) {
      expect(c.status === 'closed').toBe(c.closedOn !== null);
      expect(c.closureReason !== null).toBe(c.status === 'closed');
      const openReferral = c.referrals.some((r) => r.status === 'pending' || r.status === 'accepted');
      if (c.status === 'closed') expect(openReferral).toBe(false);
      if (c.status === 'referred') expect(openReferral).toBe(true);
      const last = c.screenings.at(-1);
      expect(c.priority).toBe(last ? derivePriority(last).priority : null);
      if (c.closureReason === 'avr_departed') expect(c.referrals.some((r) => r.service === 'avr' && r.status === 'completed')).toBe(true);
      if (c.closureReason === 'referred_out') expect(c.referrals.some((r) => r.kind === 'external' && r.status === 'completed')).toBe(true);
      for (const t of c.tasks.filter((x) => x.approvedBy)) expect(t.approvedBy).not.toBe(t.completedBy);
      if (c.stays.some((s) => s.checkOut === null)) expect(c.status).not.toBe('closed');
    }
  });

  it.each(seeds)('seed %i: most cases of the period are closed, a few recent ones stay open with work for the demo users', (seed) => {
    const { cases, people } = demo(seed);
    expect(share(cases.length, people.length)).toBeGreaterThan(0.85);
    const open = cases.filter(({ c }) => c.status !== 'closed');
    expect(share(open.length, cases.length)).toBeLessThan(0.15);
    expect(open.length).toBeGreaterThan(20);
    for (const { c } of open) expect(c.openedOn > '2021-06-30').toBe(true);
    for (const user of ['caseworker.gao', 'caseworker.bamako', 'protection.officer']) {
      expect(open.filter(({ c }) => c.assignedTo === user).length, user).toBeGreaterThan(3);
    }
    const tasks = cases.flatMap(({ c }) => c.tasks);
    expect(tasks.some((t) => t.kind === 'best_interest_determination' && t.approvedBy === 'protection.officer')).toBe(true);
    const openTasks = tasks.filter((t) => t.status === 'open' || t.status === 'awaiting_approval');
    expect(openTasks.some((t) => t.dueDate < DEMO_PERIOD.end)).toBe(true);
    const openReferrals = cases.flatMap(({ c }) => c.referrals).filter((r) => r.status === 'pending' || r.status === 'accepted');
    expect(openReferrals.some((r) => r.dueDate < DEMO_PERIOD.end)).toBe(true);
    expect(openReferrals.some((r) => r.dueDate >= DEMO_PERIOD.end)).toBe(true);
  });

  it.each(seeds)('seed %i: people follow the flow shares: nationality, sex, children, phones, consents', (seed) => {
    const { people } = demo(seed);
    const mli = people.filter((p) => p.nationality === 'MLI').length;
    expect(share(mli, people.length)).toBeCloseTo(flowParams.fms_mali.nationality_pct.MLI / 100, 1);
    expect(share(people.filter((p) => p.sex === 'male').length, people.length)).toBeGreaterThan(0.8);
    const children = people.filter((p) => Number(p.registeredOn.slice(0, 4)) - Number(p.dateOfBirth.slice(0, 4)) < 17);
    expect(share(children.length, people.length)).toBeGreaterThan(0.03);
    const unaccompanied = demo(seed).cases.filter(({ c }) => c.screenings.some((s) => s.flags.includes('unaccompanied_child')));
    expect(unaccompanied.length).toBeGreaterThan(10);
    for (const p of people) {
      const registration = p.consents.filter((k) => k.kind === 'registration');
      expect(registration).toHaveLength(1);
      if (children.includes(p)) expect(registration[0]?.method).toBe('proxy');
      for (const phone of p.phones) expect(phone).toMatch(/^\+[1-9]\d{7,14}$/);
      for (const k of p.consents) expect(k.kind === 'data_sharing').toBe(k.organisation !== null);
    }
    expect(share(people.filter((p) => p.phones.length > 0).length, people.length)).toBeGreaterThan(0.3);
    expect(share(people.filter((p) => p.documents.length > 0).length, people.length)).toBeGreaterThan(0.2);
  });

  it.each(seeds)('seed %i: groups have one head and members registered together', (seed) => {
    const { groups, byCase } = demo(seed);
    expect(groups.filter((g) => g.kind === 'family').length).toBeGreaterThan(20);
    expect(groups.filter((g) => g.kind === 'travel_group').length).toBeGreaterThan(20);
    for (const g of groups) {
      expect(g.members.filter((m) => m.isHead)).toHaveLength(1);
      const dates = new Set(g.members.map((m) => byCase.get(m.person)?.registeredOn));
      expect(dates.size).toBe(1);
      expect(dates.has(undefined)).toBe(false);
    }
  });

  it.each(seeds)('seed %i: centres fill to realistic levels, over capacity on a few nights', (seed) => {
    const nights = new Map<string, number>();
    for (const { c } of demo(seed).cases) {
      for (const s of c.stays) {
        const from = Date.parse(s.checkIn) / 86_400_000;
        const to = Date.parse(s.checkOut ?? DEMO_PERIOD.end) / 86_400_000;
        for (let d = from; d < to; d++) nights.set(`${s.site}|${d}`, (nights.get(`${s.site}|${d}`) ?? 0) + 1);
      }
    }
    let over = 0;
    for (const [key, n] of nights) {
      const capacity = DEMO_SITES.find((s) => s.code === key.split('|')[0])?.capacity;
      if (capacity === null || capacity === undefined) throw new Error(`a stay at ${key} has no capacity`);
      if (n > capacity) over++;
      expect(n).toBeLessThan(capacity * 1.4);
    }
    expect(over).toBeGreaterThan(0);
    expect(over).toBeLessThan(30);
  });
});
