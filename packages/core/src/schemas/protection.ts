// Protection in transit's API shapes (SPEC §5, §13): transit cases, stays, screenings, services,
// referrals, tasks and notes.
import { Type, type Static } from 'typebox';
import {
  CLOSURE_REASONS,
  PRIORITIES,
  PROTECTIVE_FACTORS,
  REFERRAL_KINDS,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  RISK_FACTORS,
  SERVICE_TYPES,
  TASK_KINDS,
  TASK_STATUSES,
  TRANSIT_CASE_STATUSES,
  VULNERABILITY_FLAGS,
} from '../protection/codes';
import { Codes, DateString, Nullable, PageQuery, RecordStamp, Timestamp, Uuid, sensitive } from './common';
import { PersonSummary } from './people';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

function factorLevels(table: Record<'individual' | 'household' | 'community' | 'structural', readonly string[]>) {
  const level = (codes: readonly string[]) => Type.Optional(Type.Array(Codes(codes as [string, ...string[]]), { uniqueItems: true }));
  return Type.Object(
    { individual: level(table.individual), household: level(table.household), community: level(table.community), structural: level(table.structural) },
    { additionalProperties: false },
  );
}
export const RiskFactors = factorLevels(RISK_FACTORS);
export const ProtectiveFactors = factorLevels(PROTECTIVE_FACTORS);

// ── transit cases ────────────────────────────────────────────────────────────────────────────────

export const TransitCaseInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    personId: Uuid,
    siteId: Type.Optional(Uuid),
    openedOn: DateString,
    assignedTo: Type.Optional(Uuid),
  },
  { additionalProperties: false, description: 'site defaults to the caller’s' },
);
export type TransitCaseInput = Static<typeof TransitCaseInput>;

export const TransitCasePatch = Type.Object({ assignedTo: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false, minProperties: 1 });
export type TransitCasePatch = Static<typeof TransitCasePatch>;

