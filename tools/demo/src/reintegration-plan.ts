// The course of one reintegration case: counselling and assessments, the plan and its items under
// the ceiling, approval by a second officer, deliveries and instalments, monitoring visits, RSS
// rounds, satisfaction; statuses change on the dates these happen and never after the period.
import { ASSISTANCE_TYPES_BY_DIMENSION, DEFAULT_BUDGET_CEILING_XOF, SATISFACTION_QUESTIONS, type AssistanceDimension, type AssistanceType, type BusinessStatus, type ReintegrationStatus, type RssInstrument } from '@taama/core';
import { dayOf, isoOf } from './calendar';
import { DEMO_PERIOD } from './people';
import type { Rng } from './rng';
import type { DemoPersonRef } from './returns-people';
import { baselineWellbeing, followupWellbeing, surveyRss, type Wellbeing } from './reintegration-rss';
import { ITEM_COST_XOF, ITEM_DESCRIPTIONS, PLAN_GOALS, PROVIDERS, REFERRAL_TYPES, SATISFACTION_COMMENTS, VISIT_FINDINGS } from './reintegration-texts';
import type { DemoAssistanceItem, DemoProject, DemoReintegrationCase, DemoRssResult } from './reintegration-types';

/** What the return demo tells about a returnee who arrived in Mali. */
export interface Intake { returnCase: string; person: DemoPersonRef; arrivedOn: string; destinationPcode: string; vulnerable: boolean; medical: boolean }

const END = dayOf(DEMO_PERIOD.end);
/** The Kayes officers: one counsels and submits plans, the other approves them (four eyes). */
export const REINTEGRATION_OFFICER = 'reintegration.kayes';
export const PLAN_APPROVER = 'reintegration.supervisor';
const DESK = 'return.officer';
const VISIT_MONTHS = [3, 6, 12];

interface Hidden { intake: Intake; wellbeing: Wellbeing; deliver: boolean; project: string | null; approved: number | null }

/** Rounds down to 5,000 XOF, as budgets are written. */
const round5000 = (x: number) => Math.floor(x / 5000) * 5000;

export class ReintegrationPlanner {
  private readonly hidden = new WeakMap<DemoReintegrationCase, Hidden>();

  constructor(
    private readonly rng: Rng,
    private readonly instrument: RssInstrument,
  ) {}

  private chance(p: number): boolean {
    return this.rng.next() < p;
  }

  private state(c: DemoReintegrationCase): Hidden {
    const h = this.hidden.get(c);
    if (!h) throw new Error(`demo reintegration case ${c.caseNumber} was not opened`);
    return h;
  }

  /** Keeps what the generator knows of the returnee next to the case. */
  remember(c: DemoReintegrationCase, intake: Intake): void {
    this.hidden.set(c, { intake, wellbeing: baselineWellbeing(this.rng), deliver: this.chance(0.82), project: null, approved: null });
  }

  /** The returnee's home P-code (a cercle), for a project's location. */
  pcodeOf(c: DemoReintegrationCase): string {
    return this.state(c).intake.destinationPcode;
  }

  /** A status change, recorded as the server records it; `automatic` names what moved the case by itself. */
  private move(c: DemoReintegrationCase, day: number, to: ReintegrationStatus, by: string | null, note?: string, automatic?: string): void {
    c.events.push({ on: isoOf(day), by, action: 'status_changed', details: { from: c.status, to, ...(note ? { note } : {}), ...(automatic ? { automatic } : {}) } });
    if (to === 'suspended' || to === 'lost_contact') c.statusBefore = c.status;
    c.status = to;
    if (to === 'completed' || to === 'withdrawn') c.closedOn = isoOf(day);
  }

