// Awareness-raising API shapes (SPEC §9, issue 7 contract): communities, campaigns, activities,
// named participants, knowledge/attitude surveys and the dashboard. Used by routes and forms alike.
import { Type, type Static } from 'typebox';
import {
  ACTIVITY_TYPES,
  CAMPAIGN_THEMES,
  CHANNELS,
  MESSAGE_LANGUAGES,
  PARTICIPANT_AGE_GROUPS,
  PARTICIPANT_SEXES,
  SURVEY_PHASES,
} from '../awareness/codes';
import { Codes, DateString, Nullable, Page, PageQuery, Pcode, RecordStamp, Uuid } from './common';

const Count = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Localised = Type.Object({ fr: Type.String(), en: Type.String() });
const Abilities = Type.Object({ update: Type.Boolean() });
const FmpCode = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,31}$', description: 'flow monitoring point code, e.g. ML-FMP-06' });

// ── communities ──────────────────────────────────────────────────────────────────────────────────

export const FocalPoint = Type.Object(
  { name: Text(200), role: Text(200), phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' })) },
  { additionalProperties: false },
);
export type FocalPoint = Static<typeof FocalPoint>;

const communityFields = {
  name: Text(200),
  communePcode: Type.String({ pattern: '^ML[0-9]{6}$', description: 'Mali commune (admin-3) P-code' }),
  highEmigrationZone: Type.Boolean(),
  population: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 }))),
  focalPoints: Type.Optional(Type.Array(FocalPoint, { maxItems: 50 })),
};

export const CommunityInput = Type.Object({ id: Type.Optional(Uuid), ...communityFields }, { additionalProperties: false });
export type CommunityInput = Static<typeof CommunityInput>;

