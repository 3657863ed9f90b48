// Assisted voluntary return's API shapes (SPEC §6, §13), first half: return cases, travel documents,
// medical checks and best-interest determinations (movements and arrivals: returns-movements.ts).
import { Type, type Static } from 'typebox';
import { RELATIONSHIPS, SEXES } from '../registry/codes';
import {
  BEST_INTEREST_OUTCOMES,
  DUE_DILIGENCE_OUTCOMES,
  ESCORT_TYPES,
  MEDICAL_OUTCOMES,
  RETURN_DIRECTIONS,
  RETURN_EVENT_KINDS,
  RETURN_STATUSES,
  RETURN_WITHDRAWAL_REASONS,
  TRAVEL_DOCUMENT_STATUSES,
  TRAVEL_DOCUMENT_TYPES,
} from '../returns/codes';
import { Codes, CountryCode, DateString, Nullable, PageQuery, Pcode, RecordStamp, Timestamp, Uuid, sensitive } from './common';
import { PersonSummary } from './people';
import { Note, Text, UserRef } from './returns-fields';

// ── return cases ─────────────────────────────────────────────────────────────────────────────────

export const ReturnMemberInput = Type.Object({ personId: Uuid, relationship: Codes(RELATIONSHIPS) }, { additionalProperties: false });
export type ReturnMemberInput = Static<typeof ReturnMemberInput>;

export const ReturnCaseInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    personId: Uuid,
    direction: Codes(RETURN_DIRECTIONS),
    destinationCountry: CountryCode,
    destinationPcode: Type.Optional(Pcode),
    destinationLocality: Type.Optional(Text(200)),
    fromCountry: Type.Optional(CountryCode),
    siteId: Type.Optional(Uuid),
    counsellorId: Type.Optional(Uuid),
    requestedOn: Type.Optional(DateString),
    unaccompaniedChild: Type.Optional(Type.Boolean()),
    transitCaseId: Type.Optional(Uuid),
    members: Type.Optional(Type.Array(ReturnMemberInput, { maxItems: 30 })),
  },
  {
    additionalProperties: false,
    description: 'inbound: destinationCountry MLI and fromCountry required; outbound: destinationCountry is the origin country (not MLI), fromCountry defaults to MLI',
  },
);
export type ReturnCaseInput = Static<typeof ReturnCaseInput>;

export const Declaration = Type.Object({ signedOn: DateString, witness: Text(200) }, { additionalProperties: false });
export type Declaration = Static<typeof Declaration>;

export const DueDiligence = Type.Object({ checkedOn: DateString, outcome: Codes(DUE_DILIGENCE_OUTCOMES), note: Type.Optional(Note) }, { additionalProperties: false });
export type DueDiligence = Static<typeof DueDiligence>;