  /** Counselling, assessments, RSS baseline and the plan up to its approval (what happens before projects form). */
  intake(c: DemoReintegrationCase): void {
    const h = this.state(c);
    const arrived = dayOf(c.arrivedOn);
    const kayes = c.regionPcode === 'ML01';
    const officer = kayes ? REINTEGRATION_OFFICER : null;
    c.counsellor = officer;
    c.events.push({ on: c.openedOn, by: DESK, action: 'opened', details: { caseNumber: c.caseNumber, returnCase: c.returnCase } });
    if (this.chance(0.08)) c.referredTo = 'mmeia';
    if (this.chance(0.025)) {
      const day = arrived + this.rng.int(5, 60);
      if (day <= END) this.move(c, day, 'withdrawn', officer, 'Ne souhaite pas d’accompagnement.');
      return;
    }
    const counselled = arrived + this.rng.int(3, 25);
    if (counselled > END) return;
    this.assess(c, counselled, officer, h.intake);
    for (const a of c.assessments) c.events.push({ on: a.assessedOn, by: officer, action: 'assessed', details: { kind: a.kind } });
    this.move(c, counselled, 'counselled', officer, undefined, 'first assessment');
    if (this.chance(0.9)) this.rssRound(c, 'baseline', counselled, h.wellbeing, officer);
    // A few returnees cannot be reached after counselling: their plan is overdue.
    if (this.chance(0.03)) return;
    const submitted = Math.max(counselled + 2, arrived + (this.chance(0.75) ? this.rng.int(12, 30) : this.rng.int(31, 90)));
    const goals = Array.from(new Set([this.rng.pick(PLAN_GOALS), this.rng.pick(PLAN_GOALS)]));
    if (submitted > END) {
      if (this.chance(0.5)) c.plan = { status: 'draft', goals, createdOn: isoOf(counselled + 1), submittedOn: null, submittedBy: null, approvedOn: null, approvedBy: null, returnedNote: null };
      return;
    }
    c.plan = { status: 'submitted', goals, createdOn: isoOf(counselled + 1), submittedOn: isoOf(submitted), submittedBy: officer, approvedOn: null, approvedBy: null, returnedNote: null };
    c.items = this.items(h.intake);
    let final = submitted;
    c.events.push({ on: isoOf(submitted), by: officer, action: 'plan_submitted', details: {} });
    if (this.chance(0.05) && submitted + 12 <= END) {
      c.plan.returnedNote = 'Préciser le devis du fournisseur.';
      c.events.push({ on: isoOf(submitted + 2), by: kayes ? PLAN_APPROVER : null, action: 'plan_returned', details: { note: c.plan.returnedNote } });
      final = submitted + this.rng.int(4, 12);
      c.plan.submittedOn = isoOf(final);
      c.events.push({ on: isoOf(final), by: officer, action: 'plan_submitted', details: {} });
    }
    const approved = final + this.rng.int(1, 10);
    if (approved > END) return;
    Object.assign(c.plan, { status: 'approved', approvedOn: isoOf(approved), approvedBy: kayes ? PLAN_APPROVER : null, returnedNote: null });
    c.events.push({ on: isoOf(approved), by: kayes ? PLAN_APPROVER : null, action: 'plan_approved', details: {} });
    for (const item of c.items) Object.assign(item, { status: 'approved', approvedOn: isoOf(approved) });
    this.move(c, approved, 'plan_approved', kayes ? PLAN_APPROVER : null, undefined, 'plan approved');
    h.approved = approved;
  }

