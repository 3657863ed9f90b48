// Free movement and border governance API shapes (SPEC §10, issue 7 contract): border posts,
// institutions, trainings and trainees, equipment, incidents, the dashboard and the rights reference.
import { Type, type Static } from 'typebox';
import {
  BORDER_POST_TYPES,
  CORRIDORS,
  INCIDENT_AGENCIES,
  INCIDENT_STATS_BY,
  INCIDENT_TYPES,
  INSTITUTION_KINDS,
  RIGHTS_REGIMES,
  TRAINEE_SEXES,
  TRAINING_TOPICS,
  TRAVEL_DOCUMENTS,
  VICTIM_SEXES,
} from '../mobility/codes';
import { Codes, CountryCode, DateString, Nullable, Page, PageQuery, RecordStamp, Uuid, sensitive } from './common';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Abilities = Type.Object({ update: Type.Boolean() });
const Xof = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'integer XOF' });
const MaliPcode = Type.String({ pattern: '^ML[0-9]{4}([0-9]{2})?$', description: 'Mali cercle (admin-2) or commune (admin-3) P-code' });
const Localised = Type.Object({ fr: Type.String(), en: Type.String() });

// ── border posts ─────────────────────────────────────────────────────────────────────────────────

const borderPostFields = {
  name: Text(200),
  pcode: MaliPcode,
  neighbourCountry: CountryCode,
  type: Codes(BORDER_POST_TYPES),
  corridor: Type.Optional(Nullable(Codes(CORRIDORS))),
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  lon: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
};
export const BorderPostInput = Type.Object({ id: Type.Optional(Uuid), ...borderPostFields }, { additionalProperties: false });
export type BorderPostInput = Static<typeof BorderPostInput>;
export const BorderPostPatch = Type.Partial(Type.Object(borderPostFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type BorderPostPatch = Static<typeof BorderPostPatch>;
export const BorderPost = Type.Object({
  id: Uuid,
  name: Type.String(),
  pcode: Type.String(),
  placeName: Nullable(Type.String()),
  neighbourCountry: Type.String(),
  type: Codes(BORDER_POST_TYPES),
  corridor: Nullable(Codes(CORRIDORS)),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  ...RecordStamp,
  abilities: Abilities,
});
export type BorderPost = Static<typeof BorderPost>;
export const BorderPostQuery = Type.Object(
  { corridor: Type.Optional(Codes(CORRIDORS)), neighbourCountry: Type.Optional(CountryCode), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
  { additionalProperties: false },
);
export type BorderPostQuery = Static<typeof BorderPostQuery>;

// ── institutions ─────────────────────────────────────────────────────────────────────────────────

const institutionFields = {
  name: Text(200),
  kind: Codes(INSTITUTION_KINDS),
  countryCode: Type.Optional(CountryCode),
  parentInstitutionId: Type.Optional(Nullable(Uuid)),
};
export const InstitutionInput = Type.Object({ id: Type.Optional(Uuid), ...institutionFields }, { additionalProperties: false, description: 'countryCode defaults to MLI' });
export type InstitutionInput = Static<typeof InstitutionInput>;
export const InstitutionPatch = Type.Partial(Type.Object(institutionFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type InstitutionPatch = Static<typeof InstitutionPatch>;
export const Institution = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Codes(INSTITUTION_KINDS),
  countryCode: Type.String(),
  parentInstitutionId: Nullable(Uuid),
  parentInstitutionName: Nullable(Type.String()),
  ...RecordStamp,
  abilities: Abilities,
});
export type Institution = Static<typeof Institution>;
export const InstitutionQuery = Type.Object({ kind: Type.Optional(Codes(INSTITUTION_KINDS)), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }, { additionalProperties: false });
export type InstitutionQuery = Static<typeof InstitutionQuery>;

// ── trainings ────────────────────────────────────────────────────────────────────────────────────

const trainingFields = {
  title: Text(300),
  topic: Codes(TRAINING_TOPICS),
  startsOn: DateString,
  endsOn: DateString,
  days: Type.Integer({ minimum: 1, maximum: 365 }),
  place: Text(200),
  pcode: Type.Optional(Nullable(MaliPcode)),
  borderPostId: Type.Optional(Nullable(Uuid)),
  organiserOrganisationId: Type.Optional(Nullable(Uuid)),
};
export const TrainingInput = Type.Object({ id: Type.Optional(Uuid), ...trainingFields }, { additionalProperties: false, description: 'endsOn ≥ startsOn' });
export type TrainingInput = Static<typeof TrainingInput>;
export const TrainingPatch = Type.Partial(Type.Object(trainingFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type TrainingPatch = Static<typeof TrainingPatch>;

const Score = Type.Number({ minimum: 0, maximum: 100 });
export const TraineeInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: Text(200),
    sex: Codes(TRAINEE_SEXES),
    institutionId: Uuid,
    rank: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    daysAttended: Type.Integer({ minimum: 0, maximum: 365 }),
    completed: Type.Boolean(),
    preScore: Type.Optional(Nullable(Score)),
    postScore: Type.Optional(Nullable(Score)),
  },
  { additionalProperties: false },
);
export type TraineeInput = Static<typeof TraineeInput>;
export const TraineesInput = Type.Object({ trainees: Type.Array(TraineeInput, { maxItems: 1000 }) }, { additionalProperties: false });
export type TraineesInput = Static<typeof TraineesInput>;

export const Trainee = Type.Object({
  id: Uuid,
  name: Type.String(),
  sex: Codes(TRAINEE_SEXES),
  institutionId: Uuid,
  institutionName: Type.String(),
  rank: Nullable(Type.String()),
  daysAttended: Type.Integer(),
  completed: Type.Boolean(),
  preScore: Nullable(Type.Number()),
  postScore: Nullable(Type.Number()),
});
export type Trainee = Static<typeof Trainee>;

export const Training = Type.Object({
  id: Uuid,
  title: Type.String(),
  topic: Codes(TRAINING_TOPICS),
  startsOn: Type.String(),
  endsOn: Type.String(),
  days: Type.Integer(),
  place: Type.String(),
  pcode: Nullable(Type.String()),
  borderPostId: Nullable(Uuid),
  borderPostName: Nullable(Type.String()),
  organiserOrganisationId: Nullable(Uuid),
  organisationId: Uuid,
  traineeCount: Type.Integer(),
  completedCount: Type.Integer(),
  meanPreScore: Nullable(Type.Number()),
  meanPostScore: Nullable(Type.Number()),
  gain: Nullable(Type.Number({ description: 'mean post − mean pre, over trainees with both scores' })),
  trainees: Type.Optional(Type.Array(Trainee, { description: 'on the single-training read only' })),
  ...RecordStamp,
  abilities: Abilities,
});
export type Training = Static<typeof Training>;
export const TrainingQuery = Type.Object(
  { from: Type.Optional(DateString), to: Type.Optional(DateString), topic: Type.Optional(Codes(TRAINING_TOPICS)), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
  { additionalProperties: false },
);
export type TrainingQuery = Static<typeof TrainingQuery>;

// ── equipment ────────────────────────────────────────────────────────────────────────────────────

const equipmentFields = {
  type: Text(200),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  valueXof: Xof,
  recipientInstitutionId: Uuid,
  borderPostId: Type.Optional(Nullable(Uuid)),
  handedOverOn: DateString,
};
export const EquipmentInput = Type.Object({ id: Type.Optional(Uuid), ...equipmentFields }, { additionalProperties: false });
export type EquipmentInput = Static<typeof EquipmentInput>;
export const EquipmentPatch = Type.Partial(Type.Object(equipmentFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type EquipmentPatch = Static<typeof EquipmentPatch>;
export const Equipment = Type.Object({
  id: Uuid,
  type: Type.String(),
  quantity: Type.Integer(),
  valueXof: Type.Integer(),
  recipientInstitutionId: Uuid,
  recipientInstitutionName: Type.String(),
  borderPostId: Nullable(Uuid),
  borderPostName: Nullable(Type.String()),
  handedOverOn: Type.String(),
  organisationId: Uuid,
  ...RecordStamp,
  abilities: Abilities,
});
export type Equipment = Static<typeof Equipment>;
export const EquipmentQuery = Type.Object(
  { from: Type.Optional(DateString), to: Type.Optional(DateString), recipientInstitutionId: Type.Optional(Uuid), borderPostId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);
export type EquipmentQuery = Static<typeof EquipmentQuery>;

// ── incidents ────────────────────────────────────────────────────────────────────────────────────

export const IncidentPlace = Type.Object({ name: Text(200), pcode: Type.Optional(Nullable(MaliPcode)) }, { additionalProperties: false });
export const ReporterInput = Type.Object(
  { anonymous: Type.Boolean(), name: Type.Optional(Text(200)), phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' })) },
  { additionalProperties: false, description: 'anonymous → no name or phone' },
);

const incidentFields = {
  occurredOn: DateString,
  borderPostId: Type.Optional(Uuid),
  place: Type.Optional(IncidentPlace),
  corridor: Codes(CORRIDORS),
  agency: Codes(INCIDENT_AGENCIES),
  types: Type.Array(Codes(INCIDENT_TYPES), { minItems: 1, uniqueItems: true }),
  amountDemandedXof: Type.Optional(Nullable(Xof)),
  documentsPresented: Type.Array(Codes(TRAVEL_DOCUMENTS), { uniqueItems: true }),
  victimNationality: Type.Optional(Nullable(CountryCode)),
  victimSex: Type.Optional(Nullable(Codes(VICTIM_SEXES))),
  victimsCount: Type.Integer({ minimum: 1, maximum: 10_000 }),
  reporter: ReporterInput,
  followUp: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
};
export const IncidentInput = Type.Object(
  { id: Type.Optional(Uuid), ...incidentFields },
  { additionalProperties: false, description: 'exactly one of borderPostId or place; occurredOn not in the future' },
);
export type IncidentInput = Static<typeof IncidentInput>;
export const IncidentPatch = Type.Partial(Type.Object(incidentFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type IncidentPatch = Static<typeof IncidentPatch>;

export const Incident = Type.Object({
  id: Uuid,
  occurredOn: Type.String(),
  borderPostId: Nullable(Uuid),
  borderPostName: Nullable(Type.String()),
  place: Nullable(Type.Object({ name: Type.String(), pcode: Nullable(Type.String()) })),
  corridor: Codes(CORRIDORS),
  agency: Codes(INCIDENT_AGENCIES),
  types: Type.Array(Codes(INCIDENT_TYPES)),
  amountDemandedXof: Nullable(Type.Integer()),
  documentsPresented: Type.Array(Codes(TRAVEL_DOCUMENTS)),
  victimNationality: Nullable(Type.String()),
  victimSex: Nullable(Codes(VICTIM_SEXES)),
  victimsCount: Type.Integer(),
  reporter: Type.Object({
    anonymous: Type.Boolean(),
    name: sensitive('sensitive', Nullable(Type.String())),
    phone: sensitive('sensitive', Nullable(Type.String())),
  }),
  followUp: Nullable(Type.String()),
  description: Nullable(Type.String()),
  organisationId: Uuid,
  ...RecordStamp,
  abilities: Abilities,
});
export type Incident = Static<typeof Incident>;
export const IncidentQuery = Type.Object(
  {
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    type: Type.Optional(Codes(INCIDENT_TYPES)),
    corridor: Type.Optional(Codes(CORRIDORS)),
    borderPostId: Type.Optional(Uuid),
    agency: Type.Optional(Codes(INCIDENT_AGENCIES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type IncidentQuery = Static<typeof IncidentQuery>;

export const IncidentStatsQuery = Type.Object(
  { from: Type.Optional(DateString), to: Type.Optional(DateString), by: Type.Optional(Codes(INCIDENT_STATS_BY)) },
  { additionalProperties: false, description: 'by defaults to corridor' },
);
export type IncidentStatsQuery = Static<typeof IncidentStatsQuery>;
export const IncidentStats = Type.Object({
  by: Codes(INCIDENT_STATS_BY),
  items: Type.Array(Type.Object({ key: Type.String(), label: Nullable(Type.String()), count: Type.Integer(), amountDemandedXof: Type.Integer() })),
  total: Type.Integer(),
});
export type IncidentStats = Static<typeof IncidentStats>;

// ── dashboard ────────────────────────────────────────────────────────────────────────────────────

export const MobilityDashboardQuery = Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString) }, { additionalProperties: false });
export type MobilityDashboardQuery = Static<typeof MobilityDashboardQuery>;
const Keyed = (key: string) => Type.Array(Type.Object({ [key]: Type.String(), count: Type.Integer() }));
export const MobilityDashboard = Type.Object({
  targets: Type.Object({ officialsTrained: Type.Integer() }),
  officialsTrained: Type.Integer({ description: 'distinct trainees (canonical name + institution) who completed ≥ 1 training' }),
  institutionsStrengthened: Type.Integer({ description: 'distinct institutions with a completed trainee or an equipment handover' }),
  trainings: Type.Integer(),
  trainingsByTopic: Type.Array(Type.Object({ topic: Codes(TRAINING_TOPICS), trainings: Type.Integer(), completed: Type.Integer() })),
  sexSplit: Type.Object({ male: Type.Integer(), female: Type.Integer() }),
  equipment: Type.Object({ items: Type.Integer(), valueXof: Type.Integer() }),
  incidents: Type.Object({
    total: Type.Integer(),
    byType: Keyed('type'),
    byCorridor: Keyed('corridor'),
    byBorderPost: Type.Array(Type.Object({ borderPostId: Uuid, name: Type.String(), lat: Nullable(Type.Number()), lon: Nullable(Type.Number()), count: Type.Integer() })),
    byMonth: Keyed('month'),
    amountDemandedXof: Type.Integer(),
  }),
});
export type MobilityDashboard = Static<typeof MobilityDashboard>;

// ── rights reference ─────────────────────────────────────────────────────────────────────────────

export const RightsRegimeSchema = Codes(RIGHTS_REGIMES);

const RuleFields = {
  code: Type.String({ minLength: 1 }),
  title: Localised,
  text: Localised,
  source: Type.String({ minLength: 1 }),
  validFrom: DateString,
  validTo: Nullable(DateString),
  toBeChecked: Type.Boolean({ description: 'to be checked against the current official texts' }),
};

/** The shape of the rights reference file an administrator may replace. */
export const RightsReference = Type.Object({
  version: Type.String(),
  writtenOn: DateString,
  note: Type.Optional(Type.String()),
  ecowasMembers: Type.Array(Type.Object({ country: CountryCode, from: Type.Optional(Nullable(DateString)), to: Type.Optional(Nullable(DateString)) })),
  transition: Type.Optional(
    Nullable(
      Type.Object({
        countries: Type.Array(CountryCode),
        from: DateString,
        to: Nullable(DateString),
        keepsRules: Type.Optional(Type.Array(Type.String(), { description: 'codes of the ECOWAS rules still shown during the transition' })),
      }),
    ),
  ),
  rules: Type.Array(Type.Object({ ...RuleFields, regime: Codes(['ecowas', 'aes_transition'] as const) })),
  notices: Type.Object({ ecowas: Localised, aes_transition: Localised, none: Localised }),
});
export type RightsReference = Static<typeof RightsReference>;

export const RightsQuery = Type.Object(
  { date: DateString, nationality: CountryCode, hostCountry: CountryCode },
  { additionalProperties: false },
);
export type RightsQuery = Static<typeof RightsQuery>;

export const RightsAnswer = Type.Object({
  regime: RightsRegimeSchema,
  rules: Type.Array(Type.Object(RuleFields)),
  notice: Localised,
  writtenOn: DateString,
});
export type RightsAnswer = Static<typeof RightsAnswer>;


export const BorderPostPage = Page(BorderPost);
export const InstitutionPage = Page(Institution);
export const TrainingPage = Page(Training);
export const EquipmentPage = Page(Equipment);
export const IncidentPage = Page(Incident);
