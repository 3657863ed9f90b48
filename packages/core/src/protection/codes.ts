// Code lists of protection in transit (SPEC §5). Labels live in the web app's locales.

export const VULNERABILITY_FLAGS = [
  'unaccompanied_child',
  'separated_child',
  'victim_of_trafficking',
  'medical_needs',
  'disability',
  'elderly',
  'pregnant',
  'single_parent',
  'gbv_survivor',
  'victim_of_violence_in_transit',
  'mental_health',
] as const;
export type VulnerabilityFlag = (typeof VULNERABILITY_FLAGS)[number];

/** Flags that reveal trafficking, GBV or health: shown only to roles cleared for `sensitive`. */
export const SENSITIVE_FLAGS: readonly VulnerabilityFlag[] = ['victim_of_trafficking', 'medical_needs', 'gbv_survivor', 'mental_health', 'victim_of_violence_in_transit'];

/** Tells whether a flag is sensitive (trafficking, GBV, health). */
export function isSensitiveFlag(flag: VulnerabilityFlag): boolean {
  return SENSITIVE_FLAGS.includes(flag);
}

/** The four levels of the IOM Determinants of Migrant Vulnerability model. */
export const FACTOR_LEVELS = ['individual', 'household', 'community', 'structural'] as const;
export type FactorLevel = (typeof FACTOR_LEVELS)[number];

export const RISK_FACTORS = {
  individual: ['no_documents', 'irregular_status', 'no_money', 'health_condition', 'low_literacy', 'prior_exploitation', 'substance_use'],
  household: ['family_debt', 'family_conflict', 'dependants_left_behind', 'no_family_contact', 'pressure_to_migrate'],
  community: ['discrimination', 'no_social_network', 'insecurity_in_area', 'smuggler_presence'],
  structural: ['armed_conflict', 'no_legal_access', 'border_closure', 'climate_shock', 'no_services_available'],
} as const satisfies Record<FactorLevel, readonly string[]>;

export const PROTECTIVE_FACTORS = {
  individual: ['holds_documents', 'has_savings', 'has_skills', 'good_health', 'speaks_local_language'],
  household: ['family_support', 'family_contact', 'remittances_received'],
  community: ['community_network', 'religious_support', 'diaspora_contact'],
  structural: ['access_to_services', 'legal_status', 'humanitarian_presence'],
} as const satisfies Record<FactorLevel, readonly string[]>;

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SERVICE_TYPES = [
  'shelter_night',
  'food',
  'nfi',
  'hygiene_kit',
  'medical_consultation',
  'medical_referral',
  'psychosocial_support',
  'legal_counselling',
  'family_tracing',
  'restoring_family_links_call',
  'cash',
  'transport',
  'clothing',
  'information_counselling',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const TRANSIT_CASE_STATUSES = ['open', 'active', 'referred', 'closed'] as const;
export type TransitCaseStatus = (typeof TRANSIT_CASE_STATUSES)[number];

export const CLOSURE_REASONS = ['returned_home', 'avr_departed', 'continued_journey', 'referred_out', 'lost_contact', 'duplicate', 'deceased', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const REFERRAL_KINDS = ['internal', 'external'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** What a referral asks for; `avr` hands the person to the return team. */
export const REFERRAL_SERVICES = ['avr', 'protection', 'medical', 'psychosocial', 'legal', 'shelter', 'family_tracing', 'livelihood', 'other'] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'completed', 'closed_without_service'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const TASK_KINDS = ['follow_up', 'best_interest_determination', 'family_tracing', 'document_request', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['open', 'awaiting_approval', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
