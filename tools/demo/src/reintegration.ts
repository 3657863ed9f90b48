// Synthetic reintegration (SPEC §7, §14): a case for every returnee of the return demo who arrived in
// Mali (same region of destination, plan due 30 days after arrival), with assessments, plans under
// the budget ceiling, assistance items and instalments, collective and community projects, monitoring
// visits at 3, 6 and 12 months, RSS baseline and follow-up rounds scored by core, a few satisfaction
// surveys. Pure and deterministic for a seed; follows the return demo month by month.
import { apportion, DEFAULT_BUDGET_CEILING_XOF, type AssistanceDimension, type AssistanceType, type RssInstrument } from '@taama/core';
import { addDays, dayOf, isoOf } from './calendar';
import { DEMO_PERIOD } from './people';
import { DEMO_SITES } from './platform';
import { createRng, type Rng } from './rng';
import { generateReturns } from './returns';
import type { DemoReturnCase } from './returns-types';
import { ReintegrationPlanner, type Intake } from './reintegration-plan';
import { COMMUNITY_MEMBERS, PROJECT_NAMES } from './reintegration-texts';
import type { DemoProject, DemoReintegrationBatch, DemoReintegrationCase } from './reintegration-types';

export type * from './reintegration-types';

/** Collective and community projects at scale 1, over the period. */
export const PROJECTS_AT_SCALE_1 = 60;
/** Plan due this many days after arrival (the setting's default). */
export const PLAN_DUE_DAYS = 30;
export const BUDGET_CEILING_XOF = DEFAULT_BUDGET_CEILING_XOF;

const END = dayOf(DEMO_PERIOD.end);
/** Months in the period: a share of the projects forms each month. */
const MONTHS = 48;

/** The organisation's first site (by code) in a region, as the server numbers a case without a site. */
function siteOfRegion(region: string): string | null {
  return [...DEMO_SITES].sort((a, b) => a.code.localeCompare(b.code)).find((s) => s.organisation === 'iom' && s.pcode.startsWith(region))?.code ?? null;
}
/** The site whose series numbers a case: the region's site, else the organisation's first site by code. */
function numberingSite(region: string): string {
  const sorted = [...DEMO_SITES].sort((a, b) => a.code.localeCompare(b.code));
  const site = sorted.find((s) => s.organisation === 'iom' && s.pcode.startsWith(region)) ?? sorted[0];
  if (!site) throw new Error('the demo has no site');
  return site.caseCodePrefix;
}

/** The inbound arrivals of a batch of the return demo: each opens one reintegration case. */
export function intakesOf(cases: readonly DemoReturnCase[]): Intake[] {
  return cases.flatMap((c) =>
    c.direction === 'inbound' && c.arrival && c.destinationPcode
      ? [{ returnCase: c.caseNumber, person: c.person, arrivedOn: c.arrival.arrivedOn, destinationPcode: c.destinationPcode, vulnerable: c.arrival.vulnerable, medical: c.medical }]
      : [],
  );
}

class ReintegrationGenerator {
  private readonly rng: Rng;
  private readonly planner: ReintegrationPlanner;
  private readonly sequences = new Map<string, number>();
  private projectsOwed = 0;
  private nextProject = 1;

  constructor(
    private readonly options: { seed: number; scale: number },
    instrument: RssInstrument,
  ) {
    this.rng = createRng((options.seed ^ 0x5eed_0005) >>> 0);
    this.planner = new ReintegrationPlanner(this.rng, instrument);
  }

