// The life of one return case: the dated steps from request to booking (counselling, declaration,
// best interest, travel documents, due diligence, medical check), each transition an event, then
// departure, arrival and closure, or an early end (ineligible, withdrawn, suspended).
import type { MedicalOutcome, ReturnStatus, ReturnWithdrawalReason } from '@taama/core';
import { dayOf, isoOf } from './calendar';
import type { Rng } from './rng';
import { CONSULATES, INELIGIBLE_NOTES, MEDICAL_CONDITIONS, WITHDRAWAL_NOTES, WITNESSES } from './returns-texts';
import type { DemoReturnCase, DemoTravelDocument } from './returns-types';

/** Index of each step in the dates of `stepDates`. */
export const STEP = { requested: 0, counselled: 1, eligible: 2, documents_pending: 3, documents_ready: 4, medical_pending: 5, fit: 6, booked: 7 } as const;
const OFFICER = 'return.officer';
const SUPERVISOR = 'protection.officer';

/** Relative length of the wait before each step (counselling, eligibility, documents are the long one…). */
const GAPS = [1.5, 2, 0.3, 5, 0.5, 0.7, 1, 2];

/** Dates of the eight steps, requested (day `start`) to booked, spread before a departure on day `departure`. */
export function stepDates(rng: Rng, start: number, departure: number): number[] {
  const gaps = GAPS.map((g) => g * (0.4 + rng.next()));
  const total = gaps.reduce((s, g) => s + g, 0);
  const span = Math.max(0, departure - start);
  const dates = [start];
  let acc = 0;
  for (let i = 0; i < 7; i++) {
    acc += gaps[i] ?? 0;
    dates.push(start + Math.floor((acc / total) * span));
  }
  return dates;
}

/** How a case's preparation ends. */
export type CaseEnd =
  | { kind: 'travel' }
  | { kind: 'pipeline'; lastStep: number; suspend: boolean }
  | { kind: 'ineligible'; close: boolean }
  | { kind: 'withdrawn'; lastStep: number; reason: ReturnWithdrawalReason };

/**
 * Builds the steps of a case (its status and records are filled in). The history holds every
 * transition and the best-interest and movement steps; documents and medical checks carry their own
 * dates, so they get no separate event (fewer rows keep the demo quick to load).
 */
export class CaseLifecycle {
  constructor(private readonly rng: Rng) {}

  private chance(p: number): boolean {
    return this.rng.next() < p;
  }

  /** A status change; departure, no-show and arrival are recorded as the movement routes record them. */
  private transition(c: DemoReturnCase, day: number, to: ReturnStatus, note: string | null = null, kind: 'transition' | 'movement' | 'arrival' = 'transition'): void {
    const on = isoOf(day);
    c.events.push({ on, by: OFFICER, kind, from: c.status, to, note });
    if (to === 'suspended') c.suspendedFrom = c.status;
    c.status = to;
    c.statusSince = on;
  }

  /** Walks the case through the steps its end allows; `dates` come from `stepDates`. */
  prepare(c: DemoReturnCase, dates: number[], end: CaseEnd, unfitFirst: boolean): void {
    const at = (step: number) => dates[step] ?? dates[0] ?? 0;
    const last = end.kind === 'travel' ? STEP.booked : end.kind === 'ineligible' ? STEP.counselled : end.lastStep;
    c.events.push({ on: c.requestedOn, by: OFFICER, kind: 'created', from: null, to: 'requested', note: null });
    if (last >= STEP.counselled) {
      this.transition(c, at(STEP.counselled), 'counselled');
      if (c.unaccompaniedChild) this.bestInterest(c, at(STEP.counselled), at(STEP.eligible));
    }
    if (end.kind === 'ineligible') {
      this.transition(c, at(STEP.eligible), 'ineligible', this.rng.pick(INELIGIBLE_NOTES));
      if (end.close) this.transition(c, at(STEP.eligible) + this.rng.int(1, 10), 'closed');
      return;
    }
    if (last >= STEP.eligible) {
      c.declaration = { signedOn: isoOf(at(STEP.eligible)), witness: this.rng.pick(WITNESSES) };
      this.transition(c, at(STEP.eligible), 'eligible');
    }
    if (last >= STEP.documents_pending) {
      this.transition(c, at(STEP.documents_pending), 'documents_pending');
      this.documents(c, at(STEP.documents_pending), last >= STEP.documents_ready ? at(STEP.documents_ready) : null, at(STEP.booked) + 45);
    }
    if (last >= STEP.documents_ready) this.transition(c, at(STEP.documents_ready), 'documents_ready');
    if (last >= STEP.medical_pending) {
      const concerns = end.kind === 'withdrawn' && end.reason === 'other';
      c.dueDiligence = { checkedOn: isoOf(at(STEP.medical_pending)), outcome: concerns ? 'concerns' : 'cleared', note: concerns ? 'Risque signalé dans la zone de retour.' : null };
      this.transition(c, at(STEP.medical_pending), 'medical_pending');
    }
    if (last >= STEP.fit) this.medical(c, at(STEP.medical_pending), at(STEP.fit), unfitFirst);
    if (last >= STEP.booked) this.transition(c, at(STEP.booked), 'booked');
    if (end.kind === 'withdrawn') {
      const from = at(last);
      const next = last < STEP.booked ? at(last + 1) : from + 10;
      this.transition(c, from + this.rng.int(1, Math.max(1, next - from)), 'withdrawn', this.rng.pick(WITHDRAWAL_NOTES[end.reason]));
      c.withdrawalReason = end.reason;
    }
    // The last step of a case in the pipeline is before the period's last day: suspended the day after.
    if (end.kind === 'pipeline' && end.suspend) this.transition(c, at(last) + 1, 'suspended', 'En attente de l’avis de la famille.');
  }

