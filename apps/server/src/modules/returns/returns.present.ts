// How returns records leave the server. Field sensitivity (medical conditions, best-interest notes)
// is stripped by the redaction hook from the schema labels; these functions only shape rows.
import type { MedicalCheck, MovementSummary, Passenger, ReturnCaseSummary, ReturnMember, TravelDocument } from '@taama/core';
import { presentSummary } from '../registry/people.present';
import { daysSince } from './returns.common';
import type { MedicalRow, MemberRow, MovementRow, PassengerRow, ReturnCaseQueryRow, TravelDocumentRow } from './returns.queries';

const isoOf = (value: Date | string): string => new Date(value).toISOString();

/** A pipeline or list line. */
export function presentReturnSummary(row: ReturnCaseQueryRow): ReturnCaseSummary {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status as ReturnCaseSummary['status'],
    statusSince: isoOf(row.statusSince),
    direction: row.direction as ReturnCaseSummary['direction'],
    destinationCountry: row.destinationCountry,
    person: presentSummary(row),
    memberCount: Number(row.memberCount),
    siteId: row.siteId,
    siteName: row.siteName,
    counsellor: row.counsellorId ? { id: row.counsellorId, displayName: row.counsellorName ?? '' } : null,
    unaccompaniedChild: row.unaccompaniedChild,
    medicalCase: Boolean(row.medicalCase),
    daysInState: daysSince(row.statusSince),
    version: row.version,
  };
}

/** A household member travelling with the principal. */
export function presentMember(row: MemberRow): ReturnMember {
  return { personId: row.personId, relationship: row.relationship as ReturnMember['relationship'], person: presentSummary(row) };
}

/** A travel document. */
export function presentTravelDocument(row: TravelDocumentRow): TravelDocument {
  return {
    id: row.id,
    returnCaseId: row.returnCaseId,
    type: row.type as TravelDocument['type'],
    consulate: row.consulate,
    requestedOn: row.requestedOn,
    issuedOn: row.issuedOn,
    number: row.number,
    expiresOn: row.expiresOn,
    status: row.status as TravelDocument['status'],
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
}

/** A medical check; `conditions` is labelled sensitive in the schema and redacted for other roles. */
export function presentMedical(row: MedicalRow): MedicalCheck {
  return {
    id: row.id,
    returnCaseId: row.returnCaseId,
    examinedOn: row.examinedOn,
    outcome: row.outcome as MedicalCheck['outcome'],
    escort: row.escort as MedicalCheck['escort'],
    conditions: row.conditions,
    recordedBy: row.createdBy ? { id: row.createdBy, displayName: row.recordedByName ?? '' } : null,
    createdAt: isoOf(row.createdAt),
  };
}

/** A movement line. */
export function presentMovementSummary(row: MovementRow): MovementSummary {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as MovementSummary['kind'],
    direction: row.direction as MovementSummary['direction'],
    departureDate: row.departureDate,
    arrivalDate: row.arrivalDate,
    seats: row.seats,
    seatsTaken: Number(row.seatsTaken),
    status: row.status as MovementSummary['status'],
    receptionSiteId: row.receptionSiteId,
  };
}

/** A passenger with the members travelling on the same case. */
export function presentPassenger(row: PassengerRow, members: ReturnMember[]): Passenger {
  return {
    returnCaseId: row.returnCaseId,
    caseNumber: row.caseNumber,
    person: presentSummary(row),
    members,
    seats: row.seats,
    departureStatus: row.departureStatus as Passenger['departureStatus'],
    noShowReason: row.noShowReason,
    arrived: row.arrived,
  };
}
