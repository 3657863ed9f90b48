// The shapes of the reintegration API as the screens read them: core's schemas and code lists
// (SPEC §7), plus the one shape core declares only as a schema (written out here to match).
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
  Project,
  ProjectBeneficiary,
  ProjectBudget,
  ProjectInput,
  ProjectPatch,
  ProjectSummary,
  ReintegrationCase,
  ReintegrationCaseInput,
  ReintegrationCasePatch,
  ReintegrationCaseSummary,
  ReintegrationDashboard,
  ReintegrationStatus,
  RssInput,
  RssInstrument,
  RssItem,
  RssInstrumentListItem as RssInstrumentSummary,
  RssResult,
  RssResults,
  RssRound,
  RssSummary,
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

/** One entry of a case's history (core declares it only as a schema). */
export interface ReintegrationEvent {
  id: string;
  at: string;
  by: UserRef | null;
  action: string;
  details: Record<string, unknown>;
}
