// The shapes of the reintegration API (SPEC §7, issue 5 contract) as the screens read them. The code
// lists come from core; the response shapes are written here so the screens stay typed while the
// server's own schemas settle (they are structurally the same).
import type { PersonSummary } from '@taama/core';

export const REINTEGRATION_STATUSES = ['eligible', 'counselled', 'plan_approved', 'in_progress', 'completed', 'suspended', 'withdrawn', 'lost_contact'] as const;
export type ReintegrationStatus = (typeof REINTEGRATION_STATUSES)[number];
export const ASSISTANCE_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
export type AssistanceDimension = (typeof ASSISTANCE_DIMENSIONS)[number];
export const ASSISTANCE_LEVELS = ['individual', 'collective', 'community'] as const;
export type AssistanceLevel = (typeof ASSISTANCE_LEVELS)[number];
/** Assistance types by dimension, exactly as SPEC §7 lists them. */
export const ASSISTANCE_TYPES = {
  economic: ['business_startup', 'microcredit_access', 'job_placement', 'apprenticeship', 'vocational_training', 'financial_counselling'],
  social: ['housing', 'documentation', 'social_protection', 'education', 'health', 'food_water', 'justice_rights'],
  psychosocial: ['individual_counselling', 'group_activity', 'clinical_referral'],
} as const satisfies Record<AssistanceDimension, readonly string[]>;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[AssistanceDimension][number];
export const ALL_ASSISTANCE_TYPES: readonly AssistanceType[] = ASSISTANCE_DIMENSIONS.flatMap((d) => ASSISTANCE_TYPES[d]);
export const ASSISTANCE_MODES = ['direct', 'referral'] as const;
export type AssistanceMode = (typeof ASSISTANCE_MODES)[number];
export const ASSISTANCE_STATUSES = ['planned', 'approved', 'delivered', 'cancelled'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const VISIT_STATUSES = ['scheduled', 'done', 'missed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const BUSINESS_STATUSES = ['operating', 'struggling', 'closed', 'sold'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];
export const RSS_ROUNDS = ['baseline', 'followup'] as const;
export type RssRound = (typeof RSS_ROUNDS)[number];
export const SPOT_CHECK_OUTCOMES = ['confirmed', 'discrepancy', 'not_found'] as const;
export type SpotCheckOutcome = (typeof SPOT_CHECK_OUTCOMES)[number];
export const ASSESSMENT_KINDS = ['needs', 'skills', 'family', 'vulnerability'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const RSS_SCORE_KEYS = ['economic', 'social', 'psychosocial', 'composite'] as const;
export type RssScoreKey = (typeof RSS_SCORE_KEYS)[number];

/** The four RSS scores in [0, 1]; null when too little was answered. */
export type RssScores = Record<RssScoreKey, number | null>;

export interface NamedRef {
  id: string;
  name?: string | null;
  displayName?: string | null;
}

export interface ReintegrationCaseSummary {
  id: string;
  caseNumber: string;
  status: ReintegrationStatus;
  person: PersonSummary;
  regionPcode: string;
  counsellor: NamedRef | null;
  arrivedOn: string | null;
  planDueOn: string | null;
  planOverdue: boolean;
  nextVisitOn: string | null;
  visitOverdue: boolean;
  budgetPlannedXof: number;
  budgetDisbursedXof: number;
  latestRss: { round: RssRound; composite: number | null; complete: boolean } | null;
  version: number;
}

export interface Assessment {
  id: string;
  kind: AssessmentKind;
  assessedOn: string;
  answers: Record<string, unknown>;
  notes?: string | null;
}

export interface Instalment {
  id: string;
  amountXof: number;
  disbursedOn: string;
}

export interface AssistanceItem {
  id: string;
  dimension: AssistanceDimension;
  level: AssistanceLevel;
  type: AssistanceType;
  mode: AssistanceMode;
  provider?: string | null;
  inKind: boolean;
  plannedXof: number;
  description?: string | null;
  projectId?: string | null;
  status: AssistanceStatus;
  deliveredOn?: string | null;
  instalments?: Instalment[];
  disbursedXof?: number;
  hasCertificate?: boolean;
  /** This beneficiary's apportioned share of a collective or community item. */
  apportionedXof?: number | null;
  version: number;
}

/** An assistance item as the plan builder sends it. */
export interface AssistanceItemInput {
  id?: string;
  dimension: AssistanceDimension;
  level: AssistanceLevel;
  type: AssistanceType;
  mode: AssistanceMode;
  provider?: string;
  inKind: boolean;
  plannedXof: number;
  description?: string;
  projectId?: string;
}

export interface Plan {
  id: string;
  status: PlanStatus;
  goals: string[];
  submittedBy?: string | null;
  submittedAt?: string | null;
  approvedBy?: string | null;
  approvedAt?: string | null;
  returnNote?: string | null;
  version: number;
}

export interface Visit {
  id: string;
  dueOn: string;
  status: VisitStatus;
  visitedOn?: string | null;
  findings?: string | null;
  businessStatus?: BusinessStatus | null;
  overdue?: boolean;
}

export interface RssResult {
  id: string;
  round: RssRound;
  instrumentVersion: string;
  instrumentStatus?: 'unverified' | 'verified';
  surveyedOn?: string | null;
  scores: RssScores;
  complete: boolean;
  band?: string | null;
}

export interface CaseEvent {
  id: string;
  at: string;
  kind?: string;
  type?: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  actorName?: string | null;
}

export interface ReintegrationCase extends Omit<ReintegrationCaseSummary, 'latestRss'> {
  siteId?: string | null;
  organisationId?: string | null;
  referredToOrganisationId?: string | null;
  referredFrom?: string | null;
  openedOn?: string;
  assessments: Assessment[];
  plan: Plan | null;
  items: AssistanceItem[];
  visits: Visit[];
  rss: RssResult[];
  events: CaseEvent[];
  abilities: {
    update?: boolean;
    approve?: boolean;
    nextStatuses?: ReintegrationStatus[];
    transitions?: ReintegrationStatus[];
    [key: string]: unknown;
  };
}

export interface ReintegrationCaseInput {
  id?: string;
  personId: string;
  regionPcode: string;
  siteId?: string;
  counsellorId?: string;
  returnCaseId?: string;
  arrivedOn?: string;
  referredToOrganisationId?: string;
  referredFrom?: string;
}

export interface CaseBudget {
  ceilingXof: number;
  plannedXof: number;
  disbursedXof: number;
  remainingXof: number;
  items: AssistanceItem[];
}

export interface RssOption {
  value: string;
  score: number | null;
  label?: { fr?: string; en?: string };
}

/** A condition under which a question is asked: another item's answer is (one of) the given value(s). */
export interface RssCondition {
  item: string;
  equals?: string;
  in?: string[];
}

export interface RssItem {
  code: string;
  dimension: AssistanceDimension;
  weight: number;
  compositeWeight: number;
  missingScore?: number | null;
  label?: { fr?: string; en?: string };
  note?: string;
  options?: RssOption[];
  derived?: { op: 'mean' | 'sum'; of: string[]; clamp?: [number, number] };
  askIf?: RssCondition;
  askedIf?: RssCondition;
  when?: RssCondition;
}

export interface RssBands {
  status?: string;
  [band: string]: unknown;
}

export interface RssInstrument {
  version: string;
  status: 'unverified' | 'verified';
  source?: string;
  minAnsweredShare: number;
  bands?: RssBands | null;
  items: RssItem[];
}

export interface RssInstrumentSummary {
  version: string;
  status: 'unverified' | 'verified';
  inUse: boolean;
  createdAt: string;
  itemCount: number;
  bands?: RssBands | null;
}

export interface RssSubmission {
  round: RssRound;
  instrumentVersion?: string;
  surveyedOn?: string;
  answers: Record<string, string | null>;
}

export interface ProjectBeneficiary {
  id?: string;
  reintegrationCaseId?: string | null;
  caseNumber?: string | null;
  personName?: string | null;
  communityMemberName?: string | null;
  sharePercent: number;
  apportionedXof?: number;
}

export interface ReintegrationProject {
  id: string;
  name: string;
  level: 'collective' | 'community';
  type: AssistanceType;
  dimension: AssistanceDimension;
  regionPcode: string;
  communePcode?: string | null;
  budgetXof: number;
  beneficiaries: ProjectBeneficiary[];
  version: number;
}

export interface ProjectInput {
  name: string;
  level: 'collective' | 'community';
  type: AssistanceType;
  dimension: AssistanceDimension;
  regionPcode: string;
  communePcode?: string;
  budgetXof: number;
  beneficiaries: { reintegrationCaseId?: string; communityMemberName?: string; sharePercent?: number }[];
}

export interface OverdueVisit extends Visit {
  caseId: string;
  caseNumber: string;
  person?: PersonSummary;
}

export interface SpotCheckItem {
  itemId: string;
  caseId: string;
  caseNumber?: string;
  type?: AssistanceType;
  plannedXof?: number;
  outcome?: SpotCheckOutcome | null;
  note?: string | null;
}

export interface SpotCheck {
  id: string;
  percent: number;
  seed: string | number;
  createdAt: string;
  items: SpotCheckItem[];
}

export interface ReintegrationDashboard {
  funnel: { status: ReintegrationStatus; count: number }[];
  assistanceByType: { type: AssistanceType; dimension: AssistanceDimension; count: number; plannedXof: number; disbursedXof: number }[];
  byRegion: { pcode: string; count: number }[];
  plansOverdue: number;
  visitsOverdue: number;
}

export interface RssSummary {
  instrumentStatus: 'unverified' | 'verified';
  distributions: Record<Exclude<RssScoreKey, never>, number[]>;
  change: { assistanceType: AssistanceType; level: AssistanceLevel; n: number; meanChange: RssScores }[];
}
