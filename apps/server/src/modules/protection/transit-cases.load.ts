// The whole case page in one read: the case, its sub-records, history and the caller's abilities.
import { TRANSIT_CASE_TRANSITIONS, type TransitCase } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { can, type RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { scopeFor } from '../../platform/auth/context';
import { presentSummary } from '../registry/people.present';
import { CASE_SCOPE } from './protection.common';
import { caseQuery, noteQuery, referralQuery, screeningQuery, serviceQuery, stayQuery, taskQuery } from './protection.queries';
import { cleared, presentNote, presentReferral, presentScreening, presentService, presentStay, presentTask } from './protection.present';

/** Tells whether a case lies in the caller's scope for a permission. */
async function caseInScope(db: Db | Tx, ctx: RequestContext, permission: 'transitCase.update' | 'transitCase.approve', id: string): Promise<boolean> {
  if (!can(ctx, permission)) return false;
  const row = await db.selectFrom('transitCases as tc').select('tc.id').where('tc.id', '=', id).where(inScope(scopeFor(ctx, permission), CASE_SCOPE)).executeTakeFirst();
  return row !== undefined;
}

/** Builds the full case; the caller has already checked it is in scope. */
export async function loadCase(db: Db | Tx, ctx: RequestContext, id: string): Promise<TransitCase> {
  const row = await caseQuery(db).where('tc.id', '=', id).executeTakeFirstOrThrow();
  const [screenings, services, referrals, tasks, notes, stays, events] = [
    await screeningQuery(db).where('sc.transitCaseId', '=', id).orderBy('sc.sequence', 'desc').execute(),
    await serviceQuery(db).where('sv.transitCaseId', '=', id).orderBy('sv.date', 'desc').orderBy('sv.createdAt', 'desc').execute(),
    await referralQuery(db).where('r.transitCaseId', '=', id).orderBy('r.createdAt', 'desc').execute(),
    await taskQuery(db).where('t.transitCaseId', '=', id).orderBy('t.createdAt', 'desc').execute(),
    // Row-level sensitivity: the redaction hook works on fields, so flagged notes are filtered here.
    await (cleared(ctx) ? noteQuery(db) : noteQuery(db).where('n.sensitive', '=', false)).where('n.transitCaseId', '=', id).orderBy('n.createdAt', 'desc').execute(),
    await stayQuery(db).where('st.transitCaseId', '=', id).orderBy('st.checkIn', 'desc').execute(),
    await db
      .selectFrom('transitCaseEvents as e')
      .leftJoin('users as eu', 'eu.id', 'e.byUser')
      .select(['e.at', 'e.action', 'eu.displayName as by', 'e.details'])
      .where('e.transitCaseId', '=', id)
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .execute(),
  ];
  const update = await caseInScope(db, ctx, 'transitCase.update', id);
  const approve = await caseInScope(db, ctx, 'transitCase.approve', id);
  const status = row.status as TransitCase['status'];
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    person: presentSummary(row),
    organisationId: row.organisationId,
    siteId: row.siteId,
    siteName: row.siteName,
    status,
    closureReason: row.closureReason as TransitCase['closureReason'],
    priority: row.priority as TransitCase['priority'],
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    assignedTo: row.assignedTo,
    assignedToName: row.assignedToName,
    screenings: screenings.map((s) => presentScreening(ctx, s)),
    services: services.map(presentService),
    referrals: referrals.map((r) => presentReferral(ctx, r)),
    tasks: tasks.map((t) => presentTask(ctx, t)),
    notes: notes.map(presentNote),
    stays: stays.map((s) => presentStay(s)),
    history: events.map((e) => ({ at: new Date(e.at).toISOString(), action: e.action, by: e.by, details: e.details })),
    abilities: {
      update,
      nextStatuses: update ? [...TRANSIT_CASE_TRANSITIONS[status]] : [],
      addServices: update && status !== 'closed',
      refer: can(ctx, 'referral.manage') && status !== 'closed',
      approve,
    },
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