export const CommunityPatch = Type.Partial(Type.Object(communityFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type CommunityPatch = Static<typeof CommunityPatch>;

export const Community = Type.Object({
  id: Uuid,
  name: Type.String(),
  communePcode: Type.String(),
  communeName: Nullable(Type.String()),
  regionPcode: Type.String(),
  regionName: Nullable(Type.String()),
  highEmigrationZone: Type.Boolean(),
  population: Nullable(Type.Integer()),
  focalPoints: Type.Array(FocalPoint),
  activityCount: Type.Integer(),
  peopleReached: Type.Integer(),
  lastActivityOn: Nullable(Type.String()),
  ...RecordStamp,
  abilities: Abilities,
});
export type Community = Static<typeof Community>;
export const CommunityPage = Page(Community);

export const CommunityQuery = Type.Object(
  {
    regionPcode: Type.Optional(Pcode),
    communePcode: Type.Optional(Pcode),
    highEmigration: Type.Optional(Type.Boolean()),
    reached: Type.Optional(Type.Boolean({ description: 'true: at least one activity with counted reach; false: none' })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CommunityQuery = Static<typeof CommunityQuery>;

// ── campaigns ────────────────────────────────────────────────────────────────────────────────────

export const CampaignMessage = Type.Object({ language: Codes(MESSAGE_LANGUAGES), text: Text(4000) }, { additionalProperties: false });
export type CampaignMessage = Static<typeof CampaignMessage>;

const campaignFields = {
  name: Text(200),
  theme: Codes(CAMPAIGN_THEMES),
  startsOn: DateString,
  endsOn: DateString,
  partnerOrganisationId: Type.Optional(Nullable(Uuid)),
  messages: Type.Array(CampaignMessage, { maxItems: 50 }),
  channels: Type.Array(Codes(CHANNELS), { uniqueItems: true }),
  targetCommunityIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true, maxItems: 1000 })),
};

export const CampaignInput = Type.Object({ id: Type.Optional(Uuid), ...campaignFields }, { additionalProperties: false, description: 'endsOn ≥ startsOn' });
export type CampaignInput = Static<typeof CampaignInput>;

export const CampaignPatch = Type.Partial(Type.Object(campaignFields, { additionalProperties: false }), { additionalProperties: false, minProperties: 1 });
export type CampaignPatch = Static<typeof CampaignPatch>;

export const Campaign = Type.Object({
  id: Uuid,
  name: Type.String(),
  theme: Codes(CAMPAIGN_THEMES),
  startsOn: Type.String(),
  endsOn: Type.String(),
  partnerOrganisationId: Nullable(Uuid),
  partnerOrganisationName: Nullable(Type.String()),
  messages: Type.Array(CampaignMessage),
  channels: Type.Array(Codes(CHANNELS)),
  targetCommunityIds: Type.Array(Uuid),
  organisationId: Uuid,
  activityCount: Type.Integer(),
  peopleReached: Type.Integer(),
  ...RecordStamp,
  abilities: Abilities,
});
export type Campaign = Static<typeof Campaign>;
export const CampaignPage = Page(Campaign);

export const CampaignQuery = Type.Object(
  { from: Type.Optional(DateString), to: Type.Optional(DateString), theme: Type.Optional(Codes(CAMPAIGN_THEMES)), q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
  { additionalProperties: false },
);
export type CampaignQuery = Static<typeof CampaignQuery>;

// ── activities ───────────────────────────────────────────────────────────────────────────────────

export const CountedReachSchema = Type.Object({ total: Count, men: Count, women: Count, boys: Count, girls: Count }, { additionalProperties: false });
export const EstimatedReachSchema = Type.Object({ estimatedAudience: Count }, { additionalProperties: false });
export const ReachInput = Type.Union([CountedReachSchema, EstimatedReachSchema], { description: 'a head count by sex × age, or an estimated audience (mass media only)' });
export type ReachInput = Static<typeof ReachInput>;

export const RouteLocation = Type.Object({ name: Text(200), communePcode: Type.String({ pattern: '^ML[0-9]{6}$' }) }, { additionalProperties: false });
export type RouteLocation = Static<typeof RouteLocation>;

export const Material = Type.Object({ type: Text(100), quantity: Type.Integer({ minimum: 0, maximum: 10_000_000 }) }, { additionalProperties: false });
export type Material = Static<typeof Material>;

const activityFields = {
  campaignId: Type.Optional(Nullable(Uuid)),
  type: Codes(ACTIVITY_TYPES),
  date: DateString,
  communityId: Type.Optional(Uuid),
  fmpId: Type.Optional(FmpCode),
  routeLocation: Type.Optional(RouteLocation),
  facilitator: Text(200),
  reached: ReachInput,
  materials: Type.Optional(Type.Array(Material, { maxItems: 50 })),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
};

export const ActivityInput = Type.Object(
  { id: Type.Optional(Uuid), ...activityFields },
  { additionalProperties: false, description: 'exactly one of communityId, fmpId, routeLocation; date not in the future' },
);
export type ActivityInput = Static<typeof ActivityInput>;

export const ActivityPatch = Type.Partial(Type.Object(activityFields, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
  description: 'a new place (communityId, fmpId or routeLocation) replaces the old one',
});
export type ActivityPatch = Static<typeof ActivityPatch>;

export const ActivityPhoto = Type.Object({ id: Uuid, contentType: Type.String(), size: Type.Integer(), createdAt: Type.String() });
export type ActivityPhoto = Static<typeof ActivityPhoto>;

export const Activity = Type.Object({
  id: Uuid,
  campaignId: Nullable(Uuid),
  campaignName: Nullable(Type.String()),
  type: Codes(ACTIVITY_TYPES),
  date: Type.String(),
  communityId: Nullable(Uuid),
  communityName: Nullable(Type.String()),
  fmpId: Nullable(Type.String()),
  routeLocation: Nullable(RouteLocation),
  communePcode: Nullable(Type.String()),
  regionPcode: Nullable(Type.String()),
  facilitator: Type.String(),
  reached: Nullable(Type.Object({ total: Type.Integer(), men: Type.Integer(), women: Type.Integer(), boys: Type.Integer(), girls: Type.Integer() })),
  estimatedAudience: Nullable(Type.Integer()),
  materials: Type.Array(Material),
  notes: Nullable(Type.String()),
  participantCount: Type.Integer({ description: 'size of the named list; 0 without one' }),
  photos: Type.Array(ActivityPhoto),
  organisationId: Uuid,
  ...RecordStamp,
  abilities: Type.Object({ update: Type.Boolean(), addPhoto: Type.Boolean(), editParticipants: Type.Boolean() }),
});
export type Activity = Static<typeof Activity>;
export const ActivityPage = Page(Activity);

export const ActivityQuery = Type.Object(
  {
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    type: Type.Optional(Codes(ACTIVITY_TYPES)),
    campaignId: Type.Optional(Uuid),
    communityId: Type.Optional(Uuid),
    regionPcode: Type.Optional(Pcode),
    communePcode: Type.Optional(Pcode),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ActivityQuery = Static<typeof ActivityQuery>;

export const PhotoParams = Type.Object({ id: Uuid, photoId: Uuid }, { additionalProperties: false });
export type PhotoParams = Static<typeof PhotoParams>;

// ── named participants ───────────────────────────────────────────────────────────────────────────

export const ParticipantInput = Type.Object(
  {
    name: Text(200),
    sex: Codes(PARTICIPANT_SEXES),
    ageGroup: Codes(PARTICIPANT_AGE_GROUPS),
    consentToMatch: Type.Boolean({ description: 'the participant agreed to be matched against the registry' }),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' })),
  },
  { additionalProperties: false },
);
export type ParticipantInput = Static<typeof ParticipantInput>;

export const ParticipantsInput = Type.Object({ participants: Type.Array(ParticipantInput, { maxItems: 5000 }) }, { additionalProperties: false });
export type ParticipantsInput = Static<typeof ParticipantsInput>;

export const Participant = Type.Object({
  id: Uuid,
  name: Type.String(),
  sex: Codes(PARTICIPANT_SEXES),
  ageGroup: Codes(PARTICIPANT_AGE_GROUPS),
  repeat: Type.Boolean({ description: 'already attended an earlier-recorded activity' }),
});
export type Participant = Static<typeof Participant>;

export const ParticipantList = Type.Object({ participants: Type.Array(Participant), uniqueNew: Type.Integer() });
export type ParticipantList = Static<typeof ParticipantList>;

// ── surveys ──────────────────────────────────────────────────────────────────────────────────────

export const SurveyInstrumentSchema = Type.Object({
  version: Type.String(),
  title: Localised,
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      kind: Type.Union([Type.Literal('true_false'), Type.Literal('single_choice')]),
      question: Localised,
      options: Type.Array(Type.Object({ value: Type.String(), label: Localised })),
      correct: Type.String(),
    }),
  ),
});
export const SurveyInstrumentList = Type.Object({ items: Type.Array(SurveyInstrumentSchema) });

export const SurveyInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    communityId: Uuid,
    phase: Codes(SURVEY_PHASES),
    surveyedOn: DateString,
    instrumentVersion: Text(50),
    responses: Type.Array(
      Type.Object({ answers: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 64 })) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type SurveyInput = Static<typeof SurveyInput>;

export const Survey = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  phase: Codes(SURVEY_PHASES),
  surveyedOn: Type.String(),
  instrumentVersion: Type.String(),
  respondents: Type.Integer(),
  meanScore: Type.Number({ description: 'mean share of correct answers, 0–1' }),
  organisationId: Uuid,
  createdAt: Type.String(),
});
export type Survey = Static<typeof Survey>;

