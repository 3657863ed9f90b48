// API shapes of the flows module (SPEC §8): monitoring points, flow counts, flow surveys and data
// collection exercises. Used by the server routes and the web forms alike.
import { Type, type Static } from 'typebox';
import { Codes, CountryCode, DateString, Page, PageQuery, Pcode, RecordStamp, ShortText, Timestamp, Uuid, Version } from '../schemas/common';
import {
  COLLECTION_EXERCISE_METHODS,
  COLLECTION_KINDS,
  COLLECTION_METHODS,
  COLLECTION_STATUSES,
  DESTINATION_REASONS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  FLOW_COUNT_STATUSES,
  FLOW_DIRECTIONS,
  FMP_TYPES,
  FUNDING_SOURCES,
  INFORMATION_NEEDS,
  JOURNEY_DIFFICULTIES,
  MARITAL_STATUSES,
  MIGRATION_REASONS,
  MOVEMENT_TYPES,
  OBSERVATION_WINDOWS,
  OCCUPATION_SECTORS,
  PLANNED_STAYS,
  REFERRALS,
  RETURN_INTENTIONS,
  SURVEY_SEXES,
  TIME_SINCE_DEPARTURE,
  TRANSPORT_MODES,
  TRAVEL_GROUPS,
} from './codes';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));
/** An ISO3 country or the DTM "unknown" code OOO (both match three capitals). */
const CountryOrUnknown = CountryCode;
const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
/** FMP codes as IOM DTM writes them, e.g. ML-FMP-06. */
export const FmpId = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,31}$', description: 'flow monitoring point code, e.g. ML-FMP-06' });

// ── Flow monitoring points ──────────────────────────────────────────────────────────────────────

export const ActivePeriod = Type.Object(
  { from: DateString, to: Nullable(DateString) },
  { additionalProperties: false, description: 'a period in which the point was active; to null = still active' },
);
export type ActivePeriod = Static<typeof ActivePeriod>;

export const FlowPoint = Type.Object({
  id: Type.String(),
  name: Type.String(),
  countryIso3: Type.String(),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  adm1Pcode: Nullable(Type.String()),
  adm2Pcode: Nullable(Type.String()),
  adm3Pcode: Nullable(Type.String()),
  fmpType: Type.String(),
  activePeriods: Type.Array(ActivePeriod),
  note: Nullable(Type.String()),
  version: Version,
});
export type FlowPoint = Static<typeof FlowPoint>;

export const FlowPointInput = Type.Object(
  {
    id: FmpId,
    name: ShortText,
    countryIso3: CountryCode,
    lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    lon: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
    adm1Pcode: Type.Optional(Nullable(Pcode)),
    adm2Pcode: Type.Optional(Nullable(Pcode)),
    adm3Pcode: Type.Optional(Nullable(Pcode)),
    fmpType: Codes(FMP_TYPES),
    activePeriods: Type.Array(ActivePeriod, { minItems: 1, maxItems: 50 }),
    note: OptionalText(2000),
  },
  { additionalProperties: false },
);
export type FlowPointInput = Static<typeof FlowPointInput>;
export const FlowPointPatch = Type.Partial(Type.Omit(FlowPointInput, ['id']), { additionalProperties: false });
export type FlowPointPatch = Static<typeof FlowPointPatch>;
export const FlowPointParams = Type.Object({ id: FmpId }, { additionalProperties: false });
export type FlowPointParams = Static<typeof FlowPointParams>;
export const FlowPointPage = Page(FlowPoint);

// ── Flow counts (FMR) ───────────────────────────────────────────────────────────────────────────

export const NationalityCount = Type.Object({ country: CountryOrUnknown, count: Count }, { additionalProperties: false });
export type NationalityCount = Static<typeof NationalityCount>;

const flowCountFields = {
  fmpId: FmpId,
  date: DateString,
  observationWindow: Codes(OBSERVATION_WINDOWS),
  windowStart: Type.Optional(Nullable(TimeOfDay)),
  windowEnd: Type.Optional(Nullable(TimeOfDay)),
  direction: Codes(FLOW_DIRECTIONS),
  originCountry: CountryOrUnknown,
  originPcode: Type.Optional(Nullable(Pcode)),
  originLocality: OptionalText(200),
  previousTransitLocality: OptionalText(200),
  nextDestinationCountry: CountryOrUnknown,
  finalDestinationCountry: CountryOrUnknown,
  destinationPcode: Type.Optional(Nullable(Pcode)),
  destinationLocality: OptionalText(200),
  transportMode: Codes(TRANSPORT_MODES),
  movementType: Codes(MOVEMENT_TYPES),
  men: Count,
  women: Count,
  boys: Count,
  girls: Count,
  sexAgeUnknown: Count,
  total: Count,
  childrenUnder5: Count,
  unaccompaniedChildren: Nullable(Count),
  pregnantWomen: Count,
  elderly60plus: Count,
  personsWithDisability: Count,
  nationalities: Type.Array(NationalityCount, { maxItems: 60 }),
  collectionMethod: Codes(COLLECTION_METHODS),
  enumeratorId: OptionalText(100),
  collectionId: Type.Optional(Nullable(Uuid)),
};

