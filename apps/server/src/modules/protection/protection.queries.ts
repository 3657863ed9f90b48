// The joined selects behind every protection record the API returns. Callers add the scope and the
// filters; presenters in protection.present.ts turn the rows into API shapes.
import type { Db, Tx } from '../../platform/db/database';
import { SUMMARY_COLUMNS } from '../registry/people.present';

/** Transit cases with their person, site and assignee. */
export function caseQuery(db: Db | Tx) {
  return db
    .selectFrom('transitCases as tc')
    .innerJoin('people as p', 'p.id', 'tc.personId')
    .leftJoin('sites as psite', 'psite.id', 'p.siteId')
    .innerJoin('sites as s', 's.id', 'tc.siteId')
    .leftJoin('users as au', 'au.id', 'tc.assignedTo')
    .select([
      'tc.id', 'tc.caseNumber', 'tc.organisationId', 'tc.siteId', 's.name as siteName', 'tc.status', 'tc.closureReason', 'tc.priority',
      'tc.openedOn', 'tc.closedOn', 'tc.assignedTo', 'au.displayName as assignedToName', 'tc.version', 'tc.createdAt', 'tc.updatedAt',
      ...SUMMARY_COLUMNS,
    ]);
}
export type CaseQueryRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

/** Referrals with their case number, person and both organisations' names. */
export function referralQuery(db: Db | Tx) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('transitCases as tc', 'tc.id', 'r.transitCaseId')
    .innerJoin('people as p', 'p.id', 'r.personId')
    .leftJoin('sites as psite', 'psite.id', 'p.siteId')
    .innerJoin('organisations as fo', 'fo.id', 'r.fromOrganisationId')
    .innerJoin('organisations as tor', 'tor.id', 'r.toOrganisationId')
    .leftJoin('users as ru', 'ru.id', 'r.respondedBy')
    .select([
      'r.id', 'r.transitCaseId', 'tc.caseNumber', 'r.kind', 'r.service', 'r.fromOrganisationId', 'fo.name as fromOrganisationName',
      'r.toOrganisationId', 'tor.name as toOrganisationName', 'r.reason', 'r.referredOn', 'r.dueDate', 'r.status', 'r.feedback',
      'r.respondedAt', 'ru.displayName as respondedByName', 'r.version', 'r.createdAt', 'r.updatedAt',
      ...SUMMARY_COLUMNS,
    ]);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['executeTakeFirstOrThrow']>>;

/** Tasks with their case number and the names of who is assigned, completed and approved. */
export function taskQuery(db: Db | Tx) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('transitCases as tc', 'tc.id', 't.transitCaseId')
    .leftJoin('users as au', 'au.id', 't.assignedTo')
    .leftJoin('users as cu', 'cu.id', 't.completedBy')
    .leftJoin('users as apu', 'apu.id', 't.approvedBy')
    .select([
      't.id', 't.transitCaseId', 'tc.caseNumber', 't.kind', 't.title', 't.dueDate', 't.assignedTo', 'au.displayName as assignedToName', 't.status',
      't.requiresApproval', 't.outcome', 't.completedAt', 't.completedBy', 'cu.displayName as completedByName', 't.approvedAt',
      'apu.displayName as approvedByName', 't.version', 't.createdAt', 't.updatedAt',
    ]);
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>;

/** Screenings with the screener's name. */
export function screeningQuery(db: Db | Tx) {
  return db
    .selectFrom('screenings as sc')
    .leftJoin('users as su', 'su.id', 'sc.screenedBy')
    .select([
      'sc.id', 'sc.transitCaseId', 'sc.sequence', 'sc.formVersion', 'sc.screenedOn', 'sc.flags', 'sc.riskFactors', 'sc.protectiveFactors',
      'sc.priority', 'sc.priorityBecause', 'sc.notes', 'su.displayName as screenedByName', 'sc.createdAt',
    ]);
}
export type ScreeningRow = Awaited<ReturnType<ReturnType<typeof screeningQuery>['executeTakeFirstOrThrow']>>;

/** Services with the recorder's name. */
export function serviceQuery(db: Db | Tx) {
  return db
    .selectFrom('services as sv')
    .leftJoin('users as ru', 'ru.id', 'sv.recordedBy')
    .select(['sv.id', 'sv.transitCaseId', 'sv.type', 'sv.date', 'sv.quantity', 'sv.provider', 'sv.costXof', 'sv.note', 'ru.displayName as recordedByName', 'sv.createdAt']);
}
export type ServiceRow = Awaited<ReturnType<ReturnType<typeof serviceQuery>['executeTakeFirstOrThrow']>>;

/** Case notes with the author's name. */
export function noteQuery(db: Db | Tx) {
  return db
    .selectFrom('caseNotes as n')
    .leftJoin('users as nu', 'nu.id', 'n.createdBy')
    .select(['n.id', 'n.transitCaseId', 'n.body', 'n.sensitive', 'nu.displayName as createdByName', 'n.createdAt']);
}
export type NoteRow = Awaited<ReturnType<ReturnType<typeof noteQuery>['executeTakeFirstOrThrow']>>;

/** Stays as stored. */
export function stayQuery(db: Db | Tx) {
  return db.selectFrom('stays as st').select(['st.id', 'st.transitCaseId', 'st.personId', 'st.siteId', 'st.checkIn', 'st.checkOut', 'st.bed', 'st.version']);
}
export type StayRow = Awaited<ReturnType<ReturnType<typeof stayQuery>['executeTakeFirstOrThrow']>>;