  private assess(c: DemoReintegrationCase, day: number, by: string | null, intake: Intake): void {
    const on = isoOf(day);
    const household = this.rng.int(1, 12);
    c.assessments.push({ kind: 'needs', assessedOn: on, by, notes: null, answers: { priorities: Array.from(new Set([this.rng.pick(['income', 'housing', 'health', 'documents', 'family']), 'income'])), householdSize: household, dependants: this.rng.int(0, household - 1) } });
    if (this.chance(0.6)) c.assessments.push({ kind: 'skills', assessedOn: on, by, notes: null, answers: { education: this.rng.pick(['none', 'primary', 'secondary', 'koranic']), previousOccupation: this.rng.pick(['farmer', 'trader', 'mason', 'driver', 'mechanic', 'herder', 'none']), wantsTraining: this.chance(0.5) } });
    if (this.chance(0.35)) c.assessments.push({ kind: 'family', assessedOn: on, by, notes: null, answers: { livesWith: this.rng.pick(['parents', 'spouse', 'alone', 'relatives']), familySupport: this.rng.pick(['strong', 'some', 'weak']) } });
    if (intake.vulnerable || intake.medical) c.assessments.push({ kind: 'vulnerability', assessedOn: on, by, notes: intake.medical ? 'Suivi médical à poursuivre.' : null, answers: { conditions: intake.medical ? ['medical'] : ['psychosocial'], needsReferral: true } });
  }

  private rssRound(c: DemoReintegrationCase, round: DemoRssResult['round'], day: number, level: Wellbeing, by: string | null): void {
    const { answers, scoring } = surveyRss(this.rng, this.instrument, level);
    c.rss.push({ round, surveyedOn: isoOf(day), answers, ...scoring.scores, complete: scoring.complete, band: scoring.band });
    c.events.push({ on: isoOf(day), by, action: 'rss_recorded', details: { round, instrumentVersion: this.instrument.version, composite: scoring.scores.composite, complete: scoring.complete } });
  }

  private item(dimension: AssistanceDimension, type: AssistanceType): DemoAssistanceItem {
    const [min, max] = ITEM_COST_XOF[type];
    const referral = REFERRAL_TYPES.has(type);
    return {
      dimension, level: 'individual', type, mode: referral ? 'referral' : 'direct', provider: this.rng.pick(PROVIDERS[dimension]), inKind: !referral && type !== 'food_water' && this.chance(0.75),
      plannedXof: round5000(min + this.rng.next() * (max - min)), actualXof: null, description: ITEM_DESCRIPTIONS[type] ? this.rng.pick(ITEM_DESCRIPTIONS[type] ?? []) : null,
      status: 'planned', approvedOn: null, deliveredOn: null, cancelledOn: null, project: null, instalments: [],
    };
  }

  /** One to three individual items: mostly a business, often a social item, sometimes counselling; under the ceiling. */
  private items(intake: Intake): DemoAssistanceItem[] {
    const pick = (d: AssistanceDimension, weights?: Record<string, number>) => this.item(d, (weights ? this.rng.weighted(weights) : this.rng.pick(ASSISTANCE_TYPES_BY_DIMENSION[d])) as AssistanceType);
    const items: DemoAssistanceItem[] = [];
    if (this.chance(0.8)) items.push(pick('economic', { business_startup: 60, vocational_training: 12, apprenticeship: 10, job_placement: 6, microcredit_access: 6, financial_counselling: 6 }));
    if (items.length === 0 || this.chance(0.45)) items.push(pick('social', { housing: 20, documentation: 25, health: intake.medical ? 80 : 20, education: 15, food_water: 10, social_protection: 5, justice_rights: 5 }));
    if (intake.vulnerable || this.chance(0.2)) items.push(pick('psychosocial', { individual_counselling: 60, group_activity: 25, clinical_referral: 15 }));
    const unique = items.filter((item, i) => items.findIndex((o) => o.type === item.type) === i);
    const total = unique.reduce((s, i) => s + i.plannedXof, 0);
    const biggest = [...unique].sort((a, b) => b.plannedXof - a.plannedXof)[0];
    if (biggest && total > DEFAULT_BUDGET_CEILING_XOF) biggest.plannedXof = round5000(biggest.plannedXof - (total - DEFAULT_BUDGET_CEILING_XOF));
    return unique;
  }

  /** A case can join a project when its plan is approved and it plans an individual business. */
  canJoinProject(c: DemoReintegrationCase): boolean {
    return c.plan?.status === 'approved' && c.items.some((i) => i.dimension === 'economic' && i.level === 'individual');
  }