const PhaseScore = Type.Object({ n: Type.Integer(), meanScore: Nullable(Type.Number()) });
export const SurveyChange = Type.Object({
  communityId: Uuid,
  items: Type.Array(Type.Object({ instrumentVersion: Type.String(), before: PhaseScore, after: PhaseScore, change: Nullable(Type.Number()) })),
});
export type SurveyChange = Static<typeof SurveyChange>;

export const CommunityHistory = Type.Object({ activities: Type.Array(Activity), surveys: Type.Array(Survey) });
export type CommunityHistory = Static<typeof CommunityHistory>;

// ── dashboard ────────────────────────────────────────────────────────────────────────────────────

export const AwarenessDashboardQuery = Type.Object(
  { from: Type.Optional(DateString), to: Type.Optional(DateString), regionPcode: Type.Optional(Pcode) },
  { additionalProperties: false },
);
export type AwarenessDashboardQuery = Static<typeof AwarenessDashboardQuery>;

const Place = Type.Object({ pcode: Type.String(), name: Nullable(Type.String()), reached: Type.Integer(), communities: Type.Integer() });
export const AwarenessDashboard = Type.Object({
  targets: Type.Object({ communities: Type.Integer(), peopleReached: Type.Integer() }),
  communitiesReached: Type.Integer({ description: 'distinct communities with ≥ 1 activity with counted reach' }),
  peopleReached: Type.Integer({ description: 'counted reach; each named participant once' }),
  estimatedAudience: Type.Integer({ description: 'mass-media estimates, never added to peopleReached' }),
  activities: Type.Integer(),
  sexAge: Type.Object({ men: Type.Integer(), women: Type.Integer(), boys: Type.Integer(), girls: Type.Integer() }),
  byMonth: Type.Array(Type.Object({ month: Type.String(), reached: Type.Integer(), cumulative: Type.Integer() })),
  byType: Type.Array(Type.Object({ type: Codes(ACTIVITY_TYPES), activities: Type.Integer(), reached: Type.Integer(), estimated: Type.Integer() })),
  byRegion: Type.Array(Place),
  byCommune: Type.Array(Place),
});
export type AwarenessDashboard = Static<typeof AwarenessDashboard>;

