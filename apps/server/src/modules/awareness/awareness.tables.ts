// Table types of the awareness module, merged into the Database interface (platform/db/schema.ts)
// by module augmentation; the free-movement tables come along through the import below.
import type { ColumnType, Generated } from 'kysely';
import type {} from '../mobility/mobility.tables';

/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

interface Stamped {
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface CommunityTable extends Stamped {
  id: string;
  name: string;
  communePcode: string;
  regionPcode: string;
  highEmigrationZone: boolean;
  population: number | null;
  focalPoints: Json<{ name: string; role: string; phone?: string }[]>;
  organisationId: string;
}

export interface AwarenessCampaignTable extends Stamped {
  id: string;
  name: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  partnerOrganisationId: string | null;
  messages: Json<{ language: string; text: string }[]>;
  channels: Json<string[]>;
  targetCommunityIds: Json<string[]>;
  organisationId: string;
}

export interface AwarenessActivityTable extends Stamped {
  id: string;
  campaignId: string | null;
  type: string;
  date: string;
  communityId: string | null;
  fmpId: string | null;
  routeLocationName: string | null;
  communePcode: string | null;
  regionPcode: string | null;
  facilitator: string;
  reachTotal: number | null;
  men: number | null;
  women: number | null;
  boys: number | null;
  girls: number | null;
  estimatedAudience: number | null;
  materials: Json<{ type: string; quantity: number }[]>;
  notes: string | null;
  organisationId: string;
}

export interface AwarenessActivityPhotoTable {
  id: string;
  activityId: string;
  contentType: string;
  size: number;
  data: Buffer;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface AwarenessParticipantTable {
  id: string;
  activityId: string;
  name: string;
  sex: string;
  ageGroup: string;
  consentToMatch: boolean;
  phone: string | null;
  participantKey: string;
  isRepeat: boolean;
  personId: string | null;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface AwarenessSurveyTable extends Stamped {
  id: string;
  communityId: string;
  phase: string;
  surveyedOn: string;
  instrumentVersion: string;
  respondents: number;
  meanScore: number;
  organisationId: string;
}

export interface AwarenessSurveyResponseTable {
  id: string;
  surveyId: string;
  answers: Json<Record<string, string>>;
  score: number;
}

export interface AwarenessTables {
  communities: CommunityTable;
  awarenessCampaigns: AwarenessCampaignTable;
  awarenessActivities: AwarenessActivityTable;
  awarenessActivityPhotos: AwarenessActivityPhotoTable;
  awarenessParticipants: AwarenessParticipantTable;
  awarenessSurveys: AwarenessSurveyTable;
  awarenessSurveyResponses: AwarenessSurveyResponseTable;
}

declare module '../../platform/db/schema' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Database extends AwarenessTables {}
}
