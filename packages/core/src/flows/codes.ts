// Code lists of the flows module (SPEC §8, flow-schemas.md). Labels live in the web locales; these
// are the stable codes stored in the database, accepted by the API and the import, and exported.

export const FMP_TYPES = ['border_crossing', 'transit_hub', 'bus_station', 'bus_truck_station', 'other'] as const;
export type FmpType = (typeof FMP_TYPES)[number];

export const OBSERVATION_WINDOWS = ['full_day', 'morning', 'afternoon', 'custom'] as const;
export type ObservationWindow = (typeof OBSERVATION_WINDOWS)[number];

export const FLOW_DIRECTIONS = ['incoming', 'outgoing', 'transit', 'unknown'] as const;
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

export const TRANSPORT_MODES = ['bus', 'truck', 'car', 'motorcycle', 'tricycle', 'bicycle', 'on_foot', 'animal', 'boat', 'plane', 'other'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const MOVEMENT_TYPES = [
  'economic_long_term',
  'seasonal',
  'short_term_local',
  'family_visit',
  'tourism',
  'forced_conflict',
  'forced_disaster',
  'return',
  'other',
  'unknown',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export const COLLECTION_METHODS = ['direct_observation', 'key_informant', 'traveller_interview'] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];

export const FLOW_COUNT_STATUSES = ['draft', 'submitted', 'validated', 'rejected'] as const;
export type FlowCountStatus = (typeof FLOW_COUNT_STATUSES)[number];

/** The count columns shared by the record, the import, the statistics and the open-data export. */
export const SEX_AGE_FIELDS = ['men', 'women', 'boys', 'girls', 'sexAgeUnknown'] as const;
export type SexAgeField = (typeof SEX_AGE_FIELDS)[number];
export const VULNERABILITY_FIELDS = ['childrenUnder5', 'unaccompaniedChildren', 'pregnantWomen', 'elderly60plus', 'personsWithDisability'] as const;
export type VulnerabilityField = (typeof VULNERABILITY_FIELDS)[number];

// Survey (FMS) code lists.
export const SURVEY_SEXES = ['male', 'female', 'other', 'no_answer'] as const;
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed', 'no_answer'] as const;
export const EDUCATION_LEVELS = ['none', 'koranic', 'primary', 'lower_secondary', 'upper_secondary', 'vocational', 'tertiary', 'postgraduate', 'other'] as const;
export const EMPLOYMENT_STATUSES = ['employed', 'self_employed', 'unemployed_seeking', 'unemployed_not_seeking', 'student', 'retired', 'other'] as const;
export const OCCUPATION_SECTORS = ['agriculture', 'trade', 'construction', 'mining', 'transport', 'services', 'crafts', 'other'] as const;
export const TIME_SINCE_DEPARTURE = ['lt_2w', '2w_3m', '3m_6m', 'gt_6m'] as const;
export const MIGRATION_REASONS = [
  'economic',
  'seasonal_work',
  'gold_mining',
  'agriculture',
  'transhumance',
  'education_training',
  'family_reunion',
  'family_event',
  'conflict',
  'violence_persecution',
  'natural_disaster',
  'climate_change',
  'access_services',
  'access_food_water',
  'medical_care',
  'religious_event',
  'tourism',
  'other',
] as const;
export type MigrationReason = (typeof MIGRATION_REASONS)[number];
export const TRAVEL_GROUPS = ['alone', 'family_adults', 'family_with_children', 'group_no_family'] as const;
export const FUNDING_SOURCES = ['own_earnings', 'savings', 'family_origin', 'family_abroad', 'sold_assets', 'loan', 'other', 'no_answer'] as const;
export const DESTINATION_REASONS = [
  'economic_conditions',
  'job_opportunities',
  'safety',
  'returning_home',
  'following_friends',
  'asylum_access',
  'relatives_there',
  'conational_network',
  'only_choice',
  'seasonal',
  'other',
] as const;
export const PLANNED_STAYS = ['lt_1w', '1w_3m', '3m_12m', 'gt_1y', 'permanent', 'unknown'] as const;
export const RETURN_INTENTIONS = ['yes_any_case', 'yes_when_possible', 'no_dont_want', 'no_cannot', 'unknown'] as const;
export const JOURNEY_DIFFICULTIES = ['none', 'lack_food_water', 'lack_money', 'extortion', 'violence', 'detention', 'illness', 'documents', 'other'] as const;
export const INFORMATION_NEEDS = ['return', 'medical', 'route_risks', 'legal', 'jobs', 'practical', 'destination', 'other'] as const;
export const REFERRALS = ['none', 'avr', 'protection', 'medical', 'shelter', 'psychosocial'] as const;
/** Age bands under which survey ages may be published (flow-schemas.md (b)). */
export const SURVEY_AGE_BANDS = ['<18', '18-24', '25-34', '35-44', '45-59', '60+'] as const;
export type SurveyAgeBand = (typeof SURVEY_AGE_BANDS)[number];

// Data collection exercises (OS3 target 6).
export const COLLECTION_KINDS = ['fmr_period', 'fms_round', 'study'] as const;
export const COLLECTION_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export const COLLECTION_EXERCISE_METHODS = ['direct_observation', 'key_informant', 'traveller_interview', 'household_survey', 'mixed', 'other'] as const;

// Import and publication.
export const IMPORT_MODES = ['dry-run', 'all-or-nothing', 'valid-only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_KINDS = ['counts', 'surveys'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const EXPORT_GROUP_BY = ['month', 'week'] as const;
export type ExportGroupBy = (typeof EXPORT_GROUP_BY)[number];
export const TREND_INTERVALS = ['day', 'week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** Unknown country, DTM convention: accepted for origin, destination and nationality only. */
export const UNKNOWN_COUNTRY = 'OOO';