export const FlowCountInput = Type.Object(
  // id: a client-generated UUIDv7 (offline devices keep the id they showed the user).
  { id: Type.Optional(Uuid), ...flowCountFields, status: Type.Optional(Codes(['draft', 'submitted'] as const)) },
  { additionalProperties: false },
);
export type FlowCountInput = Static<typeof FlowCountInput>;

export const FlowCountPatch = Type.Partial(Type.Object(flowCountFields), { additionalProperties: false });
export type FlowCountPatch = Static<typeof FlowCountPatch>;

export const FlowCount = Type.Object({
  id: Uuid,
  fmpId: Type.String(),
  fmpName: Type.String(),
  date: Type.String(),
  observationWindow: Codes(OBSERVATION_WINDOWS),
  windowStart: Nullable(Type.String()),
  windowEnd: Nullable(Type.String()),
  direction: Codes(FLOW_DIRECTIONS),
  originCountry: Type.String(),
  originPcode: Nullable(Type.String()),
  originLocality: Nullable(Type.String()),
  previousTransitLocality: Nullable(Type.String()),
  nextDestinationCountry: Type.String(),
  finalDestinationCountry: Type.String(),
  destinationPcode: Nullable(Type.String()),
  destinationLocality: Nullable(Type.String()),
  transportMode: Codes(TRANSPORT_MODES),
  movementType: Codes(MOVEMENT_TYPES),
  men: Type.Integer(),
  women: Type.Integer(),
  boys: Type.Integer(),
  girls: Type.Integer(),
  sexAgeUnknown: Type.Integer(),
  total: Type.Integer(),
  childrenUnder5: Type.Integer(),
  unaccompaniedChildren: Nullable(Type.Integer()),
  pregnantWomen: Type.Integer(),
  elderly60plus: Type.Integer(),
  personsWithDisability: Type.Integer(),
  nationalities: Type.Array(Type.Object({ country: Type.String(), count: Type.Integer() })),
  collectionMethod: Codes(COLLECTION_METHODS),
  enumeratorId: Nullable(Type.String()),
  collectionId: Nullable(Type.String()),
  status: Codes(FLOW_COUNT_STATUSES),
  validatedBy: Nullable(Type.String()),
  validatedAt: Nullable(Timestamp),
  rejectionReason: Nullable(Type.String()),
  organisationId: Uuid,
  importId: Nullable(Type.String()),
  ...RecordStamp,
});
export type FlowCount = Static<typeof FlowCount>;
export const FlowCountPage = Page(FlowCount);

