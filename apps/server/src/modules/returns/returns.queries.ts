// The joined selects behind the returns records the API returns. Callers add the scope and filters;
// presenters in returns.present.ts turn the rows into API shapes.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database';
import { SUMMARY_COLUMNS } from '../registry/people.present';

/** True when the case's latest medical check asks for an escort or says fit_with_escort. */
const MEDICAL_CASE = sql<boolean>`coalesce((select mc.escort <> 'none' or mc.outcome = 'fit_with_escort' from medical_checks mc
  where mc.return_case_id = rc.id order by mc.examined_on desc, mc.created_at desc limit 1), false)`;

/** Return cases with their person, site and counsellor, and the derived summary columns. */
export function returnCaseQuery(db: Db | Tx) {
  return db
    .selectFrom('returnCases as rc')
    .innerJoin('people as p', 'p.id', 'rc.personId')
    .leftJoin('sites as psite', 'psite.id', 'p.siteId')
    .innerJoin('sites as s', 's.id', 'rc.siteId')
    .leftJoin('users as cu', 'cu.id', 'rc.counsellorId')
    .select([
      'rc.id', 'rc.caseNumber', 'rc.status', 'rc.statusSince', 'rc.direction', 'rc.destinationCountry', 'rc.siteId', 's.name as siteName',
      'rc.counsellorId', 'cu.displayName as counsellorName', 'rc.unaccompaniedChild', 'rc.version', 'rc.requestedOn',
      MEDICAL_CASE.as('medicalCase'),
      sql<number>`(select count(*) from return_case_members m where m.return_case_id = rc.id)`.as('memberCount'),
      ...SUMMARY_COLUMNS,
    ]);
}
export type ReturnCaseQueryRow = Awaited<ReturnType<ReturnType<typeof returnCaseQuery>['executeTakeFirstOrThrow']>>;

/** Household members of cases, with their person summaries. */
export function memberQuery(db: Db | Tx) {
  return db
    .selectFrom('returnCaseMembers as m')
    .innerJoin('people as p', 'p.id', 'm.personId')
    .leftJoin('sites as psite', 'psite.id', 'p.siteId')
    .select(['m.returnCaseId', 'm.relationship', ...SUMMARY_COLUMNS])
    .orderBy('m.createdAt')
    .orderBy('m.id');
}
export type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>['executeTakeFirstOrThrow']>>;

/** Travel documents as stored. */
export function travelDocumentQuery(db: Db | Tx) {
  return db
    .selectFrom('travelDocuments as td')
    .select(['td.id', 'td.returnCaseId', 'td.type', 'td.consulate', 'td.requestedOn', 'td.issuedOn', 'td.number', 'td.expiresOn', 'td.status', 'td.version', 'td.createdAt', 'td.updatedAt']);
}
export type TravelDocumentRow = Awaited<ReturnType<ReturnType<typeof travelDocumentQuery>['executeTakeFirstOrThrow']>>;

/** Medical checks with the recorder. */
export function medicalQuery(db: Db | Tx) {
  return db
    .selectFrom('medicalChecks as mc')
    .leftJoin('users as mu', 'mu.id', 'mc.createdBy')
    .select(['mc.id', 'mc.returnCaseId', 'mc.examinedOn', 'mc.outcome', 'mc.escort', 'mc.conditions', 'mc.createdBy', 'mu.displayName as recordedByName', 'mc.createdAt']);
}
export type MedicalRow = Awaited<ReturnType<ReturnType<typeof medicalQuery>['executeTakeFirstOrThrow']>>;

/** Movements with their seats taken (passengers not marked no-show). */
export function movementQuery(db: Db | Tx) {
  return db
    .selectFrom('movements as m')
    .leftJoin('sites as rs', 'rs.id', 'm.receptionSiteId')
    .select([
      'm.id', 'm.reference', 'm.kind', 'm.direction', 'm.status', 'm.departureDate', 'm.arrivalDate', 'm.carrier', 'm.seats', 'm.legs', 'm.escorts',
      'm.receptionSiteId', 'rs.name as receptionSiteName', 'm.organisationId', 'm.departedOn', 'm.arrivedOn', 'm.version', 'm.createdAt', 'm.updatedAt',
      sql<number>`(select coalesce(sum(mp.seats), 0) from movement_passengers mp where mp.movement_id = m.id and mp.departure_status <> 'no_show')`.as('seatsTaken'),
    ]);
}
export type MovementRow = Awaited<ReturnType<ReturnType<typeof movementQuery>['executeTakeFirstOrThrow']>>;

/** Passengers of movements with their case and person. */
export function passengerQuery(db: Db | Tx) {
  return db
    .selectFrom('movementPassengers as mp')
    .innerJoin('returnCases as rc', 'rc.id', 'mp.returnCaseId')
    .innerJoin('people as p', 'p.id', 'rc.personId')
    .leftJoin('sites as psite', 'psite.id', 'p.siteId')
    .select(['mp.movementId', 'mp.returnCaseId', 'rc.caseNumber', 'mp.seats', 'mp.departureStatus', 'mp.noShowReason', 'mp.arrived', ...SUMMARY_COLUMNS])
    .orderBy('mp.createdAt')
    .orderBy('mp.id');
}
export type PassengerRow = Awaited<ReturnType<ReturnType<typeof passengerQuery>['executeTakeFirstOrThrow']>>;

/** Tells whether a case's latest medical check asks for an escort or says fit_with_escort. */
export async function isMedicalCase(db: Db | Tx, caseId: string): Promise<boolean> {
  const row = await db.selectFrom('medicalChecks').select(['escort', 'outcome']).where('returnCaseId', '=', caseId).orderBy('examinedOn', 'desc').orderBy('createdAt', 'desc').limit(1).executeTakeFirst();
  return row !== undefined && (row.escort !== 'none' || row.outcome === 'fit_with_escort');
}