  inProject(c: DemoReintegrationCase): boolean {
    return this.state(c).project !== null;
  }

  /** The case's economic item becomes its share of the project; the rest stays under the ceiling. */
  joinProject(c: DemoReintegrationCase, p: DemoProject, amountXof: number, deliveredOn: number | null): void {
    const h = this.state(c);
    h.project = p.key;
    const others = c.items.filter((i) => !(i.dimension === 'economic' && i.level === 'individual'));
    const room = DEFAULT_BUDGET_CEILING_XOF - amountXof;
    let used = 0;
    const kept = others.filter((i) => (used += i.plannedXof) <= room);
    const share: DemoAssistanceItem = {
      dimension: p.dimension, level: p.level, type: p.type, mode: 'direct', provider: this.rng.pick(PROVIDERS[p.dimension]), inKind: true, plannedXof: amountXof, actualXof: null,
      description: p.name, status: 'approved', approvedOn: c.plan?.approvedOn ?? null, deliveredOn: deliveredOn === null ? null : isoOf(deliveredOn), cancelledOn: null, project: p.key, instalments: [],
    };
    c.items = [share, ...kept];
  }

  /** After approval: visits, deliveries, statuses, follow-up RSS and satisfaction, all by the end of the period. */
  follow(c: DemoReintegrationCase): void {
    const h = this.state(c);
    if (h.approved === null) return;
    const approved = h.approved;
    const officer = c.counsellor;
    // Visits first: a returnee missed twice is out of contact, and nothing is delivered after that.
    let lostOn: number | null = null;
    let missed = 0;
    for (const months of VISIT_MONTHS) {
      const day = approved + Math.round(months * 30.4);
      if (day > END || lostOn !== null) {
        c.visits.push({ scheduledOn: isoOf(day), monthsAfterApproval: months, status: 'scheduled', visitedOn: null, findings: null, businessStatus: null });
        continue;
      }
      const done = this.chance(0.84);
      missed = done ? 0 : missed + 1;
      if (missed >= 2 && this.chance(0.6)) lostOn = day;
      c.visits.push({ scheduledOn: isoOf(day), monthsAfterApproval: months, status: done ? 'done' : 'missed', visitedOn: done ? isoOf(Math.min(END, day + this.rng.int(0, 10))) : null, findings: null, businessStatus: null });
    }
    const limit = Math.min(END, lostOn ?? END);
    for (const item of c.items) {
      if (item.project) {
        if (item.deliveredOn && dayOf(item.deliveredOn) > limit) item.deliveredOn = null;
      } else if (this.chance(0.04)) {
        Object.assign(item, { status: 'cancelled', cancelledOn: isoOf(Math.min(limit, approved + this.rng.int(5, 60))) });
        continue;
      } else if (h.deliver || this.chance(0.3)) {
        const day = approved + this.rng.int(7, 100);
        item.deliveredOn = day <= limit ? isoOf(day) : null;
      }
      if (item.deliveredOn) {
        this.deliver(item);
        c.events.push({ on: item.deliveredOn, by: officer, action: 'item_status_changed', details: { type: item.type, from: 'approved', to: 'delivered', on: item.deliveredOn } });
      }
    }
    const deliveries = c.items.flatMap((i) => (i.deliveredOn ? [dayOf(i.deliveredOn)] : [])).sort((a, b) => a - b);
    const first = deliveries[0];
    if (first !== undefined) {
      this.move(c, first, 'in_progress', officer, undefined, 'first assistance delivered');
    }
    this.visitFindings(c);
    const twelve = c.visits.find((v) => v.monthsAfterApproval === 12 && v.status === 'done');
    if (twelve?.visitedOn && c.rss.some((r) => r.round === 'baseline') && this.chance(0.75)) {
      const helped = new Set(c.items.filter((i) => i.deliveredOn).map((i) => i.dimension));
      this.rssRound(c, 'followup', dayOf(twelve.visitedOn), followupWellbeing(this.rng, h.wellbeing, helped), officer);
    }
    const last = deliveries[deliveries.length - 1];
    if (last !== undefined && this.chance(0.12) && last + 30 <= END) {
      const answers = Object.fromEntries(SATISFACTION_QUESTIONS.map((q) => [q, Number(this.rng.weighted({ 5: 35, 4: 40, 3: 15, 2: 7, 1: 3 }))]));
      const values = Object.values(answers);
      c.satisfaction.push({ surveyedOn: isoOf(last + this.rng.int(14, 30)), answers, meanScore: Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100, comment: this.chance(0.4) ? this.rng.pick(SATISFACTION_COMMENTS) : null });
      const survey = c.satisfaction[c.satisfaction.length - 1];
      if (survey) c.events.push({ on: survey.surveyedOn, by: officer, action: 'satisfaction_recorded', details: { meanScore: survey.meanScore } });
    }
    if (lostOn !== null) this.move(c, lostOn, 'lost_contact', officer, 'Deux visites manquées, téléphone injoignable.');
    else if (c.status === 'in_progress' && twelve?.visitedOn && c.items.every((i) => i.status === 'cancelled' || i.deliveredOn) && this.chance(0.85)) this.move(c, Math.max(dayOf(twelve.visitedOn), last ?? 0), 'completed', officer);
    else if (c.status === 'in_progress' && this.chance(0.015)) this.move(c, Math.min(END, (last ?? approved) + this.rng.int(5, 40)), 'suspended', officer, 'Bénéficiaire parti en saison de travail.');
  }

