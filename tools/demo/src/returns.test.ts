import { describe, expect, it } from 'vitest';
import { allowedTransitions, checkPreconditions, RETURN_STATUSES, type ReturnCaseFacts, type ReturnStatus } from '@taama/core';
import { ageOn } from './calendar';
import { DEMO_PERIOD, generatePeople } from './people';
import { CASH_ON_ARRIVAL_XOF, generateReturns, type DemoReturnCase, type DemoReturnsBatch } from './returns';

function load(seed: number, scale = 1) {
  const batches: DemoReturnsBatch[] = [...generateReturns({ seed, scale })];
  const cases = batches.flatMap((b) => b.cases);
  return { batches, cases, movements: batches.flatMap((b) => b.movements), returnees: batches.flatMap((b) => b.returnees) };
}
const demo = load(1);
const share = (n: number, total: number) => n / total;
/** Every traveller of a case on the day of the request: the principal and the household members. */
const travellers = (c: DemoReturnCase) => [{ sex: c.sex, age: ageOn(c.dateOfBirth, c.requestedOn) }, ...c.members.map((m) => ({ sex: m.sex, age: ageOn(m.dateOfBirth, c.requestedOn) }))];

describe('generateReturns', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(load(1).batches).toEqual(demo.batches);
    expect(load(2).cases.slice(0, 20)).not.toEqual(demo.cases.slice(0, 20));
  }, 60_000);

  it('has about 4,000 return cases 2018–2021, mostly inbound Malians, scaling with the scale', () => {
    expect(demo.cases.length).toBeGreaterThan(3500);
    expect(demo.cases.length).toBeLessThan(4500);
    expect(demo.cases.every((c) => c.requestedOn >= DEMO_PERIOD.start && c.requestedOn <= DEMO_PERIOD.end)).toBe(true);
    const inbound = demo.cases.filter((c) => c.direction === 'inbound');
    expect(share(inbound.length, demo.cases.length)).toBeGreaterThan(0.55);
    expect(inbound.every((c) => c.destinationCountry === 'MLI' && ['NER', 'LBY', 'DZA'].includes(c.fromCountry) && /^ML\d{4}$/.test(c.destinationPcode ?? ''))).toBe(true);
    const outbound = demo.cases.filter((c) => c.direction === 'outbound');
    expect(new Set(outbound.map((c) => c.destinationCountry))).toEqual(new Set(['GIN', 'CIV', 'SEN', 'GMB', 'BFA']));
    expect(outbound.every((c) => c.fromCountry === 'MLI' && c.destinationPcode === null)).toBe(true);
    expect(share(load(1, 2).cases.length, demo.cases.length)).toBeCloseTo(2, 0);
  }, 60_000);

  it('has about 4 % women and 4 % minors among travellers, a few unaccompanied children and 2 % medical cases', () => {
    const all = demo.cases.flatMap(travellers);
    expect(share(all.filter((t) => t.sex === 'female' && t.age >= 18).length, all.length)).toBeGreaterThan(0.025);
    expect(share(all.filter((t) => t.sex === 'female' && t.age >= 18).length, all.length)).toBeLessThan(0.06);
    expect(share(all.filter((t) => t.age < 18).length, all.length)).toBeGreaterThan(0.025);
    expect(share(all.filter((t) => t.age < 18).length, all.length)).toBeLessThan(0.06);
    const children = demo.cases.filter((c) => c.unaccompaniedChild);
    expect(children.length).toBeGreaterThan(10);
    expect(children.every((c) => ageOn(c.dateOfBirth, c.requestedOn) < 18)).toBe(true);
    // Past counselling, an unaccompanied child's return was found in its best interest and approved by another person.
    for (const c of children.filter((k) => k.status !== 'requested')) {
      expect(c.bestInterest?.outcome, c.caseNumber).toBe('return_in_best_interest');
      expect(c.bestInterest?.approvedBy).not.toBe(c.bestInterest?.recordedBy);
    }
    const medical = demo.cases.filter((c) => c.medical);
    expect(share(medical.length, demo.cases.length)).toBeGreaterThan(0.01);
    expect(share(medical.length, demo.cases.length)).toBeLessThan(0.035);
    for (const c of medical.filter((k) => k.movement)) expect(c.medicalChecks.at(-1)).toMatchObject({ outcome: 'fit_with_escort', escort: 'medical' });
  });

  it('has withdrawn and ineligible cases, and cases still in the pipeline at the end of 2021', () => {
    const count = (s: ReturnStatus) => demo.cases.filter((c) => c.status === s).length;
    expect(share(count('withdrawn'), demo.cases.length)).toBeGreaterThan(0.04);
    expect(count('ineligible') + demo.cases.filter((c) => c.events.some((e) => e.to === 'ineligible')).length).toBeGreaterThan(50);
    const open = demo.cases.filter((c) => !['arrived', 'closed', 'withdrawn', 'ineligible'].includes(c.status));
    expect(open.length).toBeGreaterThan(150);
    expect(new Set(open.map((c) => c.status)).size).toBeGreaterThan(6);
    expect(demo.cases.filter((c) => c.withdrawalReason === 'no_show').length).toBeGreaterThan(5);
  });

  it('moves every case only along the default transitions, one dated event each, never after 2021', () => {
    for (const c of demo.cases) {
      let status: ReturnStatus = 'requested';
      let suspendedFrom: ReturnStatus | null = null;
      let last = c.requestedOn;
      for (const e of c.events) {
        expect(e.on >= last && e.on <= DEMO_PERIOD.end, `${c.caseNumber} ${e.on}`).toBe(true);
        last = e.on;
        if (e.kind === 'created' || !e.to) continue;
        expect(e.from).toBe(status);
        expect(allowedTransitions(status, suspendedFrom), `${c.caseNumber}: ${status} → ${e.to}`).toContain(e.to);
        suspendedFrom = e.to === 'suspended' ? status : null;
        status = e.to;
      }
      expect(status, c.caseNumber).toBe(c.status);
      expect(RETURN_STATUSES).toContain(c.status);
    }
  }, 30_000);

  it('meets the preconditions of each step: declaration, due diligence, issued travel document, medical outcome', () => {
    for (const c of demo.cases.filter((k) => k.events.some((e) => e.to === 'booked'))) {
      const booked = c.events.find((e) => e.to === 'booked')?.on ?? '';
      const facts: ReturnCaseFacts = {
        direction: c.direction, destinationPcode: c.destinationPcode, unaccompaniedChild: c.unaccompaniedChild, declaration: c.declaration, dueDiligence: c.dueDiligence,
        bestInterest: c.bestInterest ? { outcome: c.bestInterest.outcome, approvedAt: c.bestInterest.approvedOn } : null,
        latestMedical: c.medicalChecks.at(-1) ?? null, travelDocuments: c.travelDocuments, today: booked,
      };
      expect(checkPreconditions(facts, 'eligible'), c.caseNumber).toEqual([]);
      expect(checkPreconditions(facts, 'booked'), c.caseNumber).toEqual([]);
    }
  });

  it('fills movements of 30–180 seats, with no-shows, a document valid on the departure date, and assistance on every inbound arrival', () => {
    const byNumber = new Map(demo.cases.map((c) => [c.caseNumber, c]));
    const departed = demo.movements.filter((m) => m.status !== 'planned');
    expect(departed.length).toBeGreaterThan(30);
    for (const m of departed) {
      const seats = m.passengers.reduce((n, p) => n + p.seats, 0);
      expect(seats, m.reference).toBeGreaterThanOrEqual(30);
      expect(seats, m.reference).toBeLessThanOrEqual(180);
      expect(seats).toBeLessThanOrEqual(m.seats);
      for (const p of m.passengers) {
        const c = byNumber.get(p.caseNumber);
        expect(c?.movement).toBe(m.reference);
        expect(c?.direction).toBe(m.direction);
        expect(c?.travelDocuments.some((d) => d.status === 'issued' && (d.expiresOn ?? '') > m.departureDate)).toBe(true);
      }
    }
    expect(departed.flatMap((m) => m.passengers).filter((p) => p.departureStatus === 'no_show').length).toBeGreaterThan(5);
    const arrivals = demo.cases.filter((c) => c.direction === 'inbound' && c.arrival).map((c) => c.arrival);
    expect(arrivals.length).toBeGreaterThan(1800);
    for (const a of arrivals) expect(a?.site === 'bko-sogoniko' || a?.site === 'gao').toBe(true);
    const cash = arrivals.flatMap((a) => a?.assistance ?? []).filter((s) => s.type === 'cash_on_arrival');
    expect(share(cash.length, arrivals.length)).toBeGreaterThan(0.9);
    expect(cash.every((s) => (s.amountXof ?? 0) % CASH_ON_ARRIVAL_XOF === 0)).toBe(true);
  });

  it('links some outbound returns to the people demo’s transit migrants, each at most once', () => {
    const people = new Map([...generatePeople({ seed: 1, scale: 1 })].flatMap((b) => b.people).map((p) => [p.caseNumber, p]));
    const linked = demo.cases.filter((c) => c.transitCase);
    expect(linked.length).toBeGreaterThan(50);
    expect(new Set(linked.map((c) => c.transitCase)).size).toBe(linked.length);
    for (const c of linked) {
      const person = 'registered' in c.person ? people.get(c.person.registered) : undefined;
      expect(person?.transitCase?.caseNumber).toBe(c.transitCase);
      expect(person?.nationality).toBe(c.destinationCountry);
    }
  }, 30_000);
});
