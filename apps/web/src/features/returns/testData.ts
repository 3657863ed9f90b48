// Return cases and movements shaped as the API returns them, for the screen tests.
import type { Movement, ReturnCase } from '@taama/core';
import { ORG_ID, SITE_ID, summary } from '../registry/testData';

export const CASE_ID = '01930000-0000-7000-8000-000000000401';
export const MOVEMENT_ID = '01930000-0000-7000-8000-000000000501';

/** A return case with the given overrides. */
export function returnCase(overrides: Partial<ReturnCase> = {}): ReturnCase {
  return {
    id: CASE_ID,
    caseNumber: 'ML-BKO-AVR-2025-000123',
    status: 'counselled',
    statusSince: '2025-03-02T09:00:00.000Z',
    direction: 'inbound',
    destinationCountry: 'MLI',
    person: summary(),
    memberCount: 0,
    siteId: SITE_ID,
    siteName: 'Gao',
    counsellor: null,
    unaccompaniedChild: false,
    medicalCase: false,
    daysInState: 3,
    version: 2,
    organisationId: ORG_ID,
    destinationPcode: 'ML0701',
    destinationLocality: null,
    fromCountry: 'NER',
    requestedOn: '2025-03-01',
    transitCaseId: null,
    members: [],
    declaration: null,
    dueDiligence: null,
    bestInterest: null,
    travelDocuments: [],
    medicalChecks: [],
    movement: null,
    arrival: null,
    reintegrationCaseId: null,
    reintegrationCaseNumber: null,
    suspendedFrom: null,
    withdrawalReason: null,
    allowedTransitions: ['eligible', 'ineligible', 'withdrawn', 'suspended'],
    abilities: { update: true, transition: true, approveBestInterest: false, addDocument: true, addMedical: true },
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-02T09:00:00.000Z',
    ...overrides,
  };
}

/** A planned inbound movement with the given overrides. */
export function movement(overrides: Partial<Movement> = {}): Movement {
  return {
    id: MOVEMENT_ID,
    reference: 'MV-2025-0007',
    kind: 'charter_flight',
    direction: 'inbound',
    departureDate: '2025-03-10',
    arrivalDate: '2025-03-10',
    seats: 10,
    seatsTaken: 3,
    status: 'planned',
    receptionSiteId: SITE_ID,
    organisationId: ORG_ID,
    carrier: 'Air Charter',
    legs: [{ from: 'Niamey', to: 'Bamako', departAt: '2025-03-10' }],
    escorts: [],
    receptionSiteName: 'Gao',
    departedOn: null,
    arrivedOn: null,
    passengers: [
      { returnCaseId: CASE_ID, caseNumber: 'ML-BKO-AVR-2025-000123', person: summary(), members: [], seats: 1, departureStatus: 'expected', noShowReason: null, arrived: false },
      {
        returnCaseId: '01930000-0000-7000-8000-000000000402',
        caseNumber: 'ML-BKO-AVR-2025-000124',
        person: summary({ id: '01930000-0000-7000-8000-000000000102', givenName: 'Awa', familyName: 'Traoré', sex: 'female', caseNumber: 'ML-GAO-2025-000124' }),
        members: [],
        seats: 2,
        departureStatus: 'expected',
        noShowReason: null,
        arrived: false,
      },
    ],
    abilities: { update: true, addPassengers: true, confirmDeparture: true, confirmArrival: false },
    version: 1,
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}