  private caseNumber(region: string, on: string): string {
    const series = `ML-${numberingSite(region)}-RI`;
    const key = `${series}|${on.slice(0, 4)}`;
    const value = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, value);
    return `${series}-${on.slice(0, 4)}-${String(value).padStart(6, '0')}`;
  }

  *batches(months: Iterable<Intake[]>): Generator<DemoReintegrationBatch> {
    for (const month of months) {
      const intakes = [...month].sort((a, b) => a.arrivedOn.localeCompare(b.arrivedOn));
      this.projectsOwed += (PROJECTS_AT_SCALE_1 * this.options.scale) / MONTHS;
      if (intakes.length === 0) continue;
      const cases = intakes.map((intake) => this.open(intake));
      for (const c of cases) this.planner.intake(c);
      const projects = this.projects(cases);
      for (const c of cases) {
        this.planner.follow(c);
        ReintegrationPlanner.sortEvents(c);
      }
      yield { cases, projects };
    }
  }

  private open(intake: Intake): DemoReintegrationCase {
    const region = intake.destinationPcode.slice(0, 4);
    const c: DemoReintegrationCase = {
      caseNumber: this.caseNumber(region, intake.arrivedOn), returnCase: intake.returnCase, person: intake.person, regionPcode: region, site: siteOfRegion(region),
      counsellor: null, referredTo: null, arrivedOn: intake.arrivedOn, planDueOn: addDays(intake.arrivedOn, PLAN_DUE_DAYS), openedOn: intake.arrivedOn, closedOn: null,
      status: 'eligible', statusBefore: null, events: [], assessments: [], plan: null, items: [], visits: [], rss: [], satisfaction: [],
    };
    this.planner.remember(c, intake);
    return c;
  }

  /** About sixty projects over the period, each grouping 3–10 returnees of a region with approved plans. */
  private projects(cases: DemoReintegrationCase[]): DemoProject[] {
    const out: DemoProject[] = [];
    const free = cases.filter((c) => this.planner.canJoinProject(c));
    while (this.projectsOwed >= 1) {
      const byRegion = new Map<string, DemoReintegrationCase[]>();
      for (const c of free) if (!this.planner.inProject(c)) byRegion.set(c.regionPcode, [...(byRegion.get(c.regionPcode) ?? []), c]);
      const [region, pool] = [...byRegion.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? ['', []];
      if (pool.length < 3) break;
      this.projectsOwed -= 1;
      out.push(this.project(region, pool.slice(0, Math.min(pool.length, this.rng.int(3, 10)))));
    }
    return out;
  }

  private project(region: string, chosen: DemoReintegrationCase[]): DemoProject {
    let members = chosen;
    const kind = this.rng.weighted({ business_startup: 55, vocational_training: 15, food_water: 15, group_activity: 15 }) as AssistanceType;
    const dimension: AssistanceDimension = kind === 'food_water' ? 'social' : kind === 'group_activity' ? 'psychosocial' : 'economic';
    const level = this.rng.next() < 0.25 ? 'community' : 'collective';
    const community = level === 'community' ? this.rng.int(1, 3) : 0;
    // At most ten beneficiaries in all: community members take the places of returnees.
    members = members.slice(0, Math.max(3, 10 - community));
    const names = Array.from({ length: community }, () => this.rng.pick(COMMUNITY_MEMBERS));
    const count = members.length + community;
    const budgetXof = count * this.rng.int(dimension === 'economic' ? 50 : 15, dimension === 'economic' ? 110 : 40) * 10_000;
    // Shares are given (unequal contributions) for a third of the projects, else split equally.
    let shares: (number | null)[] = Array.from({ length: count }, () => null);
    if (this.rng.next() < 0.35) {
      const weights = Array.from({ length: count }, () => this.rng.int(2, 6));
      const total = weights.reduce((s, w) => s + w, 0);
      shares = weights.map((w) => Math.round((10_000 * w) / total) / 100);
      const others = shares.slice(1).reduce<number>((s, x) => s + (x ?? 0), 0);
      shares[0] = Math.round((100 - others) * 100) / 100;
    }
    const split = apportion(budgetXof, shares);
    if (!split.ok) throw new Error(`demo project shares: ${split.message}`);
    const created = Math.max(...members.map((m) => dayOf(m.plan?.approvedOn ?? m.openedOn)));
    const key = `P-${String(this.nextProject++).padStart(4, '0')}`;
    const first = members[0];
    const p: DemoProject = {
      key, name: `${this.rng.pick(PROJECT_NAMES[kind] ?? ['Projet collectif'])} n° ${Number(key.slice(2))}`, level, type: kind, dimension, regionPcode: region, communePcode: first ? this.planner.pcodeOf(first) : null,
      budgetXof, createdOn: isoOf(created), beneficiaries: [],
    };
    const delivered = created + this.rng.int(20, 90);
    [...members, ...names].forEach((m, i) => {
      const amount = split.amounts[i] ?? 0;
      const share = shares[i] ?? null;
      if (typeof m === 'string') p.beneficiaries.push({ caseNumber: null, communityMemberName: m, sharePercent: share, apportionedXof: amount });
      else {
        p.beneficiaries.push({ caseNumber: m.caseNumber, communityMemberName: null, sharePercent: share, apportionedXof: amount });
        this.planner.joinProject(m, p, amount, delivered <= END ? delivered : null);
      }
    });
    return p;
  }
}

/** The inbound arrivals of the return demo, month by month, generated afresh. */
function* intakesByMonth(options: { seed: number; scale: number }): Generator<Intake[]> {
  for (const batch of generateReturns(options)) yield intakesOf(batch.cases);
}

/**
 * The reintegration demo for a seed and scale, scored against `instrument` (the default RSS
 * instrument). `months` are the return demo's arrivals month by month when the caller kept them
 * (see generateDemo); otherwise the return demo is generated again (same seed, same arrivals).
 */
export function* generateReintegration(options: { seed: number; scale: number }, instrument: RssInstrument, months?: Iterable<Intake[]>): Generator<DemoReintegrationBatch> {
  yield* new ReintegrationGenerator(options, instrument).batches(months ?? intakesByMonth(options));
}

export type { Intake } from './reintegration-plan';
