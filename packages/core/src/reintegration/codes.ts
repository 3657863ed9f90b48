// Code lists and the case workflow of sustainable reintegration (SPEC §7). Labels live in the web
// app's locales (enums.json).

export const REINTEGRATION_STATUSES = ['eligible', 'counselled', 'plan_approved', 'in_progress', 'completed', 'suspended', 'withdrawn', 'lost_contact'] as const;
export type ReintegrationStatus = (typeof REINTEGRATION_STATUSES)[number];

export const ASSISTANCE_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
export type AssistanceDimension = (typeof ASSISTANCE_DIMENSIONS)[number];

export const ASSISTANCE_LEVELS = ['individual', 'collective', 'community'] as const;
export type AssistanceLevel = (typeof ASSISTANCE_LEVELS)[number];

/** The assistance types of each dimension, exactly as SPEC §7 lists them. */
export const ASSISTANCE_TYPES_BY_DIMENSION = {
  economic: ['business_startup', 'microcredit_access', 'job_placement', 'apprenticeship', 'vocational_training', 'financial_counselling'],
  social: ['housing', 'documentation', 'social_protection', 'education', 'health', 'food_water', 'justice_rights'],
  psychosocial: ['individual_counselling', 'group_activity', 'clinical_referral'],
} as const satisfies Record<AssistanceDimension, readonly string[]>;

export const ASSISTANCE_TYPES = [...ASSISTANCE_TYPES_BY_DIMENSION.economic, ...ASSISTANCE_TYPES_BY_DIMENSION.social, ...ASSISTANCE_TYPES_BY_DIMENSION.psychosocial] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

/** Tells whether an assistance type belongs to a dimension. */
export function typeBelongsTo(type: string, dimension: AssistanceDimension): boolean {
  return (ASSISTANCE_TYPES_BY_DIMENSION[dimension] as readonly string[]).includes(type);
}

export const ASSISTANCE_MODES = ['direct', 'referral'] as const;
export type AssistanceMode = (typeof ASSISTANCE_MODES)[number];

export const ASSISTANCE_STATUSES = ['planned', 'approved', 'delivered', 'cancelled'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

/** Moves an assistance item may make (a delivered or cancelled item is final). */
export const ASSISTANCE_TRANSITIONS: Readonly<Record<AssistanceStatus, readonly AssistanceStatus[]>> = {
  planned: ['approved', 'cancelled'],
  approved: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

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

export const RSS_INSTRUMENT_STATUSES = ['unverified', 'verified'] as const;
export type RssInstrumentStatus = (typeof RSS_INSTRUMENT_STATUSES)[number];

/** The satisfaction survey after assistance (its own small instrument): each question scored 1–5. */
export const SATISFACTION_QUESTIONS = ['overall', 'information_received', 'timeliness', 'assistance_fit', 'staff_respect', 'would_recommend'] as const;
export type SatisfactionQuestion = (typeof SATISFACTION_QUESTIONS)[number];

/** Statuses in which a case is still being worked on. */
export const OPEN_REINTEGRATION_STATUSES: readonly ReintegrationStatus[] = ['eligible', 'counselled', 'plan_approved', 'in_progress', 'suspended', 'lost_contact'];

/** States a case may be parked from (suspended, withdrawn, lost contact): every open, active state. */
const ACTIVE: readonly ReintegrationStatus[] = ['eligible', 'counselled', 'plan_approved', 'in_progress'];

/**
 * The statuses a case may be moved to by hand (POST …/transitions) from `status`. `previous` is the
 * state a suspended or lost-contact case came from. Moves made by the system (eligible→counselled
 * by the first assessment, →plan_approved by the plan approval, →in_progress by the first delivery)
 * are not in this list; `completed` is manual but also needs every item delivered (checked by the server).
 */
export function allowedReintegrationTransitions(status: ReintegrationStatus, previous: ReintegrationStatus | null): ReintegrationStatus[] {
  switch (status) {
    case 'eligible':
    case 'counselled':
    case 'plan_approved':
      return ['suspended', 'withdrawn', 'lost_contact'];
    case 'in_progress':
      return ['completed', 'suspended', 'withdrawn', 'lost_contact'];
    case 'suspended':
      return [...(previous && ACTIVE.includes(previous) ? [previous] : []), 'withdrawn', 'lost_contact'];
    case 'lost_contact':
      return [...(previous && ACTIVE.includes(previous) ? [previous] : []), 'suspended', 'withdrawn'];
    case 'completed':
    case 'withdrawn':
      return [];
  }
}

/** The automatic moves: which event takes a case from which status to which. */
export const AUTOMATIC_REINTEGRATION_MOVES = {
  firstAssessment: { from: 'eligible', to: 'counselled' },
  planApproved: { from: 'counselled', to: 'plan_approved' },
  firstDelivery: { from: 'plan_approved', to: 'in_progress' },
} as const satisfies Record<string, { from: ReintegrationStatus; to: ReintegrationStatus }>;
