// Sustainable reintegration's API shapes (SPEC §7, §13): cases, assessments, plans, assistance,
// projects, monitoring, spot checks, the RSS and its instruments, satisfaction and the dashboard.
import { Type, type Static } from 'typebox';
import {
  ASSESSMENT_KINDS,
  ASSISTANCE_DIMENSIONS,
  ASSISTANCE_LEVELS,
  ASSISTANCE_MODES,
  ASSISTANCE_STATUSES,
  ASSISTANCE_TYPES,
  BUSINESS_STATUSES,
  PLAN_STATUSES,
  REINTEGRATION_STATUSES,
  RSS_ROUNDS,
  SATISFACTION_QUESTIONS,
  SPOT_CHECK_OUTCOMES,
  VISIT_STATUSES,
} from '../reintegration/codes';
import { Codes, DateString, Nullable, Pcode, PageQuery, RecordStamp, Timestamp, Uuid } from './common';
import { PersonSummary } from './people';
import { RssResult, RssScoresSchema } from '../reintegration/rss.schemas';

export * from '../reintegration/rss.schemas';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Xof = Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'whole CFA francs (XOF)' });
const UserRef = Type.Object({ id: Uuid, displayName: Type.String() });

// ── cases ────────────────────────────────────────────────────────────────────────────────────────

export const ReintegrationCaseInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    personId: Uuid,
    regionPcode: Pcode,
    siteId: Type.Optional(Uuid),
    counsellorId: Type.Optional(Uuid),
    returnCaseId: Type.Optional(Uuid),
    arrivedOn: Type.Optional(DateString),
    referredToOrganisationId: Type.Optional(Uuid),
    referredFrom: Type.Optional(Text(200)),
  },
  { additionalProperties: false, description: 'a returnee registered directly (e.g. a spontaneous return referred by the government)' },
);
export type ReintegrationCaseInput = Static<typeof ReintegrationCaseInput>;

export const ReintegrationCasePatch = Type.Object(
  { counsellorId: Type.Optional(Nullable(Uuid)), referredToOrganisationId: Type.Optional(Nullable(Uuid)), regionPcode: Type.Optional(Pcode) },
  { additionalProperties: false, minProperties: 1 },
);
export type ReintegrationCasePatch = Static<typeof ReintegrationCasePatch>;

export const ReintegrationTransition = Type.Object({ to: Codes(REINTEGRATION_STATUSES), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type ReintegrationTransition = Static<typeof ReintegrationTransition>;

export const ReintegrationCasesQuery = Type.Object(
  {
    status: Type.Optional(Codes(REINTEGRATION_STATUSES)),
    regionPcode: Type.Optional(Pcode),
    counsellorId: Type.Optional(Uuid),
    overduePlan: Type.Optional(Type.Boolean()),
    overdueVisit: Type.Optional(Type.Boolean()),
    personId: Type.Optional(Uuid),
    assistanceType: Type.Optional(Codes(ASSISTANCE_TYPES, { description: 'cases with a non-cancelled assistance item of this type' })),
    compositeMin: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'latest RSS composite ≥ this' })),
    compositeMax: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'latest RSS composite < this (≤ when 1)' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ReintegrationCasesQuery = Static<typeof ReintegrationCasesQuery>;

export const LatestRss = Type.Object({ round: Codes(RSS_ROUNDS), composite: RssScoresSchema.properties.composite, complete: Type.Boolean() });

export const ReintegrationCaseSummary = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  status: Codes(REINTEGRATION_STATUSES),
  person: PersonSummary,
  regionPcode: Type.String(),
  counsellor: Nullable(UserRef),
  arrivedOn: Nullable(DateString),
  planDueOn: Nullable(DateString),
  planOverdue: Type.Boolean(),
  nextVisitOn: Nullable(DateString),
  visitOverdue: Type.Boolean(),
  budgetPlannedXof: Type.Integer(),
  budgetDisbursedXof: Type.Integer(),
  latestRss: Nullable(LatestRss),
  version: Type.Integer(),
});
export type ReintegrationCaseSummary = Static<typeof ReintegrationCaseSummary>;

// ── assessments ──────────────────────────────────────────────────────────────────────────────────

