// The records of the return demo (SPEC §6), as the loader receives them: people by generator key or
// registry case number, users by username, sites by code; the loader alone decides database ids.
import type { ArrivalAssistanceType, ArrivalReferralNeed, BestInterestOutcome, DueDiligenceOutcome, EscortType, MedicalOutcome, MovementEscortRole, MovementKind, MovementStatus, PassengerDepartureStatus, Relationship, ReturnDirection, ReturnEventKind, ReturnStatus, ReturnWithdrawalReason, TravelDocumentStatus, TravelDocumentType } from '@taama/core';
import type { DemoPersonRef, DemoReturnee } from './returns-people';

export interface DemoReturnEvent { on: string; by: string; kind: ReturnEventKind; from: ReturnStatus | null; to: ReturnStatus | null; note: string | null }
/** The travel document of a case (the principal's; the schema has one series of documents per case). */
export interface DemoTravelDocument { type: TravelDocumentType; consulate: string; requestedOn: string; issuedOn: string | null; number: string | null; expiresOn: string | null; status: TravelDocumentStatus }
export interface DemoMedicalCheck { examinedOn: string; outcome: MedicalOutcome; escort: EscortType; conditions: string | null; by: string }
export interface DemoArrivalAssistance { type: ArrivalAssistanceType; givenOn: string; amountXof: number | null; quantity: number | null; note: string | null }
export interface DemoArrival { arrivedOn: string; site: string | null; fromCountry: string; destinationPcode: string | null; vulnerable: boolean; referralNeeds: ArrivalReferralNeed[]; assistance: DemoArrivalAssistance[] }
export interface DemoBestInterest { determinedOn: string; outcome: BestInterestOutcome; note: string; recordedBy: string; approvedBy: string; approvedOn: string }
export interface DemoTraveller { person: DemoPersonRef; sex: 'male' | 'female'; dateOfBirth: string }

export interface DemoReturnCase {
  caseNumber: string;
  person: DemoPersonRef;
  /** Sex and date of birth of the principal, so statistics need not look the person up. */
  sex: 'male' | 'female';
  dateOfBirth: string;
  /** The people demo's transit case this return ends, by case number. */
  transitCase: string | null;
  members: (DemoTraveller & { relationship: Relationship })[];
  direction: ReturnDirection;
  destinationCountry: string;
  destinationPcode: string | null;
  destinationLocality: string | null;
  fromCountry: string;
  site: string;
  counsellor: string;
  requestedOn: string;
  status: ReturnStatus;
  statusSince: string;
  suspendedFrom: ReturnStatus | null;
  withdrawalReason: ReturnWithdrawalReason | null;
  unaccompaniedChild: boolean;
  /** Travels with a medical escort. */
  medical: boolean;
  declaration: { signedOn: string; witness: string } | null;
  dueDiligence: { checkedOn: string; outcome: DueDiligenceOutcome; note: string | null } | null;
  bestInterest: DemoBestInterest | null;
  travelDocuments: DemoTravelDocument[];
  medicalChecks: DemoMedicalCheck[];
  events: DemoReturnEvent[];
  /** Reference of the movement the case travelled (or is booked) on. */
  movement: string | null;
  arrival: DemoArrival | null;
}

export interface DemoMovementPassenger { caseNumber: string; seats: number; departureStatus: PassengerDepartureStatus; noShowReason: string | null; arrived: boolean }
export interface DemoMovementLeg { from: string; to: string; departAt: string; arriveAt: string | null; carrierRef: string | null }

export interface DemoMovement {
  reference: string;
  kind: MovementKind;
  direction: ReturnDirection;
  /** Where it was organised from (the case site of its passengers). */
  site: string;
  departureDate: string;
  arrivalDate: string;
  carrier: string;
  seats: number;
  legs: DemoMovementLeg[];
  escorts: { name: string; role: MovementEscortRole }[];
  receptionSite: string | null;
  status: MovementStatus;
  departedOn: string | null;
  arrivedOn: string | null;
  createdOn: string;
  passengers: DemoMovementPassenger[];
}

export interface DemoReturnsBatch { returnees: DemoReturnee[]; cases: DemoReturnCase[]; movements: DemoMovement[] }
