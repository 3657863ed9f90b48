// Code lists of assisted voluntary return (SPEC §6). Labels live in the web app's locales.

export const RETURN_DIRECTIONS = ['inbound', 'outbound'] as const;
export type ReturnDirection = (typeof RETURN_DIRECTIONS)[number];

export const RETURN_STATUSES = [
  'requested',
  'counselled',
  'eligible',
  'ineligible',
  'documents_pending',
  'documents_ready',
  'medical_pending',
  'fit_to_travel',
  'fit_with_escort',
  'unfit',
  'booked',
  'departed',
  'arrived',
  'closed',
  'withdrawn',
  'suspended',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Statuses after which a return case is over: nothing may change any more. */
export const RETURN_FINAL_STATUSES: readonly ReturnStatus[] = ['closed', 'withdrawn'];

/** Statuses set only by the movement routes (departure and arrival confirmations). */
export const MOVEMENT_ONLY_STATUSES: readonly ReturnStatus[] = ['departed', 'arrived'];

export const TRAVEL_DOCUMENT_TYPES = ['laissez_passer', 'passport', 'emergency_travel_document', 'consular_card', 'national_id', 'other'] as const;
export type TravelDocumentType = (typeof TRAVEL_DOCUMENT_TYPES)[number];

export const TRAVEL_DOCUMENT_STATUSES = ['requested', 'issued', 'refused', 'cancelled'] as const;
export type TravelDocumentStatus = (typeof TRAVEL_DOCUMENT_STATUSES)[number];

export const MEDICAL_OUTCOMES = ['fit_to_travel', 'fit_with_escort', 'unfit'] as const;
export type MedicalOutcome = (typeof MEDICAL_OUTCOMES)[number];

export const ESCORT_TYPES = ['none', 'medical', 'child'] as const;
export type EscortType = (typeof ESCORT_TYPES)[number];

export const MOVEMENT_KINDS = ['charter_flight', 'commercial_flight', 'bus_convoy'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const MOVEMENT_STATUSES = ['planned', 'departed', 'arrived', 'cancelled'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];

export const MOVEMENT_ESCORT_ROLES = ['medical', 'operations', 'child_protection'] as const;
export type MovementEscortRole = (typeof MOVEMENT_ESCORT_ROLES)[number];

export const PASSENGER_DEPARTURE_STATUSES = ['expected', 'departed', 'no_show'] as const;
export type PassengerDepartureStatus = (typeof PASSENGER_DEPARTURE_STATUSES)[number];

/** What happens to a no-show's case: back to `booked` for another movement, or withdrawn. */
export const NO_SHOW_OUTCOMES = ['booked', 'withdrawn'] as const;
export type NoShowOutcome = (typeof NO_SHOW_OUTCOMES)[number];

export const ARRIVAL_ASSISTANCE_TYPES = [
  'cash_on_arrival',
  'onward_transport',
  'temporary_shelter',
  'food',
  'nfi',
  'medical_care',
  'psychosocial_first_aid',
] as const;
export type ArrivalAssistanceType = (typeof ARRIVAL_ASSISTANCE_TYPES)[number];

/** Needs noted at the arrival desk for a spontaneous returnee. */
export const ARRIVAL_REFERRAL_NEEDS = ['protection', 'medical', 'psychosocial', 'shelter', 'family_tracing'] as const;
export type ArrivalReferralNeed = (typeof ARRIVAL_REFERRAL_NEEDS)[number];

export const RETURN_WITHDRAWAL_REASONS = ['changed_mind', 'continued_journey', 'no_show', 'regularised', 'deceased', 'other'] as const;
export type ReturnWithdrawalReason = (typeof RETURN_WITHDRAWAL_REASONS)[number];

export const DUE_DILIGENCE_OUTCOMES = ['cleared', 'concerns'] as const;
export type DueDiligenceOutcome = (typeof DUE_DILIGENCE_OUTCOMES)[number];

export const BEST_INTEREST_OUTCOMES = ['return_in_best_interest', 'not_in_best_interest'] as const;
export type BestInterestOutcome = (typeof BEST_INTEREST_OUTCOMES)[number];

export const RETURN_EVENT_KINDS = ['created', 'transition', 'updated', 'document', 'medical', 'best_interest', 'movement', 'arrival'] as const;
export type ReturnEventKind = (typeof RETURN_EVENT_KINDS)[number];

/** Mali, the country of every inbound destination. */
export const HOME_COUNTRY = 'MLI';