  private bestInterest(c: DemoReturnCase, determined: number, eligible: number): void {
    const approved = Math.min(eligible, determined + this.rng.int(1, 5));
    c.bestInterest = { determinedOn: isoOf(determined), outcome: 'return_in_best_interest', note: 'Famille retrouvée et évaluée ; le retour est dans l’intérêt supérieur de l’enfant.', recordedBy: OFFICER, approvedBy: SUPERVISOR, approvedOn: isoOf(approved) };
    c.events.push({ on: isoOf(determined), by: OFFICER, kind: 'best_interest', from: null, to: null, note: 'Détermination de l’intérêt supérieur enregistrée.' });
    c.events.push({ on: isoOf(approved), by: SUPERVISOR, kind: 'best_interest', from: null, to: null, note: 'Détermination approuvée.' });
  }

  /** The case's travel document, requested on `requested` and issued on `issued` (null: still pending). */
  private documents(c: DemoReturnCase, requested: number, issued: number | null, validUntil: number): void {
    const country = c.direction === 'inbound' ? c.fromCountry : c.destinationCountry;
    const consulate = this.rng.pick(CONSULATES[country] ?? ['Consulat']);
    const type = this.rng.weighted({ laissez_passer: 85, passport: 7, consular_card: 4, emergency_travel_document: 4 });
    // A few consulates first refuse (identity not established), then issue after a hearing.
    const refusedFirst = issued !== null && issued - requested > 10 && this.chance(0.03);
    if (refusedFirst) c.travelDocuments.push({ type, consulate, requestedOn: isoOf(requested), issuedOn: null, number: null, expiresOn: null, status: 'refused' });
    const doc: DemoTravelDocument = { type, consulate, requestedOn: isoOf(refusedFirst ? requested + 5 : requested), issuedOn: null, number: null, expiresOn: null, status: 'requested' };
    if (issued !== null) {
      const years = type === 'passport' ? 5 : type === 'consular_card' ? 3 : 0;
      const letters = type === 'passport' ? country.slice(0, 2) : type === 'laissez_passer' ? 'LP' : type === 'consular_card' ? 'CC' : 'ETD';
      Object.assign(doc, { status: 'issued', issuedOn: isoOf(issued), number: `${letters}${this.rng.int(1_000_000, 9_999_999)}`, expiresOn: isoOf(Math.max(issued + 90 + years * 365, validUntil)) });
    }
    c.travelDocuments.push(doc);
  }

  private medical(c: DemoReturnCase, pending: number, fit: number, unfitFirst: boolean): void {
    const escort = c.medical ? 'medical' : c.unaccompaniedChild ? 'child' : 'none';
    const outcome: MedicalOutcome = escort === 'none' ? 'fit_to_travel' : 'fit_with_escort';
    const conditions = c.medical ? this.rng.pick(MEDICAL_CONDITIONS) : null;
    if (unfitFirst && fit - pending >= 2) {
      const unfitDay = pending + 1;
      c.medicalChecks.push({ examinedOn: isoOf(unfitDay), outcome: 'unfit', escort: 'none', conditions, by: OFFICER });
      this.transition(c, unfitDay, 'unfit');
      this.transition(c, unfitDay + Math.floor((fit - unfitDay) / 2), 'medical_pending', 'Nouvel examen après traitement.');
    }
    c.medicalChecks.push({ examinedOn: isoOf(fit), outcome, escort, conditions, by: OFFICER });
    this.transition(c, fit, outcome);
  }

  /** Departure, arrival and (when the hand-over is done) closure of a booked case. */
  travel(c: DemoReturnCase, reference: string, booked: number, departed: number, arrived: number, closeBy: number | null): void {
    c.events.push({ on: isoOf(booked), by: OFFICER, kind: 'movement', from: null, to: null, note: `Ajouté au mouvement ${reference}.` });
    this.transition(c, departed, 'departed', `Parti avec ${reference}.`, 'movement');
    this.transition(c, arrived, 'arrived', `Arrivé avec ${reference}.`, 'arrival');
    if (closeBy !== null && closeBy >= arrived) this.transition(c, closeBy, 'closed');
  }

  /** A no-show at departure: the case leaves the movement and is withdrawn. */
  noShow(c: DemoReturnCase, reference: string, booked: number, departure: number, reason: string): void {
    c.events.push({ on: isoOf(booked), by: OFFICER, kind: 'movement', from: null, to: null, note: `Ajouté au mouvement ${reference}.` });
    this.transition(c, departure, 'withdrawn', reason, 'movement');
    c.withdrawalReason = 'no_show';
  }
}

/** The step a date falls in: the last step whose date is on or before `day`. */
export function lastStepBy(dates: readonly number[], day: number): number {
  let step = 0;
  dates.forEach((d, i) => {
    if (d <= day) step = i;
  });
  return step;
}

/** Days between two ISO dates. */
export const daysBetween = (from: string, to: string): number => dayOf(to) - dayOf(from);