export const AssessmentInput = Type.Object(
  {
    assessedOn: DateString,
    kind: Codes(ASSESSMENT_KINDS),
    answers: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { description: 'free-form per kind (docs/reintegration.md)' }),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type AssessmentInput = Static<typeof AssessmentInput>;

export const Assessment = Type.Object({
  id: Uuid,
  kind: Codes(ASSESSMENT_KINDS),
  assessedOn: DateString,
  answers: Type.Record(Type.String(), Type.Unknown()),
  notes: Nullable(Type.String()),
  assessedBy: Nullable(UserRef),
  createdAt: Timestamp,
});
export type Assessment = Static<typeof Assessment>;

// ── assistance ───────────────────────────────────────────────────────────────────────────────────

export const AssistanceItemInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    dimension: Codes(ASSISTANCE_DIMENSIONS),
    level: Codes(ASSISTANCE_LEVELS),
    type: Codes(ASSISTANCE_TYPES),
    mode: Codes(ASSISTANCE_MODES),
    provider: Type.Optional(Text(200)),
    inKind: Type.Boolean(),
    plannedXof: Xof,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    projectId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AssistanceItemInput = Static<typeof AssistanceItemInput>;

export const AssistanceItemPatch = Type.Object(
  {
    mode: Type.Optional(Codes(ASSISTANCE_MODES)),
    provider: Type.Optional(Nullable(Text(200))),
    inKind: Type.Optional(Type.Boolean()),
    plannedXof: Type.Optional(Xof),
    actualXof: Type.Optional(Nullable(Xof)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AssistanceItemPatch = Static<typeof AssistanceItemPatch>;

export const AssistanceStatusInput = Type.Object({ to: Codes(['approved', 'delivered', 'cancelled'] as const), on: DateString }, { additionalProperties: false });
export type AssistanceStatusInput = Static<typeof AssistanceStatusInput>;

export const InstalmentInput = Type.Object({ amountXof: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), disbursedOn: DateString }, { additionalProperties: false });
export type InstalmentInput = Static<typeof InstalmentInput>;

export const Instalment = Type.Object({ id: Uuid, amountXof: Type.Integer(), disbursedOn: DateString, recordedBy: Nullable(UserRef), createdAt: Timestamp });
export type Instalment = Static<typeof Instalment>;

export const Certificate = Type.Object({ mimeType: Type.String(), sizeBytes: Type.Integer(), uploadedAt: Timestamp, url: Type.String() });

export const AssistanceItem = Type.Object({
  id: Uuid,
  reintegrationCaseId: Uuid,
  dimension: Codes(ASSISTANCE_DIMENSIONS),
  level: Codes(ASSISTANCE_LEVELS),
  type: Codes(ASSISTANCE_TYPES),
  mode: Codes(ASSISTANCE_MODES),
  provider: Nullable(Type.String()),
  inKind: Type.Boolean(),
  plannedXof: Type.Integer(),
  actualXof: Nullable(Type.Integer()),
  apportionedXof: Nullable(Type.Integer({ description: 'this beneficiary’s share of the project budget' })),
  disbursedXof: Type.Integer(),
  description: Nullable(Type.String()),
  projectId: Nullable(Uuid),
  status: Codes(ASSISTANCE_STATUSES),
  approvedOn: Nullable(DateString),
  deliveredOn: Nullable(DateString),
  cancelledOn: Nullable(DateString),
  instalments: Type.Array(Instalment),
  certificate: Nullable(Certificate),
  ...RecordStamp,
});
export type AssistanceItem = Static<typeof AssistanceItem>;

// ── plan ─────────────────────────────────────────────────────────────────────────────────────────

export const PlanInput = Type.Object(
  { goals: Type.Array(Text(1000), { maxItems: 20 }), items: Type.Array(AssistanceItemInput, { maxItems: 50 }) },
  { additionalProperties: false, description: 'replaces the draft plan and its planned items' },
);
export type PlanInput = Static<typeof PlanInput>;

export const PlanReturnInput = Type.Object({ note: Text(2000) }, { additionalProperties: false });
export type PlanReturnInput = Static<typeof PlanReturnInput>;

export const Plan = Type.Object({
  id: Uuid,
  status: Codes(PLAN_STATUSES),
  goals: Type.Array(Type.String()),
  submittedAt: Nullable(Timestamp),
  submittedBy: Nullable(UserRef),
  approvedAt: Nullable(Timestamp),
  approvedBy: Nullable(UserRef),
  returnedNote: Nullable(Type.String()),
  ...RecordStamp,
});
export type Plan = Static<typeof Plan>;

export const BudgetView = Type.Object({
  ceilingXof: Type.Integer(),
  plannedXof: Type.Integer(),
  disbursedXof: Type.Integer(),
  remainingXof: Type.Integer(),
  items: Type.Array(Type.Object({ id: Uuid, type: Codes(ASSISTANCE_TYPES), level: Codes(ASSISTANCE_LEVELS), status: Codes(ASSISTANCE_STATUSES), plannedXof: Type.Integer(), countedXof: Type.Integer(), disbursedXof: Type.Integer() })),
});
export type BudgetView = Static<typeof BudgetView>;

// ── projects ─────────────────────────────────────────────────────────────────────────────────────

export const ProjectBeneficiaryInput = Type.Object(
  { reintegrationCaseId: Type.Optional(Uuid), communityMemberName: Type.Optional(Text(200)), sharePercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })) },
  { additionalProperties: false, description: 'a returnee’s case or a community member’s name' },
);

