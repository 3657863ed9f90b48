// Assisted voluntary return's API shapes (SPEC §6, §13): return cases, travel documents, medical
// checks, best-interest determinations, movements, arrivals and the dashboard.
import { Type, type Static } from 'typebox';
import { RELATIONSHIPS, SEXES } from '../registry/codes';
import {
  ARRIVAL_ASSISTANCE_TYPES,
  ARRIVAL_REFERRAL_NEEDS,
  BEST_INTEREST_OUTCOMES,
  DUE_DILIGENCE_OUTCOMES,
  ESCORT_TYPES,
  MEDICAL_OUTCOMES,
  MOVEMENT_ESCORT_ROLES,
  MOVEMENT_KINDS,
  MOVEMENT_STATUSES,
  NO_SHOW_OUTCOMES,
  PASSENGER_DEPARTURE_STATUSES,
  RETURN_DIRECTIONS,
  RETURN_EVENT_KINDS,
  RETURN_STATUSES,
  RETURN_WITHDRAWAL_REASONS,
  TRAVEL_DOCUMENT_STATUSES,
  TRAVEL_DOCUMENT_TYPES,
} from '../returns/codes';
import { Codes, CountryCode, DateString, Nullable, PageQuery, Pcode, RecordStamp, Timestamp, Uuid, sensitive } from './common';
import { PersonSummary } from './people';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Note = Type.String({ maxLength: 2000 });
const UserRef = Type.Object({ id: Uuid, displayName: Type.String() });

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

// ── movements ────────────────────────────────────────────────────────────────────────────────────

export const MovementLeg = Type.Object(
  { from: Text(100), to: Text(100), departAt: DateString, arriveAt: Type.Optional(DateString), carrierRef: Type.Optional(Text(40)) },
  { additionalProperties: false },
);
export type MovementLeg = Static<typeof MovementLeg>;

export const MovementEscort = Type.Object({ name: Text(200), role: Codes(MOVEMENT_ESCORT_ROLES) }, { additionalProperties: false });
export type MovementEscort = Static<typeof MovementEscort>;

export const MovementInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    kind: Codes(MOVEMENT_KINDS),
    direction: Codes(RETURN_DIRECTIONS),
    reference: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$', description: 'generated MV-<year>-<sequence> when absent' })),
    departureDate: DateString,
    arrivalDate: Type.Optional(DateString),
    carrier: Type.Optional(Text(200)),
    seats: Type.Integer({ minimum: 1, maximum: 1000 }),
    legs: Type.Array(MovementLeg, { minItems: 1, maxItems: 10 }),
    escorts: Type.Optional(Type.Array(MovementEscort, { maxItems: 50 })),
    receptionSiteId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type MovementInput = Static<typeof MovementInput>;

