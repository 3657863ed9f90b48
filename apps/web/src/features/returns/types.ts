// The shapes of the assisted-voluntary-return API (SPEC §6) as the screens use them, written to the
// issue's contract while the shared core schemas are being written.
import type { PersonSummary } from '@taama/core';

export const RETURN_DIRECTIONS = ['inbound', 'outbound'] as const;
export const RETURN_STATUSES = ['requested', 'counselled', 'eligible', 'ineligible', 'documents_pending', 'documents_ready', 'medical_pending', 'fit_to_travel', 'fit_with_escort', 'unfit', 'booked', 'departed', 'arrived', 'closed', 'withdrawn', 'suspended'] as const;
export const TRAVEL_DOCUMENT_TYPES = ['laissez_passer', 'passport', 'emergency_travel_document', 'consular_card', 'national_id', 'other'] as const;
export const TRAVEL_DOCUMENT_STATUSES = ['requested', 'issued', 'refused', 'cancelled'] as const;
export const MEDICAL_OUTCOMES = ['fit_to_travel', 'fit_with_escort', 'unfit'] as const;
export const ESCORT_TYPES = ['none', 'medical', 'child'] as const;
export const MOVEMENT_KINDS = ['charter_flight', 'commercial_flight', 'bus_convoy'] as const;
export const MOVEMENT_STATUSES = ['planned', 'departed', 'arrived', 'cancelled'] as const;
export const PASSENGER_DEPARTURE_STATUSES = ['expected', 'departed', 'no_show'] as const;
export const ARRIVAL_ASSISTANCE_TYPES = ['cash_on_arrival', 'onward_transport', 'temporary_shelter', 'food', 'nfi', 'medical_care', 'psychosocial_first_aid'] as const;
export const RETURN_WITHDRAWAL_REASONS = ['changed_mind', 'continued_journey', 'no_show', 'regularised', 'deceased', 'other'] as const;
export const DUE_DILIGENCE_OUTCOMES = ['cleared', 'concerns'] as const;
export const BEST_INTEREST_OUTCOMES = ['return_in_best_interest', 'not_in_best_interest'] as const;
export const ESCORT_ROLES = ['medical', 'operations', 'child_protection'] as const;
export const REFERRAL_NEEDS = ['protection', 'medical', 'psychosocial', 'shelter', 'family_tracing'] as const;
export const EVENT_KINDS = ['created', 'transition', 'updated', 'document', 'medical', 'best_interest', 'movement', 'arrival'] as const;

export type ReturnDirection = (typeof RETURN_DIRECTIONS)[number];
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export type TravelDocumentType = (typeof TRAVEL_DOCUMENT_TYPES)[number];
export type TravelDocumentStatus = (typeof TRAVEL_DOCUMENT_STATUSES)[number];
export type MedicalOutcome = (typeof MEDICAL_OUTCOMES)[number];
export type EscortType = (typeof ESCORT_TYPES)[number];
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
export type PassengerDepartureStatus = (typeof PASSENGER_DEPARTURE_STATUSES)[number];
export type ArrivalAssistanceType = (typeof ARRIVAL_ASSISTANCE_TYPES)[number];
export type ReturnWithdrawalReason = (typeof RETURN_WITHDRAWAL_REASONS)[number];
export type DueDiligenceOutcome = (typeof DUE_DILIGENCE_OUTCOMES)[number];
export type BestInterestOutcome = (typeof BEST_INTEREST_OUTCOMES)[number];
export type EscortRole = (typeof ESCORT_ROLES)[number];
export type ReferralNeed = (typeof REFERRAL_NEEDS)[number];
export type ReturnEventKind = (typeof EVENT_KINDS)[number];

/** A return case as lists and the pipeline show it. */
export interface ReturnCaseSummary {
  id: string;
  caseNumber: string;
  status: ReturnStatus;
  statusSince: string;
  direction: ReturnDirection;
  destinationCountry: string;
  person: PersonSummary;
  memberCount: number;
  siteId: string | null;
  siteName: string | null;
  counsellor: { id: string; displayName: string } | null;
  unaccompaniedChild: boolean;
  medicalCase: boolean;
  daysInState: number;
  version: number;
}

export interface TravelDocument {
  id: string;
  type: TravelDocumentType;
  consulate?: string | null;
  requestedOn: string;
  issuedOn?: string | null;
  number?: string | null;
  expiresOn?: string | null;
  status: TravelDocumentStatus;
  version: number;
}

export interface MedicalCheck {
  id: string;
  examinedOn: string;
  outcome: MedicalOutcome;
  escort: EscortType;
  /** Only for callers cleared to read sensitive data. */
  conditions?: string | null;
}

export interface ReturnMember {
  personId: string;
  relationship: string;
  person: PersonSummary;
}

export interface ReturnAbilities {
  update: boolean;
  transition: boolean;
  approveBestInterest: boolean;
  addDocument: boolean;
  addMedical: boolean;
}

/** A whole return case. */
export interface ReturnCase extends ReturnCaseSummary {
  destinationPcode: string | null;
  destinationLocality: string | null;
  fromCountry: string | null;
  requestedOn: string;
  members: ReturnMember[];
  declaration: { signedOn: string; witness: string } | null;
  dueDiligence: { checkedOn: string; outcome: DueDiligenceOutcome; note?: string | null } | null;
  bestInterest: {
    determinedOn: string;
    outcome: BestInterestOutcome;
    note?: string | null;
    recordedBy: string | { id: string; displayName: string } | null;
    approvedBy: string | { id: string; displayName: string } | null;
    approvedAt: string | null;
  } | null;
  travelDocuments: TravelDocument[];
  medicalChecks: MedicalCheck[];
  movement: { id: string; reference: string; departureDate: string } | null;
  arrival: { id: string; arrivedOn: string; siteId: string | null } | null;
  reintegrationCaseId: string | null;
  reintegrationCaseNumber?: string | null;
  suspendedFrom: ReturnStatus | null;
  withdrawalReason: ReturnWithdrawalReason | null;
  allowedTransitions: ReturnStatus[];
  abilities: ReturnAbilities;
  createdAt: string;
  updatedAt: string;
}