export const ReturnCasePatch = Type.Object(
  {
    counsellorId: Type.Optional(Nullable(Uuid)),
    destinationPcode: Type.Optional(Nullable(Pcode)),
    destinationLocality: Type.Optional(Nullable(Text(200))),
    unaccompaniedChild: Type.Optional(Type.Boolean()),
    declaration: Type.Optional(Declaration),
    dueDiligence: Type.Optional(DueDiligence),
    members: Type.Optional(Type.Array(ReturnMemberInput, { maxItems: 30, description: 'replaces the list of members' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReturnCasePatch = Static<typeof ReturnCasePatch>;

export const ReturnTransitionInput = Type.Object(
  {
    to: Codes(RETURN_STATUSES),
    note: Type.Optional(Note),
    reason: Type.Optional(Codes(RETURN_WITHDRAWAL_REASONS, { description: 'required when to = withdrawn' })),
  },
  { additionalProperties: false },
);
export type ReturnTransitionInput = Static<typeof ReturnTransitionInput>;

export const ReturnCaseSummary = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  status: Codes(RETURN_STATUSES),
  statusSince: Timestamp,
  direction: Codes(RETURN_DIRECTIONS),
  destinationCountry: Type.String(),
  person: PersonSummary,
  memberCount: Type.Integer(),
  siteId: Uuid,
  siteName: Type.String(),
  counsellor: Nullable(UserRef),
  unaccompaniedChild: Type.Boolean(),
  medicalCase: Type.Boolean({ description: 'the latest medical check asks for an escort or says fit_with_escort' }),
  daysInState: Type.Integer(),
  version: Type.Integer(),
});
export type ReturnCaseSummary = Static<typeof ReturnCaseSummary>;

export const ReturnMember = Type.Object({ personId: Uuid, relationship: Codes(RELATIONSHIPS), person: PersonSummary });
export type ReturnMember = Static<typeof ReturnMember>;

export const BestInterest = Type.Object({
  determinedOn: Type.String(),
  outcome: Codes(BEST_INTEREST_OUTCOMES),
  note: sensitive('sensitive', Nullable(Type.String())),
  recordedBy: Nullable(UserRef),
  approvedBy: Nullable(UserRef),
  approvedAt: Nullable(Timestamp),
});
export type BestInterest = Static<typeof BestInterest>;

export const TravelDocument = Type.Object({
  id: Uuid,
  returnCaseId: Uuid,
  type: Codes(TRAVEL_DOCUMENT_TYPES),
  consulate: Nullable(Type.String()),
  requestedOn: Type.String(),
  issuedOn: Nullable(Type.String()),
  number: sensitive('personal', Nullable(Type.String())),
  expiresOn: Nullable(Type.String()),
  status: Codes(TRAVEL_DOCUMENT_STATUSES),
  ...RecordStamp,
});
export type TravelDocument = Static<typeof TravelDocument>;

export const MedicalCheck = Type.Object({
  id: Uuid,
  returnCaseId: Uuid,
  examinedOn: Type.String(),
  outcome: Codes(MEDICAL_OUTCOMES),
  escort: Codes(ESCORT_TYPES),
  conditions: sensitive('sensitive', Nullable(Type.String())),
  recordedBy: Nullable(UserRef),
  createdAt: Timestamp,
});
export type MedicalCheck = Static<typeof MedicalCheck>;

export const ReturnCase = Type.Object({
  ...ReturnCaseSummary.properties,
  organisationId: Uuid,
  destinationPcode: Nullable(Type.String()),
  destinationLocality: Nullable(Type.String()),
  fromCountry: Type.String(),
  requestedOn: Type.String(),
  transitCaseId: Nullable(Uuid),
  members: Type.Array(ReturnMember),
  declaration: Nullable(Type.Object({ signedOn: Type.String(), witness: sensitive('personal', Type.String()) })),
  dueDiligence: Nullable(Type.Object({ checkedOn: Type.String(), outcome: Codes(DUE_DILIGENCE_OUTCOMES), note: sensitive('personal', Nullable(Type.String())) })),
  bestInterest: Nullable(BestInterest),
  travelDocuments: Type.Array(TravelDocument),
  medicalChecks: Type.Array(MedicalCheck, { description: 'newest first' }),
  movement: Nullable(Type.Object({ id: Uuid, reference: Type.String(), departureDate: Type.String() })),
  arrival: Nullable(Type.Object({ id: Uuid, arrivedOn: Type.String(), siteId: Nullable(Uuid) })),
  reintegrationCaseId: Nullable(Uuid),
  reintegrationCaseNumber: Nullable(Type.String({ description: 'the number of the reintegration case opened at arrival; shown even to callers who may not open it' })),
  suspendedFrom: Nullable(Codes(RETURN_STATUSES)),
  withdrawalReason: Nullable(Codes(RETURN_WITHDRAWAL_REASONS)),
  allowedTransitions: Type.Array(Codes(RETURN_STATUSES), { description: 'what the transitions route accepts now (departed and arrived come from movements)' }),
  abilities: Type.Object({
    update: Type.Boolean(),
    transition: Type.Boolean(),
    approveBestInterest: Type.Boolean(),
    addDocument: Type.Boolean(),
    addMedical: Type.Boolean(),
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ReturnCase = Static<typeof ReturnCase>;

const CaseFilters = {
  direction: Type.Optional(Codes(RETURN_DIRECTIONS)),
  siteId: Type.Optional(Uuid),
  nationality: Type.Optional(CountryCode),
  vulnerable: Type.Optional(Type.Boolean({ description: 'unaccompanied children and medical cases' })),
  regionPcode: Type.Optional(Type.String({ pattern: '^[A-Z]{2}[0-9]{2}$', description: 'the admin-1 P-code of the destination, e.g. ML01' })),
  sex: Type.Optional(Codes(SEXES)),
  ageGroup: Type.Optional(Codes(['child', 'adult'] as const, { description: 'under 18 or not on the request date (an unknown birth date is neither)' })),
  medical: Type.Optional(Type.Boolean({ description: 'the latest medical check asks for an escort' })),
  unaccompaniedChild: Type.Optional(Type.Boolean()),
  open: Type.Optional(Type.Boolean({ description: 'true: neither closed nor withdrawn' })),
  arrived: Type.Optional(Type.Boolean({ description: 'true: an arrival is recorded for the case' })),
};

export const ReturnCasesQuery = Type.Object(
  { status: Type.Optional(Codes(RETURN_STATUSES)), ...CaseFilters, q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), ...PageQuery },
  { additionalProperties: false },
);
export type ReturnCasesQuery = Static<typeof ReturnCasesQuery>;

export const ReturnPipelineQuery = Type.Object({ ...CaseFilters }, { additionalProperties: false });
export type ReturnPipelineQuery = Static<typeof ReturnPipelineQuery>;

export const ReturnPipeline = Type.Object({
  columns: Type.Array(Type.Object({ status: Codes(RETURN_STATUSES), count: Type.Integer(), cases: Type.Array(ReturnCaseSummary, { description: 'oldest in state first, at most 50' }) })),
});
export type ReturnPipeline = Static<typeof ReturnPipeline>;

export const ReturnEvent = Type.Object({
  id: Uuid,
  at: Timestamp,
  by: Nullable(UserRef),
  kind: Codes(RETURN_EVENT_KINDS),
  from: Type.Optional(Codes(RETURN_STATUSES)),
  to: Type.Optional(Codes(RETURN_STATUSES)),
  note: sensitive('personal', Type.String()),
});
export type ReturnEvent = Static<typeof ReturnEvent>;

export const ReturnEvents = Type.Object({ items: Type.Array(ReturnEvent) });
export type ReturnEvents = Static<typeof ReturnEvents>;

export const BestInterestInput = Type.Object(
  { determinedOn: DateString, outcome: Codes(BEST_INTEREST_OUTCOMES), note: Type.Optional(Type.String({ maxLength: 4000 })) },
  { additionalProperties: false },
);
export type BestInterestInput = Static<typeof BestInterestInput>;

// ── travel documents and medical checks ─────────────────────────────────────────────────────────

export const TravelDocumentInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    type: Codes(TRAVEL_DOCUMENT_TYPES),
    consulate: Type.Optional(Text(200)),
    requestedOn: DateString,
    issuedOn: Type.Optional(DateString),
    number: Type.Optional(Text(40)),
    expiresOn: Type.Optional(DateString),
    status: Codes(TRAVEL_DOCUMENT_STATUSES),
  },
  { additionalProperties: false, description: 'issued needs issuedOn, number and expiresOn' },
);
export type TravelDocumentInput = Static<typeof TravelDocumentInput>;

export const TravelDocumentPatch = Type.Object(
  {
    type: Type.Optional(Codes(TRAVEL_DOCUMENT_TYPES)),
    consulate: Type.Optional(Nullable(Text(200))),
    requestedOn: Type.Optional(DateString),
    issuedOn: Type.Optional(Nullable(DateString)),
    number: Type.Optional(Nullable(Text(40))),
    expiresOn: Type.Optional(Nullable(DateString)),
    status: Type.Optional(Codes(TRAVEL_DOCUMENT_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TravelDocumentPatch = Static<typeof TravelDocumentPatch>;

export const DocumentParams = Type.Object({ id: Uuid, docId: Uuid }, { additionalProperties: false });
export type DocumentParams = Static<typeof DocumentParams>;

export const ExpiringDocumentsQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, default: 30 })), ...PageQuery }, { additionalProperties: false });
export type ExpiringDocumentsQuery = Static<typeof ExpiringDocumentsQuery>;

export const ExpiringDocument = Type.Object({ returnCaseId: Uuid, caseNumber: Type.String(), person: PersonSummary, document: TravelDocument });
export type ExpiringDocument = Static<typeof ExpiringDocument>;

export const MedicalCheckInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    examinedOn: DateString,
    outcome: Codes(MEDICAL_OUTCOMES),
    escort: Codes(ESCORT_TYPES),
    conditions: Type.Optional(Type.String({ maxLength: 4000, description: 'sensitive: read back only by roles cleared for sensitive data' })),
  },
  { additionalProperties: false },
);
export type MedicalCheckInput = Static<typeof MedicalCheckInput>;

