// Synthetic assisted voluntary returns (SPEC §6, §14): Malians coming home from Niger, Libya and
// Algeria on charter flights and bus convoys (received in Bamako or Gao), and migrants in Mali going
// home to Guinea, Côte d'Ivoire, Senegal, the Gambia and Burkina Faso, some of them the people
// demo's transit migrants. Pure and deterministic for a seed; generated month by month so a large
// scale never sits in memory at once.
import type { ArrivalReferralNeed, ReturnWithdrawalReason } from '@taama/core';
import { ageOn, dayOf, isoOf, monthSpan } from './calendar';
import { DEMO_PERIOD } from './people';
import { DEMO_SITES } from './platform';
import { createRng, type Rng } from './rng';
import { CaseLifecycle, lastStepBy, STEP, stepDates, type CaseEnd } from './returns-lifecycle';
import { ReturneeFactory, transitCandidates, type DemoPersonRef, type TransitCandidate } from './returns-people';
import { ESCORTS, INBOUND_CORRIDORS, ONWARD_TRANSPORT_XOF, OUTBOUND_CORRIDORS, type Corridor } from './returns-texts';
import type { DemoArrival, DemoMovement, DemoMovementPassenger, DemoReturnCase, DemoReturnsBatch, DemoTraveller } from './returns-types';

export type * from './returns-types';
export type { DemoPersonRef, DemoReturnee } from './returns-people';

/** Seats on movements that departed at scale 1: inbound ≈ 2,100 (each opens a reintegration case), outbound ≈ 1,100. */
export const RETURN_SEATS_AT_SCALE_1 = { inbound: 2100, outbound: 1100 } as const;
/** Cash given to every inbound returnee on arrival (the setting's default). */
export const CASH_ON_ARRIVAL_XOF = 52_000;

const START = dayOf(DEMO_PERIOD.start);
const END = dayOf(DEMO_PERIOD.end);
const YEAR_WEIGHTS: Record<number, number> = { 2018: 27, 2019: 30, 2020: 15, 2021: 28 };
const OUTBOUND_COUNTRIES = new Set(OUTBOUND_CORRIDORS.flatMap((c) => Object.keys(c.countries)));
/** The planned movement at the end of the period, for the cases booked but not yet gone. */
const PLANNED_DEPARTURE = '2022-01-12';

/** Share of each month in the period's movements; none in April–June 2020 (borders closed). */
function months(): { year: number; month: number; weight: number }[] {
  const out: { year: number; month: number; weight: number }[] = [];
  for (const year of [2018, 2019, 2020, 2021]) for (let month = 0; month < 12; month++) out.push({ year, month, weight: year === 2020 && month >= 3 && month <= 5 ? 0 : (YEAR_WEIGHTS[year] ?? 0) / (year === 2020 ? 9 : 12) });
  const total = out.reduce((s, m) => s + m.weight, 0);
  return out.map((m) => ({ ...m, weight: m.weight / total }));
}

class ReturnsGenerator {
  private readonly rng: Rng;
  private readonly people: ReturneeFactory;
  private readonly life: CaseLifecycle;
  private readonly sequences = new Map<string, number>();
  private readonly candidates: TransitCandidate[];
  private readonly used = new Set<string>();
  private batch: DemoReturnsBatch = { returnees: [], cases: [], movements: [] };
  /** Seats owed to each direction: a month's share accumulates until it fills a movement. */
  private readonly owed = { inbound: 0, outbound: 0 };

  constructor(private readonly options: { seed: number; scale: number }) {
    // A seed of its own, so the returns never shift the other parts of the demo.
    this.rng = createRng((options.seed ^ 0x5eed_0004) >>> 0);
    this.people = new ReturneeFactory(this.rng);
    this.life = new CaseLifecycle(this.rng);
    this.candidates = transitCandidates(options, OUTBOUND_COUNTRIES);
  }

  private chance(p: number): boolean {
    return this.rng.next() < p;
  }