export interface ReturnCaseInput {
  personId: string;
  direction: ReturnDirection;
  destinationCountry: string;
  destinationPcode?: string;
  destinationLocality?: string;
  fromCountry?: string;
  siteId?: string;
  requestedOn?: string;
  unaccompaniedChild?: boolean;
  members?: { personId: string; relationship: string }[];
}

export interface ReturnCasePatch {
  counsellorId?: string | null;
  destinationPcode?: string | null;
  destinationLocality?: string | null;
  unaccompaniedChild?: boolean;
  declaration?: { signedOn: string; witness: string };
  dueDiligence?: { checkedOn: string; outcome: DueDiligenceOutcome; note?: string };
  members?: { personId: string; relationship: string }[];
}

export interface ReturnsQuery {
  status?: string;
  direction?: string;
  siteId?: string;
  nationality?: string;
  vulnerable?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface ReturnEvent {
  id: string;
  at: string;
  by: { id: string; displayName: string } | null;
  kind: ReturnEventKind;
  from?: ReturnStatus | null;
  to?: ReturnStatus | null;
  note?: string | null;
}

export interface TravelDocumentInput {
  type: TravelDocumentType;
  consulate?: string;
  requestedOn: string;
  issuedOn?: string;
  number?: string;
  expiresOn?: string;
  status: TravelDocumentStatus;
}

export interface MedicalCheckInput {
  examinedOn: string;
  outcome: MedicalOutcome;
  escort: EscortType;
  conditions?: string;
}

export interface MovementLeg {
  from: string;
  to: string;
  departAt: string;
  arriveAt?: string | null;
  carrierRef?: string | null;
}

export interface MovementEscort {
  name: string;
  role: EscortRole;
}

export interface MovementInput {
  kind: MovementKind;
  direction: ReturnDirection;
  reference?: string;
  departureDate: string;
  arrivalDate?: string | null;
  carrier?: string | null;
  seats: number;
  legs: MovementLeg[];
  escorts?: MovementEscort[];
  receptionSiteId?: string | null;
}

export interface MovementSummary {
  id: string;
  reference: string;
  kind: MovementKind;
  direction: ReturnDirection;
  departureDate: string;
  arrivalDate: string | null;
  seats: number;
  seatsTaken: number;
  status: MovementStatus;
  receptionSiteId: string | null;
}

export interface Passenger {
  returnCaseId: string;
  caseNumber: string;
  person: PersonSummary;
  members: ReturnMember[];
  seats: number;
  departureStatus: PassengerDepartureStatus;
  noShowReason: string | null;
  arrived: boolean;
}

export interface Movement extends MovementSummary {
  carrier: string | null;
  legs: MovementLeg[];
  escorts: MovementEscort[];
  departedOn?: string | null;
  arrivedOn?: string | null;
  passengers: Passenger[];
  abilities: { update?: boolean; manage?: boolean; [key: string]: boolean | undefined };
  version: number;
}

export interface DepartureInput {
  departedOn: string;
  passengers: { returnCaseId: string; status: 'departed' | 'no_show'; noShowOutcome?: 'booked' | 'withdrawn'; reason?: ReturnWithdrawalReason }[];
}

export interface ExpectedArrivals {
  items: { movementId: string; reference: string; kind: MovementKind; arrivalDate: string | null; passengers: Passenger[] }[];
}

export interface AssistanceItem {
  id: string;
  type: ArrivalAssistanceType;
  givenOn: string;
  amountXof?: number | null;
  quantity?: number | null;
  note?: string | null;
}

export interface Arrival {
  id: string;
  person: PersonSummary;
  returnCaseId: string | null;
  caseNumber: string | null;
  siteId: string | null;
  arrivedOn: string;
  fromCountry: string | null;
  destinationPcode: string | null;
  vulnerable: boolean;
  referralNeeds: ReferralNeed[];
  assistance: AssistanceItem[];
  reintegrationCaseId: string | null;
  reintegrationCaseNumber?: string | null;
}

export interface ArrivalInput {
  personId: string;
  siteId: string;
  arrivedOn: string;
  fromCountry: string;
  destinationPcode: string;
  returnCaseId?: string;
  vulnerable?: boolean;
  referralNeeds?: ReferralNeed[];
  note?: string;
}

export interface AssistanceInput {
  type: ArrivalAssistanceType;
  givenOn: string;
  amountXof?: number;
  quantity?: number;
  note?: string;
}

export interface ExpiringDocument {
  returnCaseId: string;
  caseNumber: string;
  person: PersonSummary;
  document: TravelDocument;
}

export interface ReturnsDashboard {
  byStatus: { status: ReturnStatus; count: number }[];
  byDirection: { direction: ReturnDirection; count: number }[];
  byDestinationCountry: { country: string; count: number }[];
  departedByMonth: { month: string; inbound: number; outbound: number }[];
  arrivalsByRegion: { pcode: string; count: number }[];
  expiringDocuments: number;
  vulnerable: { women: number; minors: number; medical: number; unaccompaniedChildren: number };
}