export const FlowCountQuery = Type.Object(
  {
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    fmpId: Type.Optional(FmpId),
    direction: Type.Optional(Codes(FLOW_DIRECTIONS)),
    status: Type.Optional(Codes(FLOW_COUNT_STATUSES)),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type FlowCountQuery = Static<typeof FlowCountQuery>;

export const FlowCountTransition = Type.Object(
  {
    to: Codes(['submitted', 'validated', 'rejected'] as const),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type FlowCountTransition = Static<typeof FlowCountTransition>;

// ── Flow surveys (FMS, microdata) ───────────────────────────────────────────────────────────────

const CodeList = <const V extends string[]>(codes: readonly [...V], minItems = 0) =>
  Type.Array(Codes(codes), { uniqueItems: true, minItems, maxItems: codes.length });

/** Interview answers: all optional in the shape; `validateFlowSurvey` requires them when consent is given. */
const surveyAnswerFields = {
  sex: Codes(SURVEY_SEXES),
  age: Type.Integer({ minimum: 14, maximum: 99 }),
  nationality: CountryOrUnknown,
  birthCountry: CountryOrUnknown,
  maritalStatus: Codes(MARITAL_STATUSES),
  education: Codes(EDUCATION_LEVELS),
  employmentBefore: Codes(EMPLOYMENT_STATUSES),
  occupationSector: Nullable(Codes(OCCUPATION_SECTORS)),
  departureCountry: CountryOrUnknown,
  departurePcode: Nullable(Pcode),
  departureLocality: Nullable(Type.String({ maxLength: 200 })),
  timeSinceDeparture: Codes(TIME_SINCE_DEPARTURE),
  previousAttempt: Type.Boolean(),
  forciblyDisplaced: Type.Boolean(),
  reasons: CodeList(MIGRATION_REASONS),
  lastTransitCountry: Nullable(CountryOrUnknown),
  lastTransitLocality: Nullable(Type.String({ maxLength: 200 })),
  transportModes: CodeList(TRANSPORT_MODES),
  travelGroup: Codes(TRAVEL_GROUPS),
  groupSize: Nullable(Type.Integer({ minimum: 1, maximum: 500 })),
  fundingSources: CodeList(FUNDING_SOURCES),
  nextCountry: CountryOrUnknown,
  finalDestinationCountry: CountryOrUnknown,
  destinationReasons: CodeList(DESTINATION_REASONS),
  plannedStay: Codes(PLANNED_STAYS),
  intendsReturn: Codes(RETURN_INTENTIONS),
  journeyDifficulties: CodeList(JOURNEY_DIFFICULTIES),
  informationNeeds: CodeList(INFORMATION_NEEDS),
  referredTo: CodeList(REFERRALS),
  freeText: Nullable(Type.String({ maxLength: 4000 })),
};

export const FlowSurveyInput = Type.Object(
  {
    fmpId: FmpId,
    date: DateString,
    enumeratorId: OptionalText(100),
    collectionId: Type.Optional(Nullable(Uuid)),
    consent: Type.Boolean(),
    alreadySurveyed: Type.Optional(Type.Boolean({ description: 'true ends the interview like a refusal' })),
    ...Type.Partial(Type.Object(surveyAnswerFields)).properties,
  },
  { additionalProperties: false },
);
export type FlowSurveyInput = Static<typeof FlowSurveyInput>;

export const FlowSurvey = Type.Object({
  id: Uuid,
  fmpId: Type.String(),
  date: Type.String(),
  enumeratorId: Nullable(Type.String()),
  collectionId: Nullable(Type.String()),
  consent: Type.Boolean(),
  alreadySurveyed: Type.Boolean(),
  /** Answers are null when the interview ended without consent. */
  ...Type.Object(Object.fromEntries(Object.entries(surveyAnswerFields).map(([k, v]) => [k, Nullable(v)])) as {
    [K in keyof typeof surveyAnswerFields]: ReturnType<typeof Nullable<(typeof surveyAnswerFields)[K]>>;
  }).properties,
  organisationId: Uuid,
  importId: Nullable(Type.String()),
  ...RecordStamp,
});
export type FlowSurvey = Static<typeof FlowSurvey>;
export const FlowSurveyPage = Page(FlowSurvey);

export const FlowSurveyQuery = Type.Object(
  {
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    fmpId: Type.Optional(FmpId),
    nationality: Type.Optional(CountryCode),
    consent: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type FlowSurveyQuery = Static<typeof FlowSurveyQuery>;

// ── Data collection exercises ───────────────────────────────────────────────────────────────────

export const CollectionCoverage = Type.Object(
  { text: Type.String({ maxLength: 2000 }), fmpIds: Type.Array(FmpId, { uniqueItems: true, maxItems: 200 }) },
  { additionalProperties: false },
);
export type CollectionCoverage = Static<typeof CollectionCoverage>;

export const FlowCollectionInput = Type.Object(
  {
    kind: Codes(COLLECTION_KINDS),
    name: ShortText,
    method: Codes(COLLECTION_EXERCISE_METHODS),
    startDate: DateString,
    endDate: Type.Optional(Nullable(DateString)),
    coverage: CollectionCoverage,
    status: Codes(COLLECTION_STATUSES),
  },
  { additionalProperties: false },
);
export type FlowCollectionInput = Static<typeof FlowCollectionInput>;
export const FlowCollectionPatch = Type.Partial(FlowCollectionInput, { additionalProperties: false });
export type FlowCollectionPatch = Static<typeof FlowCollectionPatch>;

export const FlowCollection = Type.Object({
  id: Uuid,
  kind: Codes(COLLECTION_KINDS),
  name: Type.String(),
  method: Codes(COLLECTION_EXERCISE_METHODS),
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  coverage: Type.Object({ text: Type.String(), fmpIds: Type.Array(Type.String()) }),
  status: Codes(COLLECTION_STATUSES),
  organisationId: Uuid,
  ...RecordStamp,
});
export type FlowCollection = Static<typeof FlowCollection>;
export const FlowCollectionPage = Page(FlowCollection);
export const FlowCollectionQuery = Type.Object(
  {
    kind: Type.Optional(Codes(COLLECTION_KINDS)),
    status: Type.Optional(Codes(COLLECTION_STATUSES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type FlowCollectionQuery = Static<typeof FlowCollectionQuery>;