  private number(series: string, on: string): string {
    const key = `${series}|${on.slice(0, 4)}`;
    const value = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, value);
    return `${series}-${on.slice(0, 4)}-${String(value).padStart(series.startsWith('MV') ? 4 : 6, '0')}`;
  }

  private caseNumber(site: string, on: string): string {
    const prefix = DEMO_SITES.find((s) => s.code === site)?.caseCodePrefix;
    if (!prefix) throw new Error(`demo returns refer to unknown site ${site}`);
    return this.number(`ML-${prefix}-AVR`, on);
  }

  *batches(): Generator<DemoReturnsBatch> {
    const scale = this.options.scale;
    for (const { year, month, weight } of months()) {
      const { first, days } = monthSpan(year, month);
      for (const direction of ['inbound', 'outbound'] as const) {
        const corridors = direction === 'inbound' ? INBOUND_CORRIDORS : OUTBOUND_CORRIDORS;
        this.owed[direction] += RETURN_SEATS_AT_SCALE_1[direction] * scale * weight;
        while (this.owed[direction] >= (direction === 'inbound' ? 60 : 25)) {
          // The first movements leave some weeks into the period, after their cases were prepared.
          const movement = this.movement(this.corridor(corridors), Math.max(START + 20, first + this.rng.int(0, days - 1)));
          this.owed[direction] -= movement.passengers.reduce((s, p) => s + p.seats, 0);
        }
      }
      // Cases that end before travelling: about one request in seven.
      const early = Math.round((RETURN_SEATS_AT_SCALE_1.inbound + RETURN_SEATS_AT_SCALE_1.outbound) * scale * weight * 0.15);
      for (let i = 0; i < early; i++) this.earlyEnd(first + this.rng.int(0, days - 1));
      if (year === 2021 && month === 11) this.pipeline(Math.round(300 * scale));
      if (this.batch.cases.length > 0) yield this.batch;
      this.batch = { returnees: [], cases: [], movements: [] };
    }
  }

  private corridor(corridors: readonly Corridor[]): Corridor {
    const code = this.rng.weighted(Object.fromEntries(corridors.map((c) => [c.code, c.weight])));
    const corridor = corridors.find((c) => c.code === code);
    if (!corridor) throw new Error(`unknown corridor ${code}`);
    return corridor;
  }

  /** A movement that departed on `day`, filled with booked cases; a few passengers do not show up. */
  private movement(corridor: Corridor, day: number, planned = false): DemoMovement {
    const departure = isoOf(day);
    const arrival = day + corridor.days;
    const reference = this.number('MV', departure);
    const target = this.rng.int(corridor.size[0], corridor.size[1]);
    const carrier = this.rng.pick(corridor.carriers);
    const legs = corridor.stops.slice(1).map((to, i) => {
      const leg = day + Math.floor((corridor.days * i) / Math.max(1, corridor.stops.length - 1));
      const next = day + Math.floor((corridor.days * (i + 1)) / Math.max(1, corridor.stops.length - 1));
      return { from: corridor.stops[i] ?? '', to, departAt: isoOf(leg), arriveAt: isoOf(next), carrierRef: corridor.kind === 'bus_convoy' ? `Bus ${this.rng.int(1, 4)}` : `${carrier.slice(0, 2).toUpperCase()}${this.rng.int(100, 999)}` };
    });
    const m: DemoMovement = {
      reference, kind: corridor.kind, direction: corridor.direction, site: corridor.site, departureDate: departure, arrivalDate: isoOf(arrival), carrier, seats: 0, legs,
      escorts: [{ name: this.rng.pick(ESCORTS.operations), role: 'operations' }], receptionSite: corridor.direction === 'inbound' ? corridor.site : null,
      status: planned ? 'planned' : 'arrived', departedOn: planned ? null : departure, arrivedOn: planned ? null : isoOf(arrival), createdOn: isoOf(day - this.rng.int(10, 25)), passengers: [],
    };
    this.batch.movements.push(m);
    if (planned) return m;
    let taken = 0;
    while (taken < target) {
      const c = this.travellingCase(corridor, day, m, target - taken);
      taken += 1 + c.members.length;
    }
    this.finishMovement(m, corridor);
    return m;
  }

  private finishMovement(m: DemoMovement, corridor: Corridor): void {
    const taken = m.passengers.reduce((s, p) => s + p.seats, 0);
    // A charter's aircraft or a convoy's buses have a few seats more than booked.
    m.seats = corridor.kind === 'bus_convoy' ? Math.ceil((taken + 2) / 60) * 60 : Math.max(taken, corridor.kind === 'charter_flight' ? (taken > 150 ? 180 : 150) : taken + this.rng.int(0, 10));
    const cases = this.batch.cases.filter((c) => c.movement === m.reference);
    if (cases.some((c) => c.medical)) m.escorts.push({ name: this.rng.pick(ESCORTS.medical), role: 'medical' });
    if (cases.some((c) => c.unaccompaniedChild)) m.escorts.push({ name: this.rng.pick(ESCORTS.child_protection), role: 'child_protection' });
  }

  /** The principal of a case: a transit migrant of the people demo when one is waiting, else a new returnee. */
  private principal(corridor: Corridor, country: string, site: string, day: number, requested: number, child: boolean, female: boolean): { ref: DemoPersonRef; traveller: DemoTraveller; transitCase: string | null; requested: number; site: string } {
    if (corridor.direction === 'outbound' && !child) {
      const found = this.candidates.find((k) => k.nationality === country && !this.used.has(k.transitCase) && dayOf(k.openedOn) <= day - 14 && dayOf(k.openedOn) >= day - 100);
      if (found) {
        this.used.add(found.transitCase);
        const ref = { registered: found.person };
        return { ref, traveller: { person: ref, sex: found.sex, dateOfBirth: found.dateOfBirth }, transitCase: found.transitCase, requested: dayOf(found.openedOn) + this.rng.int(0, 2), site: found.site };
      }
    }
    const on = isoOf(requested);
    const age = child ? this.rng.int(14, 17) : this.people.adultAge();
    const p = this.people.make({ nationality: corridor.direction === 'inbound' ? 'MLI' : country, sex: female ? 'female' : child && this.chance(0.2) ? 'female' : 'male', age, on, site, originPcode: corridor.direction === 'inbound' ? this.people.homePcode() : null });
    this.batch.returnees.push(p);
    const ref = { returnee: p.key };
    return { ref, traveller: { person: ref, sex: p.sex, dateOfBirth: p.dateOfBirth }, transitCase: null, requested, site };
  }

  /** A new case on the way: who, where to, with whom; its steps are left to the lifecycle. */
  private newCase(corridor: Corridor, day: number, requested: number, room: number): DemoReturnCase {
    const country = this.rng.weighted(corridor.countries);
    const child = this.chance(0.008);
    const female = !child && this.chance(0.027);
    const who = this.principal(corridor, country, corridor.direction === 'outbound' && this.chance(0.15) ? this.rng.pick(['gao', 'kayes']) : corridor.site, day, requested, child, female);
    const requestedOn = isoOf(who.requested);
    const inbound = corridor.direction === 'inbound';
    const principal = this.batch.returnees.find((r) => 'returnee' in who.ref && r.key === who.ref.returnee);
    const c: DemoReturnCase = {
      caseNumber: this.caseNumber(who.site, requestedOn), person: who.ref, sex: who.traveller.sex, dateOfBirth: who.traveller.dateOfBirth, transitCase: who.transitCase, members: [],
      direction: corridor.direction, destinationCountry: inbound ? 'MLI' : country, destinationPcode: inbound ? (principal?.originPcode ?? this.people.homePcode()) : null,
      destinationLocality: inbound ? null : this.people.town(country), fromCountry: inbound ? country : 'MLI', site: who.site, counsellor: 'return.officer', requestedOn,
      status: 'requested', statusSince: requestedOn, suspendedFrom: null, withdrawalReason: null, unaccompaniedChild: child && ageOn(who.traveller.dateOfBirth, requestedOn) < 18,
      medical: !child && this.chance(0.02), declaration: null, dueDiligence: null, bestInterest: null, travelDocuments: [], medicalChecks: [], events: [], movement: null, arrival: null,
    };
    // About one case in fifty is a family: a spouse and one to three children travel with the principal.
    if (!child && !female && room >= 5 && this.chance(0.02) && principal) {
      const spouse = this.people.make({ nationality: principal.nationality, sex: 'female', age: Math.max(18, ageOn(principal.dateOfBirth, requestedOn) - this.rng.int(2, 10)), on: requestedOn, site: c.site, originPcode: principal.originPcode });
      this.batch.returnees.push(spouse);
      c.members.push({ person: { returnee: spouse.key }, sex: 'female', dateOfBirth: spouse.dateOfBirth, relationship: 'spouse' });
      for (let k = this.rng.int(1, 3); k > 0; k--) {
        const kid = this.people.make({ nationality: principal.nationality, sex: this.chance(0.5) ? 'female' : 'male', age: this.rng.int(0, 12), on: requestedOn, site: c.site, originPcode: principal.originPcode, familyName: principal.familyName });
        this.batch.returnees.push(kid);
        c.members.push({ person: { returnee: kid.key }, sex: kid.sex, dateOfBirth: kid.dateOfBirth, relationship: 'child' });
      }
    }
    this.batch.cases.push(c);
    return c;
  }

  /** A case that travels on movement `m` departing on `day`. */
  private travellingCase(corridor: Corridor, day: number, m: DemoMovement, room: number): DemoReturnCase {
    const requested = Math.max(START, day - this.rng.int(25, 110));
    const c = this.newCase(corridor, day, requested, room);
    const dates = stepDates(this.rng, dayOf(c.requestedOn), day - 1);
    this.life.prepare(c, dates, { kind: 'travel' }, c.medical && this.chance(0.25));
    c.movement = m.reference;
    const booked = dates[STEP.booked] ?? day;
    const passenger: DemoMovementPassenger = { caseNumber: c.caseNumber, seats: 1 + c.members.length, departureStatus: 'departed', noShowReason: null, arrived: true };
    m.passengers.push(passenger);
    if (this.chance(0.012)) {
      Object.assign(passenger, { departureStatus: 'no_show', noShowReason: 'Absent au point de rassemblement.', arrived: false });
      this.life.noShow(c, m.reference, booked, day, 'Ne s’est pas présenté au départ.');
      return c;
    }
    const arrived = dayOf(m.arrivalDate);
    const close = corridor.direction === 'inbound' ? (this.chance(0.85) ? arrived + this.rng.int(0, 14) : null) : this.chance(0.9) ? arrived + this.rng.int(3, 30) : null;
    this.life.travel(c, m.reference, booked, day, arrived, close !== null && close <= END ? close : null);
    c.arrival = this.arrival(c, m);
    return c;
  }

  /** The arrival record and, for a returnee to Mali, the assistance given at the reception site. */
  private arrival(c: DemoReturnCase, m: DemoMovement): DemoArrival {
    const on = m.arrivalDate;
    if (c.direction === 'outbound') return { arrivedOn: on, site: null, fromCountry: 'MLI', destinationPcode: null, vulnerable: false, referralNeeds: [], assistance: [] };
    const needs: ArrivalReferralNeed[] = [];
    if (c.unaccompaniedChild) needs.push('protection', 'family_tracing');
    if (c.medical) needs.push('medical');
    if (this.chance(0.06)) needs.push('psychosocial');
    const travellers = 1 + c.members.length;
    const a: DemoArrival = { arrivedOn: on, site: m.receptionSite, fromCountry: c.fromCountry, destinationPcode: c.destinationPcode, vulnerable: needs.length > 0 || c.sex === 'female' || c.members.length > 0, referralNeeds: needs, assistance: [] };
    const give = (type: DemoArrival['assistance'][number]['type'], amountXof: number | null, quantity: number | null, offset = 0, note: string | null = null) => a.assistance.push({ type, givenOn: isoOf(Math.min(END, dayOf(on) + offset)), amountXof, quantity, note });
    if (this.chance(0.96)) give('cash_on_arrival', CASH_ON_ARRIVAL_XOF * travellers, null);
    if (this.chance(0.92)) give('food', null, travellers);
    if (this.chance(0.7)) give('nfi', null, travellers, 0, 'Kit d’hygiène');
    const region = (c.destinationPcode ?? '').slice(0, 4);
    const local = m.receptionSite === 'gao' ? region === 'ML07' : region === 'ML09';
    if (!local && this.chance(0.88)) give('onward_transport', (ONWARD_TRANSPORT_XOF[region] ?? 15_000) * travellers, null, this.rng.int(0, 2));
    if (this.chance(c.unaccompaniedChild || c.members.length > 0 ? 0.8 : 0.2)) give('temporary_shelter', null, this.rng.int(1, 3));
    if (c.medical || this.chance(0.03)) give('medical_care', this.rng.int(2, 10) * 5_000, null);
    if (needs.includes('psychosocial') || c.unaccompaniedChild) give('psychosocial_first_aid', null, 1, 1);
    return a;
  }

  /** A request that ends before travel: ineligible, or withdrawn at some step. */
  private earlyEnd(day: number): void {
    const corridor = this.corridor(this.chance(0.7) ? INBOUND_CORRIDORS : OUTBOUND_CORRIDORS);
    const departure = day + this.rng.int(25, 110);
    const c = this.newCase(corridor, departure, day, 1);
    const dates = stepDates(this.rng, dayOf(c.requestedOn), departure - 1);
    let end: CaseEnd;
    if (this.chance(0.35)) end = { kind: 'ineligible', close: this.chance(0.7) };
    else {
      const reason = this.rng.weighted({ changed_mind: 40, continued_journey: 35, regularised: 8, deceased: 2, other: 15 }) as ReturnWithdrawalReason;
      const lastStep = reason === 'other' ? STEP.medical_pending : this.rng.int(STEP.requested, STEP.fit);
      end = { kind: 'withdrawn', lastStep, reason };
    }
    // Nothing happens after the period: a late request is still being prepared.
    const lastDay = end.kind === 'withdrawn' ? (dates[Math.min(STEP.booked, end.lastStep + 1)] ?? END) + 10 : (dates[STEP.eligible] ?? END) + 10;
    if (lastDay > END) end = { kind: 'pipeline', lastStep: lastStepBy(dates, END - 10), suspend: false };
    this.life.prepare(c, dates, end, false);
  }

  /** Cases still being prepared at the end of 2021; the booked inbound ones wait for a planned charter. */
  private pipeline(count: number): void {
    const planned = this.movement(this.corridor(INBOUND_CORRIDORS.filter((c) => c.code === 'NER-BKO')), dayOf(PLANNED_DEPARTURE), true);
    for (let i = 0; i < count; i++) {
      const corridor = this.corridor(this.chance(0.75) ? INBOUND_CORRIDORS : OUTBOUND_CORRIDORS);
      const requested = END - this.rng.int(3, 110);
      const departure = Math.max(END + 5, requested + this.rng.int(25, 110));
      const c = this.newCase(corridor, departure, requested, 1);
      // A transit migrant's request dates from their stay, not from the day drawn here.
      const dates = stepDates(this.rng, dayOf(c.requestedOn), departure - 1);
      const lastStep = lastStepBy(dates, END - 1);
      this.life.prepare(c, dates, { kind: 'pipeline', lastStep, suspend: lastStep > STEP.requested && lastStep < STEP.booked && this.chance(0.04) }, c.medical && this.chance(0.25));
      if (c.status === 'booked' && c.direction === 'inbound' && planned.passengers.length < 150) {
        c.movement = planned.reference;
        c.events.push({ on: c.statusSince, by: 'return.officer', kind: 'movement', from: null, to: null, note: `Ajouté au mouvement ${planned.reference}.` });
        planned.passengers.push({ caseNumber: c.caseNumber, seats: 1 + c.members.length, departureStatus: 'expected', noShowReason: null, arrived: false });
      }
    }
    this.finishMovement(planned, INBOUND_CORRIDORS[1] ?? INBOUND_CORRIDORS[0] as Corridor);
  }
}

/** The return demo for a seed and scale, month by month (one batch per month with activity). */
export function* generateReturns(options: { seed: number; scale: number }): Generator<DemoReturnsBatch> {
  yield* new ReturnsGenerator(options).batches();
}
