// Code lists of the people registry (SPEC §2, §4). Labels live in the web app's locales.

export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** How a date of birth is known: exactly, only its year, or estimated (e.g. from appearance). */
export const DOB_PRECISIONS = ['exact', 'year', 'estimated'] as const;
export type DobPrecision = (typeof DOB_PRECISIONS)[number];

export const DOCUMENT_TYPES = ['passport', 'national_id', 'consular_card', 'laissez_passer', 'birth_certificate', 'none'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** What a person consented to (SPEC §3). `data_sharing` names the organisation it allows. */
export const CONSENT_KINDS = ['registration', 'data_sharing', 'photo', 'follow_up_contact'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_METHODS = ['explicit_signed', 'explicit_oral', 'proxy'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const GROUP_KINDS = ['family', 'travel_group'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other_relative', 'guardian', 'travel_companion', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** A record is active, merged into another (kept for unmerge), or anonymised (erased identity). */
export const PERSON_STATUSES = ['active', 'merged', 'anonymised'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const LANGUAGE_CODES = ['bam', 'fra', 'eng', 'ara', 'ful', 'son', 'snk', 'tmh', 'wol', 'hau', 'dyu', 'mos', 'sus', 'other'] as const;
