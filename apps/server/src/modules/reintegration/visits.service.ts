// Monitoring visits (SPEC §7): scheduled at plan approval (3, 6, 12 months by default), extra ones
// added by hand, each done or missed once; overdue while scheduled after its date.
import { sql } from 'kysely';
import { newId, type OverdueVisitsQuery, type Visit, type VisitInput, type VisitOutcomeInput } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { caseInScope, isOpen, lockCase, notInFuture, recordEvent, today } from './reintegration.common';
import { visitQuery } from './reintegration.queries';
import { presentVisit } from './reintegration.present';

/** Schedules an extra visit. */
export async function addVisit(ctx: RequestContext, caseId: string, input: VisitInput): Promise<Visit> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    if (!isOpen(row.status)) throw new Conflict(`${row.caseNumber} is ${row.status}`, 'case_closed');
    const id = newId();
    await tx.insertInto('monitoringVisits').values({ id, reintegrationCaseId: caseId, scheduledOn: input.scheduledOn, monthsAfterApproval: null, visitedOn: null, findings: null, businessStatus: null, note: input.note ?? null, createdBy: ctx.user.id, updatedBy: ctx.user.id }).execute();
    await recordEvent(tx, ctx, caseId, 'visit_scheduled', { visitId: id, scheduledOn: input.scheduledOn });
    return presentVisit(await visitQuery(tx).where('v.id', '=', id).executeTakeFirstOrThrow(), today());
  });
}

/** Records a visit's outcome: done (with the date it took place) or missed. */
export async function recordOutcome(ctx: RequestContext, caseId: string, visitId: string, input: VisitOutcomeInput): Promise<Visit> {
  notInFuture('visitedOn', input.visitedOn);
  if (input.status === 'done' && !input.visitedOn) throw new Invalid({ visitedOn: 'is required for a visit that took place' });
  if (input.status === 'missed' && (input.visitedOn || input.businessStatus)) throw new Invalid({ [input.visitedOn ? 'visitedOn' : 'businessStatus']: 'is only for a visit that took place' });
  return inTransaction(ctx.db, async (tx) => {
    await lockCase(tx, ctx.scope, caseId);
    const visit = await tx.selectFrom('monitoringVisits').select(['id', 'status']).where('id', '=', visitId).where('reintegrationCaseId', '=', caseId).forUpdate().executeTakeFirst();
    if (!visit) throw new NotFound('Visit');
    if (visit.status !== 'scheduled') throw new Conflict(`The visit is already ${visit.status}`, 'visit_recorded', { status: `is already ${visit.status}` });
    await tx
      .updateTable('monitoringVisits')
      .set({ status: input.status, visitedOn: input.visitedOn ?? null, findings: input.findings ?? null, businessStatus: input.businessStatus ?? null, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', visitId)
      .execute();
    await recordEvent(tx, ctx, caseId, 'visit_recorded', { visitId, status: input.status, ...(input.businessStatus ? { businessStatus: input.businessStatus } : {}) });
    return presentVisit(await visitQuery(tx).where('v.id', '=', visitId).executeTakeFirstOrThrow(), today());
  });
}

/** Visits still scheduled after their date, oldest first, for the cases in scope. */
export async function overdueVisits(ctx: RequestContext, query: OverdueVisitsQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const now = today();
  let q = visitQuery(ctx.db).where('v.status', '=', 'scheduled').where('v.scheduledOn', '<', now).where(caseInScope(ctx.scope));
  if (query.regionPcode) q = q.where('rc.regionPcode', 'like', `${query.regionPcode}%`);
  if (after) q = q.where(sql<boolean>`(v.scheduled_on, v.id) > (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const rows = await q.orderBy('v.scheduledOn').orderBy('v.id').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.scheduledOn, r.id], (r) => presentVisit(r, now));
}
