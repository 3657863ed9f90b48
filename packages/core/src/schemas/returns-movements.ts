// Assisted voluntary return's API shapes (SPEC §6, §13), second half: movements, arrivals and the
// dashboard.
import { Type, type Static } from 'typebox';
import {
  ARRIVAL_ASSISTANCE_TYPES,
  ARRIVAL_REFERRAL_NEEDS,
  MOVEMENT_ESCORT_ROLES,
  MOVEMENT_KINDS,
  MOVEMENT_STATUSES,
  NO_SHOW_OUTCOMES,
  PASSENGER_DEPARTURE_STATUSES,
  RETURN_DIRECTIONS,
  RETURN_STATUSES,
} from '../returns/codes';
import { Codes, CountryCode, DateString, Nullable, PageQuery, Pcode, RecordStamp, Timestamp, Uuid, sensitive } from './common';
import { PersonSummary } from './people';
import { ReturnMember } from './returns';
import { Note, Text } from './returns-fields';

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