export const MovementPatch = Type.Object(
  {
    kind: Type.Optional(Codes(MOVEMENT_KINDS)),
    departureDate: Type.Optional(DateString),
    arrivalDate: Type.Optional(Nullable(DateString)),
    carrier: Type.Optional(Nullable(Text(200))),
    seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    legs: Type.Optional(Type.Array(MovementLeg, { minItems: 1, maxItems: 10 })),
    escorts: Type.Optional(Type.Array(MovementEscort, { maxItems: 50 })),
    receptionSiteId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MovementPatch = Static<typeof MovementPatch>;

export const MovementSummary = Type.Object({
  id: Uuid,
  reference: Type.String(),
  kind: Codes(MOVEMENT_KINDS),
  direction: Codes(RETURN_DIRECTIONS),
  departureDate: Type.String(),
  arrivalDate: Nullable(Type.String()),
  seats: Type.Integer(),
  seatsTaken: Type.Integer(),
  status: Codes(MOVEMENT_STATUSES),
  receptionSiteId: Nullable(Uuid),
});
export type MovementSummary = Static<typeof MovementSummary>;

export const Passenger = Type.Object({
  returnCaseId: Uuid,
  caseNumber: Type.String(),
  person: PersonSummary,
  members: Type.Array(ReturnMember),
  seats: Type.Integer(),
  departureStatus: Codes(PASSENGER_DEPARTURE_STATUSES),
  noShowReason: Nullable(Type.String()),
  arrived: Type.Boolean(),
});
export type Passenger = Static<typeof Passenger>;

export const Movement = Type.Object({
  ...MovementSummary.properties,
  organisationId: Uuid,
  carrier: Nullable(Type.String()),
  legs: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), departAt: Type.String(), arriveAt: Type.Optional(Type.String()), carrierRef: Type.Optional(Type.String()) })),
  escorts: Type.Array(Type.Object({ name: Type.String(), role: Codes(MOVEMENT_ESCORT_ROLES) })),
  receptionSiteName: Nullable(Type.String()),
  departedOn: Nullable(Type.String()),
  arrivedOn: Nullable(Type.String()),
  passengers: Type.Array(Passenger),
  abilities: Type.Object({ update: Type.Boolean(), addPassengers: Type.Boolean(), confirmDeparture: Type.Boolean(), confirmArrival: Type.Boolean() }),
  ...RecordStamp,
});
export type Movement = Static<typeof Movement>;

export const MovementsQuery = Type.Object(
  {
    status: Type.Optional(Codes(MOVEMENT_STATUSES)),
    direction: Type.Optional(Codes(RETURN_DIRECTIONS)),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MovementsQuery = Static<typeof MovementsQuery>;

export const PassengerInput = Type.Object({ returnCaseId: Uuid }, { additionalProperties: false });
export type PassengerInput = Static<typeof PassengerInput>;

export const PassengerParams = Type.Object({ id: Uuid, returnCaseId: Uuid }, { additionalProperties: false });
export type PassengerParams = Static<typeof PassengerParams>;

export const DepartureInput = Type.Object(
  {
    departedOn: DateString,
    passengers: Type.Array(
      Type.Object(
        {
          returnCaseId: Uuid,
          status: Type.Union([Type.Literal('departed'), Type.Literal('no_show')]),
          noShowOutcome: Type.Optional(Codes(NO_SHOW_OUTCOMES)),
          reason: Type.Optional(Note),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000, description: 'every passenger of the movement, once' },
    ),
  },
  { additionalProperties: false },
);
export type DepartureInput = Static<typeof DepartureInput>;

export const ArrivalConfirmation = Type.Object(
  { arrivedOn: DateString, passengers: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 1000, uniqueItems: true, description: 'return case ids; all departed ones when absent' })) },
  { additionalProperties: false },
);
export type ArrivalConfirmation = Static<typeof ArrivalConfirmation>;

export const DownloadQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) }, { additionalProperties: false });
export type DownloadQuery = Static<typeof DownloadQuery>;

// ── arrivals ─────────────────────────────────────────────────────────────────────────────────────

export const ArrivalAssistanceInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    type: Codes(ARRIVAL_ASSISTANCE_TYPES),
    givenOn: DateString,
    amountXof: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    note: Type.Optional(Note),
  },
  { additionalProperties: false, description: 'cash_on_arrival defaults to the setting returns.cash_on_arrival_xof' },
);
export type ArrivalAssistanceInput = Static<typeof ArrivalAssistanceInput>;

export const ArrivalAssistance = Type.Object({
  id: Uuid,
  type: Codes(ARRIVAL_ASSISTANCE_TYPES),
  givenOn: Type.String(),
  amountXof: Nullable(Type.Integer()),
  quantity: Nullable(Type.Integer()),
  note: sensitive('personal', Nullable(Type.String())),
  createdAt: Timestamp,
});
export type ArrivalAssistance = Static<typeof ArrivalAssistance>;

