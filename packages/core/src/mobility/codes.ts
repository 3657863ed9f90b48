// Code lists of free movement and border governance (SPEC §10). Labels live in the web app's locales.

export const BORDER_POST_TYPES = ['land_border', 'airport', 'river_crossing', 'checkpoint'] as const;
export type BorderPostType = (typeof BORDER_POST_TYPES)[number];

export const INSTITUTION_KINDS = ['police', 'customs', 'gendarmerie', 'civil_protection', 'ministry', 'ngo', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const TRAINING_TOPICS = [
  'integrated_border_management',
  'free_movement_protocol',
  'document_fraud',
  'smuggling_trafficking',
  'humanitarian_border_management',
  'data_systems',
  'migrant_rights',
] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

export const INCIDENT_TYPES = ['extortion', 'harassment', 'refused_entry_with_valid_documents', 'document_confiscation', 'detention', 'violence'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_AGENCIES = ['police', 'customs', 'gendarmerie', 'military', 'other_official', 'non_state', 'unknown'] as const;
export type IncidentAgency = (typeof INCIDENT_AGENCIES)[number];

export const CORRIDORS = [
  'bamako_dakar',
  'bamako_abidjan',
  'bamako_conakry',
  'bamako_ouagadougou',
  'sikasso_bobo_dioulasso',
  'kayes_nouakchott',
  'gao_niamey',
  'gao_algeria',
  'mopti_ouagadougou',
  'other',
] as const;
export type Corridor = (typeof CORRIDORS)[number];

export const TRAVEL_DOCUMENTS = ['passport', 'national_id', 'ecowas_card', 'laissez_passer', 'health_certificate', 'none', 'other'] as const;
export type PresentedDocument = (typeof TRAVEL_DOCUMENTS)[number];

export const TRAINEE_SEXES = ['male', 'female'] as const;
export type TraineeSex = (typeof TRAINEE_SEXES)[number];

export const VICTIM_SEXES = ['male', 'female', 'mixed', 'unknown'] as const;
export type VictimSex = (typeof VICTIM_SEXES)[number];

export const RIGHTS_REGIMES = ['ecowas', 'aes_transition', 'none'] as const;
export type RightsRegime = (typeof RIGHTS_REGIMES)[number];

export const INCIDENT_STATS_BY = ['corridor', 'borderPost', 'type', 'month'] as const;
export type IncidentStatsBy = (typeof INCIDENT_STATS_BY)[number];

/** Default target of the action (SPEC §10); the setting `mobility.targets` overrides it. */
export const MOBILITY_TARGETS = { officialsTrained: 120 } as const;

/** Default share of a training's days a trainee must attend to be marked as having completed it. */
export const DEFAULT_COMPLETION_MIN_SHARE = 0.8;
