// The awareness records and codes the screens use, from core's schemas (SPEC §9, issue 7 contract).
export {
  ACTIVITY_TYPES,
  AWARENESS_TARGETS,
  CAMPAIGN_THEMES,
  CHANNELS,
  MASS_MEDIA_TYPES,
  MESSAGE_LANGUAGES,
  SURVEY_PHASES,
  allowsCounted,
  allowsEstimate,
} from '@taama/core';
export type {
  Activity,
  ActivityInput,
  ActivityPatch,
  ActivityType,
  AwarenessDashboard,
  Campaign,
  CampaignInput,
  CampaignPatch,
  CampaignTheme,
  Channel,
  Community,
  CommunityHistory,
  CommunityInput,
  CommunityPatch,
  CountedReach,
  EstimatedReach,
  FocalPoint,
  Material,
  MessageLanguage,
  Participant,
  ParticipantInput,
  ParticipantList,
  SurveyChange,
  SurveyInput,
  SurveyInstrument,
  SurveyItem,
  SurveyPhase,
} from '@taama/core';
import type { SurveyInstrument } from '@taama/core';

/** The answer of GET /awareness/survey-instruments. */
export interface SurveyInstruments {
  items: SurveyInstrument[];
}