  /** Puts the case's history in date order (visits and deliveries are drawn after the plan). */
  static sortEvents(c: DemoReintegrationCase): void {
    c.events.sort((a, b) => a.on.localeCompare(b.on));
  }

  /** A delivered item: actual amount near the plan, paid in instalments (a business in two or three). */
  private deliver(item: DemoAssistanceItem): void {
    item.status = 'delivered';
    const delivered = dayOf(item.deliveredOn ?? '');
    const approved = item.approvedOn ? dayOf(item.approvedOn) : delivered;
    item.actualXof = item.plannedXof === 0 ? 0 : Math.min(item.plannedXof, round5000(item.plannedXof * (0.92 + this.rng.next() * 0.08)) || item.plannedXof);
    if (item.actualXof === 0) return;
    const parts = item.type === 'business_startup' && item.level === 'individual' ? this.rng.int(2, 3) : 1;
    let left = item.actualXof;
    for (let i = parts - 1; i >= 0; i--) {
      const amount = i === 0 ? left : round5000(left / (i + 1));
      left -= amount;
      item.instalments.push({ amountXof: amount, disbursedOn: isoOf(Math.max(approved, delivered - i * this.rng.int(10, 25))) });
    }
  }

  private visitFindings(c: DemoReintegrationCase): void {
    const business = c.items.find((i) => i.dimension === 'economic' && i.deliveredOn);
    for (const v of c.visits) {
      if (v.status === 'missed') c.events.push({ on: v.scheduledOn, by: c.counsellor, action: 'visit_recorded', details: { status: 'missed' } });
      if (v.status !== 'done' || !v.visitedOn) continue;
      const running = business?.deliveredOn && business.deliveredOn <= v.visitedOn;
      const status = running ? (this.rng.weighted({ operating: 64, struggling: 22, closed: 9, sold: 5 }) as BusinessStatus) : null;
      Object.assign(v, { businessStatus: status, findings: this.rng.pick(VISIT_FINDINGS[status ?? 'none']) });
      c.events.push({ on: v.visitedOn, by: c.counsellor, action: 'visit_recorded', details: { status: 'done', ...(status ? { businessStatus: status } : {}) } });
    }
  }
}