export const ProjectInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: Text(200),
    level: Codes(['collective', 'community'] as const),
    type: Codes(ASSISTANCE_TYPES),
    dimension: Codes(ASSISTANCE_DIMENSIONS),
    regionPcode: Pcode,
    communePcode: Type.Optional(Pcode),
    budgetXof: Xof,
    beneficiaries: Type.Array(ProjectBeneficiaryInput, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type ProjectInput = Static<typeof ProjectInput>;

export const ProjectPatch = Type.Object(
  { name: Type.Optional(Text(200)), communePcode: Type.Optional(Nullable(Pcode)), budgetXof: Type.Optional(Xof), beneficiaries: Type.Optional(Type.Array(ProjectBeneficiaryInput, { minItems: 1, maxItems: 500 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type ProjectPatch = Static<typeof ProjectPatch>;

export const ProjectBeneficiary = Type.Object({
  id: Uuid,
  reintegrationCaseId: Nullable(Uuid),
  caseNumber: Nullable(Type.String()),
  communityMemberName: Nullable(Type.String()),
  sharePercent: Nullable(Type.Number()),
  apportionedXof: Type.Integer(),
});
export type ProjectBeneficiary = Static<typeof ProjectBeneficiary>;

export const Project = Type.Object({
  id: Uuid,
  name: Type.String(),
  level: Codes(['collective', 'community'] as const),
  type: Codes(ASSISTANCE_TYPES),
  dimension: Codes(ASSISTANCE_DIMENSIONS),
  regionPcode: Type.String(),
  communePcode: Nullable(Type.String()),
  budgetXof: Type.Integer(),
  beneficiaries: Type.Array(ProjectBeneficiary),
  ...RecordStamp,
});
export type Project = Static<typeof Project>;

export const ProjectSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  level: Codes(['collective', 'community'] as const),
  type: Codes(ASSISTANCE_TYPES),
  dimension: Codes(ASSISTANCE_DIMENSIONS),
  regionPcode: Type.String(),
  budgetXof: Type.Integer(),
  beneficiaryCount: Type.Integer(),
  version: Type.Integer(),
});
export type ProjectSummary = Static<typeof ProjectSummary>;

export const ProjectsQuery = Type.Object({ regionPcode: Type.Optional(Pcode), level: Type.Optional(Codes(['collective', 'community'] as const)), ...PageQuery }, { additionalProperties: false });
export type ProjectsQuery = Static<typeof ProjectsQuery>;

export const ProjectBudget = Type.Object({
  budgetXof: Type.Integer(),
  disbursedXof: Type.Integer(),
  beneficiaries: Type.Array(Type.Object({ reintegrationCaseId: Nullable(Uuid), communityMemberName: Nullable(Type.String()), apportionedXof: Type.Integer(), disbursedXof: Type.Integer() })),
});
export type ProjectBudget = Static<typeof ProjectBudget>;

// ── monitoring ───────────────────────────────────────────────────────────────────────────────────

export const VisitInput = Type.Object({ scheduledOn: DateString, note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type VisitInput = Static<typeof VisitInput>;

export const VisitOutcomeInput = Type.Object(
  {
    status: Codes(['done', 'missed'] as const),
    visitedOn: Type.Optional(DateString),
    findings: Type.Optional(Type.String({ maxLength: 4000 })),
    businessStatus: Type.Optional(Codes(BUSINESS_STATUSES)),
  },
  { additionalProperties: false },
);
export type VisitOutcomeInput = Static<typeof VisitOutcomeInput>;

export const Visit = Type.Object({
  id: Uuid,
  reintegrationCaseId: Uuid,
  caseNumber: Type.String(),
  scheduledOn: DateString,
  monthsAfterApproval: Nullable(Type.Integer()),
  status: Codes(VISIT_STATUSES),
  visitedOn: Nullable(DateString),
  findings: Nullable(Type.String()),
  businessStatus: Nullable(Codes(BUSINESS_STATUSES)),
  overdue: Type.Boolean(),
  ...RecordStamp,
});
export type Visit = Static<typeof Visit>;

// ── spot checks ──────────────────────────────────────────────────────────────────────────────────

export const SpotCheckInput = Type.Object(
  { percent: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })), seed: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);
export type SpotCheckInput = Static<typeof SpotCheckInput>;

export const SpotCheckItemInput = Type.Object({ outcome: Codes(SPOT_CHECK_OUTCOMES), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type SpotCheckItemInput = Static<typeof SpotCheckItemInput>;

export const SpotCheck = Type.Object({
  id: Uuid,
  seed: Type.String(),
  percent: Type.Number(),
  population: Type.Integer(),
  drawnAt: Timestamp,
  drawnBy: Nullable(UserRef),
  items: Type.Array(
    Type.Object({
      assistanceItemId: Uuid,
      reintegrationCaseId: Uuid,
      caseNumber: Type.String(),
      type: Codes(ASSISTANCE_TYPES),
      plannedXof: Type.Integer(),
      outcome: Nullable(Codes(SPOT_CHECK_OUTCOMES)),
      note: Nullable(Type.String()),
      checkedAt: Nullable(Timestamp),
    }),
  ),
});
export type SpotCheck = Static<typeof SpotCheck>;

// ── satisfaction ─────────────────────────────────────────────────────────────────────────────────

export const SatisfactionInput = Type.Object(
  {
    surveyedOn: DateString,
    answers: Type.Partial(Type.Object(Object.fromEntries(SATISFACTION_QUESTIONS.map((q) => [q, Type.Integer({ minimum: 1, maximum: 5 })])) as Record<(typeof SATISFACTION_QUESTIONS)[number], ReturnType<typeof Type.Integer>>, { additionalProperties: false, minProperties: 1 })),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SatisfactionInput = Static<typeof SatisfactionInput>;

export const Satisfaction = Type.Object({ id: Uuid, surveyedOn: DateString, answers: Type.Record(Type.String(), Type.Integer()), meanScore: Type.Number(), comment: Nullable(Type.String()), createdAt: Timestamp });
export type Satisfaction = Static<typeof Satisfaction>;

// ── the case page ────────────────────────────────────────────────────────────────────────────────

export const ReintegrationEvent = Type.Object({ id: Uuid, at: Timestamp, by: Nullable(UserRef), action: Type.String(), details: Type.Record(Type.String(), Type.Unknown()) });

export const ReintegrationCase = Type.Object({
  ...ReintegrationCaseSummary.properties,
  statusBefore: Nullable(Codes(REINTEGRATION_STATUSES)),
  organisationId: Uuid,
  siteId: Nullable(Uuid),
  returnCaseId: Nullable(Uuid),
  arrivalId: Nullable(Uuid),
  referredToOrganisationId: Nullable(Uuid),
  referredFrom: Nullable(Type.String()),
  openedOn: DateString,
  allowedTransitions: Type.Array(Codes(REINTEGRATION_STATUSES)),
  assessments: Type.Array(Assessment),
  plan: Nullable(Plan),
  items: Type.Array(AssistanceItem),
  visits: Type.Array(Visit),
  rss: Type.Array(RssResult),
  satisfaction: Type.Array(Satisfaction),
  events: Type.Array(ReintegrationEvent),
  abilities: Type.Object({ update: Type.Boolean(), approvePlan: Type.Boolean(), transition: Type.Boolean() }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ReintegrationCase = Static<typeof ReintegrationCase>;

export const OverdueVisitsQuery = Type.Object({ regionPcode: Type.Optional(Pcode), ...PageQuery }, { additionalProperties: false });
export type OverdueVisitsQuery = Static<typeof OverdueVisitsQuery>;

export const ReintegrationDashboardQuery = Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString) }, { additionalProperties: false });
export type ReintegrationDashboardQuery = Static<typeof ReintegrationDashboardQuery>;

export const ReintegrationDashboard = Type.Object({
  funnel: Type.Array(Type.Object({ status: Codes(REINTEGRATION_STATUSES), count: Type.Integer() })),
  assistanceByType: Type.Array(Type.Object({ type: Codes(ASSISTANCE_TYPES), dimension: Codes(ASSISTANCE_DIMENSIONS), count: Type.Integer(), plannedXof: Type.Integer(), disbursedXof: Type.Integer() })),
  byRegion: Type.Array(Type.Object({ pcode: Type.String(), count: Type.Integer() })),
  plansOverdue: Type.Integer(),
  visitsOverdue: Type.Integer(),
});
export type ReintegrationDashboard = Static<typeof ReintegrationDashboard>;
