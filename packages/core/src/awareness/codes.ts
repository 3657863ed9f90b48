// Code lists of awareness-raising (SPEC §9). Labels live in the web app's locales (enums.json).

export const CAMPAIGN_THEMES = ['irregular_migration_risks', 'legal_pathways', 'return_reintegration', 'migrant_rights', 'free_movement'] as const;
export type CampaignTheme = (typeof CAMPAIGN_THEMES)[number];

export const ACTIVITY_TYPES = [
  'community_dialogue',
  'caravan',
  'radio_broadcast',
  'theatre_forum',
  'video_screening',
  'school_session',
  'migrants_as_messengers_testimony',
  'door_to_door',
  'social_media_post',
  'sms_blast',
  'football_tournament',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Mass-media activities: their audience is an estimate, never a head count. */
export const MASS_MEDIA_TYPES = ['radio_broadcast', 'social_media_post', 'sms_blast'] as const satisfies readonly ActivityType[];

/** Activities that may report either a counted reach or an estimated audience. */
export const EITHER_REACH_TYPES = ['video_screening', 'caravan'] as const satisfies readonly ActivityType[];

export const CHANNELS = ['radio', 'tv', 'social_media', 'sms', 'community_meeting', 'school', 'theatre', 'print', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Languages of campaign messages: French and the main national languages of the programme's areas. */
export const MESSAGE_LANGUAGES = ['fr', 'bm', 'ff', 'son', 'snk', 'tmh', 'other'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const SURVEY_PHASES = ['before', 'after'] as const;
export type SurveyPhase = (typeof SURVEY_PHASES)[number];

export const PARTICIPANT_SEXES = ['male', 'female'] as const;
export type ParticipantSex = (typeof PARTICIPANT_SEXES)[number];

export const PARTICIPANT_AGE_GROUPS = ['child', 'adult'] as const;
export type ParticipantAgeGroup = (typeof PARTICIPANT_AGE_GROUPS)[number];

/** Default targets of the action (SPEC §9); the setting `awareness.targets` overrides them. */
export const AWARENESS_TARGETS = { communities: 200, peopleReached: 70000 } as const;

/** Tells whether an activity type may report an estimated audience instead of a head count. */
export function allowsEstimate(type: ActivityType): boolean {
  return (MASS_MEDIA_TYPES as readonly string[]).includes(type) || (EITHER_REACH_TYPES as readonly string[]).includes(type);
}

/** Tells whether an activity type must report a counted reach (everything but pure mass media). */
export function allowsCounted(type: ActivityType): boolean {
  return !(MASS_MEDIA_TYPES as readonly string[]).includes(type);
}
