// The shapes of the reintegration API as the screens read them: core's schemas and code lists
// (SPEC §7), plus the few response shapes core declares only as schemas (written out here to match).
import type { AssistanceDimension, AssistanceLevel, AssistanceType, RssResult, RssScores } from '@taama/core';

export {
  ASSESSMENT_KINDS,
  ASSISTANCE_DIMENSIONS,
  ASSISTANCE_LEVELS,
  ASSISTANCE_MODES,
  ASSISTANCE_STATUSES,
  ASSISTANCE_TRANSITIONS,
  ASSISTANCE_TYPES,
  ASSISTANCE_TYPES_BY_DIMENSION,
  BUSINESS_STATUSES,
  PLAN_STATUSES,
  REINTEGRATION_STATUSES,
  RSS_ROUNDS,
  SPOT_CHECK_OUTCOMES,
  VISIT_STATUSES,
} from '@taama/core';
export type {
  Assessment,
  AssessmentInput,
  AssessmentKind,
  AssistanceDimension,
  AssistanceItem,
  AssistanceItemInput,
  AssistanceLevel,
  AssistanceMode,
  AssistanceStatus,
  AssistanceType,
  BudgetView,
  BusinessStatus,
  Instalment,
  Plan,
  PlanStatus,
  ProjectInput,
  ProjectPatch,
  ReintegrationCase,
  ReintegrationCaseInput,
  ReintegrationCasePatch,
  ReintegrationCaseSummary,
  ReintegrationDashboard,
  ReintegrationStatus,
  RssInput,
  RssInstrument,
  RssItem,
  RssResult,
  RssRound,
  RssScores,
  Satisfaction,
  SatisfactionInput,
  SpotCheck,
  SpotCheckOutcome,
  Visit,
  VisitOutcomeInput,
  VisitStatus,
} from '@taama/core';

export const RSS_SCORE_KEYS = ['economic', 'social', 'psychosocial', 'composite'] as const;
export type RssScoreKey = (typeof RSS_SCORE_KEYS)[number];

interface UserRef {
  id: string;
  displayName: string;
}

/** One beneficiary of a collective or community project. */
export interface ProjectBeneficiary {
  id: string;
  reintegrationCaseId: string | null;
  caseNumber: string | null;
  communityMemberName: string | null;
  sharePercent: number | null;
  apportionedXof: number;
}

/** A collective or community project (GET /reintegration-projects/{id}). */
export interface Project {
  id: string;
  name: string;
  level: 'collective' | 'community';
  type: AssistanceType;
  dimension: AssistanceDimension;
  regionPcode: string;
  communePcode: string | null;
  budgetXof: number;
  beneficiaries: ProjectBeneficiary[];
  version: number;
}

/** A row of the projects list. */
export interface ProjectSummary {
  id: string;
  name: string;
  level: 'collective' | 'community';
  type: AssistanceType;
  dimension: AssistanceDimension;
  regionPcode: string;
  budgetXof: number;
  beneficiaryCount: number;
  version: number;
}

/** A project's budget: apportioned and disbursed per beneficiary. */
export interface ProjectBudget {
  budgetXof: number;
  disbursedXof: number;
  beneficiaries: { reintegrationCaseId: string | null; communityMemberName: string | null; apportionedXof: number; disbursedXof: number }[];
}

/** One entry of a case's history. */
export interface ReintegrationEvent {
  id: string;
  at: string;
  by: UserRef | null;
  action: string;
  details: Record<string, unknown>;
}

/** A row of the instruments list. */
export interface RssInstrumentSummary {
  version: string;
  status: 'unverified' | 'verified';
  inUse: boolean;
  createdAt: string;
  itemCount: number;
  bands: Record<string, unknown> | null;
}

/** A case's RSS results and the latest follow-up minus baseline. */
export interface RssResults {
  items: RssResult[];
  change: { from: string; to: string; scores: RssScores } | null;
}

/** The RSS aggregates: 10-bin distributions per score and mean change per assistance type. */
export interface RssSummary {
  instrumentStatus: 'unverified' | 'verified';
  distributions: Record<'economic' | 'social' | 'psychosocial' | 'composite', number[]>;
  change: { assistanceType: AssistanceType; level: AssistanceLevel; n: number; meanChange: RssScores }[];
}