export const ArrivalInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    personId: Uuid,
    siteId: Uuid,
    arrivedOn: DateString,
    fromCountry: CountryCode,
    destinationPcode: Pcode,
    returnCaseId: Type.Optional(Uuid),
    vulnerable: Type.Optional(Type.Boolean()),
    referralNeeds: Type.Optional(Type.Array(Codes(ARRIVAL_REFERRAL_NEEDS), { uniqueItems: true })),
    note: Type.Optional(Note),
  },
  { additionalProperties: false, description: 'a spontaneous arrival; register the person first through POST /people' },
);
export type ArrivalInput = Static<typeof ArrivalInput>;

export const Arrival = Type.Object({
  id: Uuid,
  person: PersonSummary,
  returnCaseId: Nullable(Uuid),
  caseNumber: Nullable(Type.String()),
  movementId: Nullable(Uuid),
  siteId: Nullable(Uuid),
  siteName: Nullable(Type.String()),
  arrivedOn: Type.String(),
  fromCountry: Type.String(),
  destinationPcode: Nullable(Type.String()),
  vulnerable: Type.Boolean(),
  referralNeeds: Type.Array(Codes(ARRIVAL_REFERRAL_NEEDS)),
  note: sensitive('personal', Nullable(Type.String())),
  assistance: Type.Array(ArrivalAssistance),
  reintegrationCaseId: Nullable(Uuid),
  reintegrationCaseNumber: Nullable(Type.String()),
  abilities: Type.Object({ addAssistance: Type.Boolean() }),
  ...RecordStamp,
});
export type Arrival = Static<typeof Arrival>;

export const ArrivalsQuery = Type.Object(
  { siteId: Type.Optional(Uuid), from: Type.Optional(DateString), to: Type.Optional(DateString), vulnerable: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export type ArrivalsQuery = Static<typeof ArrivalsQuery>;

export const ExpectedArrivalsQuery = Type.Object({ siteId: Uuid, date: Type.Optional(DateString) }, { additionalProperties: false });
export type ExpectedArrivalsQuery = Static<typeof ExpectedArrivalsQuery>;

export const ExpectedArrivals = Type.Object({
  items: Type.Array(
    Type.Object({
      movementId: Uuid,
      reference: Type.String(),
      kind: Codes(MOVEMENT_KINDS),
      status: Codes(MOVEMENT_STATUSES),
      arrivalDate: Nullable(Type.String()),
      overdue: Type.Boolean(),
      passengers: Type.Array(Passenger),
    }),
  ),
});
export type ExpectedArrivals = Static<typeof ExpectedArrivals>;

// ── dashboard ────────────────────────────────────────────────────────────────────────────────────

/** What the arrival desk needs of the programme's configuration (read-only). */
export const ReturnsSettings = Type.Object({
  cashOnArrivalXof: Type.Integer({ minimum: 0, description: 'the default cash-on-arrival grant (setting returns.cash_on_arrival_xof)' }),
});
export type ReturnsSettings = Static<typeof ReturnsSettings>;

export const ReturnsDashboardQuery = Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString) }, { additionalProperties: false });
export type ReturnsDashboardQuery = Static<typeof ReturnsDashboardQuery>;

export const ReturnsDashboard = Type.Object({
  byStatus: Type.Array(Type.Object({ status: Codes(RETURN_STATUSES), count: Type.Integer() })),
  byDirection: Type.Array(Type.Object({ direction: Codes(RETURN_DIRECTIONS), count: Type.Integer() })),
  byDestinationCountry: Type.Array(Type.Object({ country: Type.String(), count: Type.Integer() })),
  departedByMonth: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), inbound: Type.Integer(), outbound: Type.Integer() })),
  arrivalsByRegion: Type.Array(Type.Object({ pcode: Type.String(), count: Type.Integer() })),
  expiringDocuments: Type.Integer({ description: 'issued documents of open cases expiring within 30 days' }),
  vulnerable: Type.Object({ women: Type.Integer(), minors: Type.Integer(), medical: Type.Integer(), unaccompaniedChildren: Type.Integer() }),
});
export type ReturnsDashboard = Static<typeof ReturnsDashboard>;