export const TransitCaseTransition = Type.Object(
  {
    to: Codes(TRANSIT_CASE_STATUSES),
    closureReason: Type.Optional(Codes(CLOSURE_REASONS)),
    on: Type.Optional(DateString),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type TransitCaseTransition = Static<typeof TransitCaseTransition>;

export const TransitCaseTransfer = Type.Object(
  { siteId: Uuid, assignedTo: Type.Optional(Nullable(Uuid)), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type TransitCaseTransfer = Static<typeof TransitCaseTransfer>;

// ── screenings ───────────────────────────────────────────────────────────────────────────────────

export const ScreeningInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    screenedOn: Type.Optional(DateString),
    formVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    flags: Type.Array(Codes(VULNERABILITY_FLAGS), { uniqueItems: true }),
    riskFactors: Type.Optional(RiskFactors),
    protectiveFactors: Type.Optional(ProtectiveFactors),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type ScreeningInput = Static<typeof ScreeningInput>;

/** A screening; flags revealing trafficking, GBV or health are in `sensitiveFlags`, for cleared roles only. */
export const Screening = Type.Object({
  id: Uuid,
  transitCaseId: Uuid,
  sequence: Type.Integer({ description: '1 for the first screening of the case, then 2, 3…' }),
  formVersion: Type.Integer(),
  screenedOn: Type.String(),
  flags: Type.Array(Codes(VULNERABILITY_FLAGS)),
  sensitiveFlags: sensitive('sensitive', Type.Array(Codes(VULNERABILITY_FLAGS))),
  riskFactors: RiskFactors,
  protectiveFactors: ProtectiveFactors,
  priority: Codes(PRIORITIES),
  priorityBecause: Type.String(),
  notes: sensitive('sensitive', Nullable(Type.String())),
  screenedBy: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type Screening = Static<typeof Screening>;

// ── services ─────────────────────────────────────────────────────────────────────────────────────

export const ServiceInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    type: Codes(SERVICE_TYPES),
    date: DateString,
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    provider: Type.Optional(Text(200)),
    costXof: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;

export const Service = Type.Object({
  id: Uuid,
  transitCaseId: Uuid,
  type: Codes(SERVICE_TYPES),
  date: Type.String(),
  quantity: Type.Integer(),
  provider: Nullable(Type.String()),
  costXof: Nullable(Type.Integer()),
  note: sensitive('personal', Nullable(Type.String())),
  recordedBy: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type Service = Static<typeof Service>;

// ── referrals ────────────────────────────────────────────────────────────────────────────────────

export const ReferralInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    kind: Codes(REFERRAL_KINDS),
    service: Codes(REFERRAL_SERVICES),
    toOrganisationId: Type.Optional(Uuid),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    referredOn: Type.Optional(DateString),
    dueDate: Type.Optional(DateString),
  },
  { additionalProperties: false, description: 'external referrals name the receiving organisation; internal ones stay in the caseʼs' },
);
export type ReferralInput = Static<typeof ReferralInput>;

export const ReferralResponse = Type.Object(
  { status: Codes(REFERRAL_STATUSES), feedback: Type.Optional(Type.String({ maxLength: 4000 })) },
  { additionalProperties: false },
);
export type ReferralResponse = Static<typeof ReferralResponse>;

export const Referral = Type.Object({
  id: Uuid,
  transitCaseId: Uuid,
  caseNumber: Type.String(),
  person: PersonSummary,
  kind: Codes(REFERRAL_KINDS),
  service: Codes(REFERRAL_SERVICES),
  fromOrganisationId: Uuid,
  fromOrganisationName: Type.String(),
  toOrganisationId: Uuid,
  toOrganisationName: Type.String(),
  reason: sensitive('personal', Nullable(Type.String())),
  referredOn: Type.String(),
  dueDate: Nullable(Type.String()),
  status: Codes(REFERRAL_STATUSES),
  overdue: Type.Boolean(),
  feedback: Nullable(Type.String()),
  respondedAt: Nullable(Timestamp),
  respondedBy: Nullable(Type.String()),
  abilities: Type.Object({ respond: Type.Boolean(), nextStatuses: Type.Array(Codes(REFERRAL_STATUSES)) }),
  ...RecordStamp,
});
export type Referral = Static<typeof Referral>;

export const ReferralsQuery = Type.Object(
  {
    direction: Type.Optional(Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')])),
    status: Type.Optional(Codes(REFERRAL_STATUSES)),
    overdue: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ReferralsQuery = Static<typeof ReferralsQuery>;

// ── tasks and notes ──────────────────────────────────────────────────────────────────────────────

export const TaskInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    kind: Codes(TASK_KINDS),
    title: Text(200),
    dueDate: Type.Optional(DateString),
    assignedTo: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type TaskInput = Static<typeof TaskInput>;

export const TaskCompletion = Type.Object({ outcome: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type TaskCompletion = Static<typeof TaskCompletion>;

export const Task = Type.Object({
  id: Uuid,
  transitCaseId: Uuid,
  caseNumber: Type.String(),
  kind: Codes(TASK_KINDS),
  title: Type.String(),
  dueDate: Nullable(Type.String()),
  assignedTo: Nullable(Uuid),
  assignedToName: Nullable(Type.String()),
  status: Codes(TASK_STATUSES),
  requiresApproval: Type.Boolean(),
  outcome: sensitive('personal', Nullable(Type.String())),
  completedAt: Nullable(Timestamp),
  completedBy: Nullable(Type.String()),
  approvedAt: Nullable(Timestamp),
  approvedBy: Nullable(Type.String()),
  overdue: Type.Boolean(),
  abilities: Type.Object({ complete: Type.Boolean(), approve: Type.Boolean() }),
  ...RecordStamp,
});
export type Task = Static<typeof Task>;

export const NoteInput = Type.Object(
  { id: Type.Optional(Uuid), body: Text(8000), sensitive: Type.Optional(Type.Boolean({ description: 'only roles cleared for sensitive data read it' })) },
  { additionalProperties: false },
);
export type NoteInput = Static<typeof NoteInput>;

export const Note = Type.Object({
  id: Uuid,
  transitCaseId: Uuid,
  body: sensitive('personal', Type.String()),
  sensitive: Type.Boolean(),
  createdBy: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type Note = Static<typeof Note>;

// ── stays and occupancy ──────────────────────────────────────────────────────────────────────────

export const StayInput = Type.Object(
  { id: Type.Optional(Uuid), checkIn: DateString, checkOut: Type.Optional(DateString), bed: Type.Optional(Type.String({ maxLength: 20 })) },
  { additionalProperties: false },
);
export type StayInput = Static<typeof StayInput>;

export const CheckOutInput = Type.Object({ checkOut: DateString }, { additionalProperties: false });
export type CheckOutInput = Static<typeof CheckOutInput>;

export const Stay = Type.Object({
  id: Uuid,
  transitCaseId: Uuid,
  siteId: Uuid,
  checkIn: Type.String(),
  checkOut: Nullable(Type.String()),
  bed: Nullable(Type.String()),
  nights: Type.Integer(),
  /** Set on check-in when the site holds more people tonight than its capacity. */
  overCapacity: Type.Optional(Type.Object({ occupied: Type.Integer(), capacity: Type.Integer() })),
  version: Type.Integer(),
});
export type Stay = Static<typeof Stay>;

export const Occupancy = Type.Object({
  siteId: Uuid,
  capacity: Nullable(Type.Integer()),
  nights: Type.Array(Type.Object({ night: Type.String(), occupied: Type.Integer(), overCapacity: Type.Boolean() })),
});
export type Occupancy = Static<typeof Occupancy>;

// ── the case as a whole ──────────────────────────────────────────────────────────────────────────

export const TransitCaseSummary = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  person: PersonSummary,
  siteId: Uuid,
  siteName: Type.String(),
  status: Codes(TRANSIT_CASE_STATUSES),
  priority: Nullable(Codes(PRIORITIES)),
  openedOn: Type.String(),
  closedOn: Nullable(Type.String()),
  assignedTo: Nullable(Uuid),
  assignedToName: Nullable(Type.String()),
  openTasks: Type.Integer(),
  overdueTasks: Type.Integer(),
});
export type TransitCaseSummary = Static<typeof TransitCaseSummary>;

export const TransitCase = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  person: PersonSummary,
  organisationId: Uuid,
  siteId: Uuid,
  siteName: Type.String(),
  status: Codes(TRANSIT_CASE_STATUSES),
  closureReason: Nullable(Codes(CLOSURE_REASONS)),
  priority: Nullable(Codes(PRIORITIES)),
  openedOn: Type.String(),
  closedOn: Nullable(Type.String()),
  assignedTo: Nullable(Uuid),
  assignedToName: Nullable(Type.String()),
  screenings: Type.Array(Screening, { description: 'newest first' }),
  services: Type.Array(Service),
  referrals: Type.Array(Referral),
  tasks: Type.Array(Task),
  notes: Type.Array(Note),
  stays: Type.Array(Stay),
  history: Type.Array(Type.Object({ at: Timestamp, action: Type.String(), by: Nullable(Type.String()), details: Type.Record(Type.String(), Type.Unknown()) })),
  abilities: Type.Object({
    update: Type.Boolean(),
    nextStatuses: Type.Array(Codes(TRANSIT_CASE_STATUSES)),
    addServices: Type.Boolean(),
    refer: Type.Boolean(),
    approve: Type.Boolean(),
  }),
  ...RecordStamp,
});
export type TransitCase = Static<typeof TransitCase>;

export const TransitCasesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    status: Type.Optional(Codes(TRANSIT_CASE_STATUSES)),
    priority: Type.Optional(Codes(PRIORITIES)),
    siteId: Type.Optional(Uuid),
    assignedTo: Type.Optional(Type.Union([Uuid, Type.Literal('me')])),
    personId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TransitCasesQuery = Static<typeof TransitCasesQuery>;

export const TasksQuery = Type.Object(
  {
    status: Type.Optional(Codes(TASK_STATUSES)),
    overdue: Type.Optional(Type.Boolean()),
    assignedTo: Type.Optional(Type.Union([Uuid, Type.Literal('me')])),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TasksQuery = Static<typeof TasksQuery>;

/** The site dashboard: tonight, today, and what needs attention. */
export const SiteDashboard = Type.Object({
  siteId: Uuid,
  siteName: Type.String(),
  date: Type.String(),
  capacity: Nullable(Type.Integer()),
  occupiedTonight: Type.Integer(),
  arrivalsToday: Type.Integer(),
  openCases: Type.Integer(),
  highPriorityCases: Type.Integer(),
  openReferrals: Type.Integer(),
  overdueReferrals: Type.Integer(),
  overdueTasks: Type.Integer(),
  awaitingApproval: Type.Integer(),
  occupancy: Type.Array(Type.Object({ night: Type.String(), occupied: Type.Integer(), overCapacity: Type.Boolean() })),
});
export type SiteDashboard = Static<typeof SiteDashboard>;
