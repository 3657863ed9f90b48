// Kysely table types of assisted voluntary return (migration 0005_returns).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

interface Stamped {
  version: Generated<number>;
  createdAt: Generated<Date>;
  createdBy: string | null;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface ReturnCaseTable extends Stamped {
  id: string;
  caseNumber: string;
  personId: string;
  direction: string;
  status: Generated<string>;
  statusSince: Generated<Date>;
  suspendedFrom: string | null;
  withdrawalReason: string | null;
  destinationCountry: string;
  destinationPcode: string | null;
  destinationLocality: string | null;
  fromCountry: string;
  organisationId: string;
  siteId: string;
  regionPcode: string | null;
  counsellorId: string | null;
  requestedOn: string;
  unaccompaniedChild: Generated<boolean>;
  transitCaseId: string | null;
  declarationSignedOn: string | null;
  declarationWitness: string | null;
  dueDiligenceCheckedOn: string | null;
  dueDiligenceOutcome: string | null;
  dueDiligenceNote: string | null;
  bidDeterminedOn: string | null;
  bidOutcome: string | null;
  bidNote: string | null;
  bidRecordedBy: string | null;
  bidApprovedBy: string | null;
  bidApprovedAt: Timestamp | null;
}

export interface ReturnCaseMemberTable {
  id: string;
  returnCaseId: string;
  personId: string;
  relationship: string;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface ReturnCaseEventTable {
  id: string;
  returnCaseId: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  details: Json<Record<string, unknown>>;
  at: Generated<Date>;
  byUser: string | null;
}

export interface TravelDocumentTable extends Stamped {
  id: string;
  returnCaseId: string;
  organisationId: string;
  type: string;
  consulate: string | null;
  requestedOn: string;
  issuedOn: string | null;
  number: string | null;
  expiresOn: string | null;
  status: string;
}

export interface MedicalCheckTable {
  id: string;
  returnCaseId: string;
  organisationId: string;
  examinedOn: string;
  outcome: string;
  escort: string;
  conditions: string | null;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface MovementLegRow {
  from: string;
  to: string;
  departAt: string;
  arriveAt?: string;
  carrierRef?: string;
}

export interface MovementTable extends Stamped {
  id: string;
  reference: string;
  kind: string;
  direction: string;
  status: Generated<string>;
  departureDate: string;
  arrivalDate: string | null;
  carrier: string | null;
  seats: number;
  legs: Json<MovementLegRow[]>;
  escorts: Json<{ name: string; role: string }[]>;
  receptionSiteId: string | null;
  organisationId: string;
  departedOn: string | null;
  arrivedOn: string | null;
}

export interface MovementReferenceSequenceTable {
  year: number;
  lastValue: number;
}

export interface MovementPassengerTable {
  id: string;
  movementId: string;
  returnCaseId: string;
  seats: number;
  departureStatus: Generated<string>;
  noShowReason: string | null;
  arrived: Generated<boolean>;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface ArrivalTable extends Stamped {
  id: string;
  personId: string;
  returnCaseId: string | null;
  movementId: string | null;
  organisationId: string;
  siteId: string | null;
  arrivedOn: string;
  fromCountry: string;
  destinationPcode: string | null;
  vulnerable: Generated<boolean>;
  referralNeeds: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  reintegrationCaseId: string | null;
}

export interface ArrivalAssistanceTable {
  id: string;
  arrivalId: string;
  organisationId: string;
  type: string;
  givenOn: string;
  amountXof: ColumnType<string | null, number | null, number | null>;
  quantity: number | null;
  note: string | null;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

/** The returns tables, keyed as Kysely sees them. */
export interface ReturnsTables {
  returnCases: ReturnCaseTable;
  returnCaseMembers: ReturnCaseMemberTable;
  returnCaseEvents: ReturnCaseEventTable;
  travelDocuments: TravelDocumentTable;
  medicalChecks: MedicalCheckTable;
  movements: MovementTable;
  movementReferenceSequences: MovementReferenceSequenceTable;
  movementPassengers: MovementPassengerTable;
  arrivals: ArrivalTable;
  arrivalAssistance: ArrivalAssistanceTable;
}

// The returns tables join the Database interface by declaration merging (one line in schema.ts imports this file).
declare module '../../platform/db/schema' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Database extends ReturnsTables {}
}
