// The best-interest determination of an unaccompanied child (SPEC §5–§6): recorded by the return
// team, approved by a protection officer who is not the recorder (four eyes).
import { sql } from 'kysely';
import type { BestInterestInput, ReturnCase } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import { scopeFor, type RequestContext } from '../../platform/auth/context';
import { Conflict, RuleViolation } from '../../platform/errors';
import { assertOpen, lockReturnCase, notInFuture, recordEvent } from './returns.common';
import { loadReturnCase } from './return-cases.load';

/** Records (or re-records) the determination; a new one needs a new approval. */
export async function recordBestInterest(ctx: RequestContext, id: string, input: BestInterestInput): Promise<ReturnCase> {
  notInFuture('determinedOn', input.determinedOn);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReturnCase(tx, ctx.scope, id);
    assertOpen(row);
    await tx
      .updateTable('returnCases')
      .set({ bidDeterminedOn: input.determinedOn, bidOutcome: input.outcome, bidNote: input.note ?? null, bidRecordedBy: ctx.user.id, bidApprovedBy: null, bidApprovedAt: null, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await recordEvent(tx, ctx, id, 'best_interest', { details: { outcome: input.outcome, determinedOn: input.determinedOn } }, 'bestInterest.record');
    return loadReturnCase(tx, ctx, id);
  });
}

/** Approves the determination; never by the user who recorded it (422). */
export async function approveBestInterest(ctx: RequestContext, id: string): Promise<ReturnCase> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReturnCase(tx, scopeFor(ctx, 'returnCase.approve'), id);
    assertOpen(row);
    if (!row.bidOutcome) throw new Conflict(`${row.caseNumber} has no best-interest determination to approve`, 'nothing_to_approve');
    if (row.bidApprovedAt) throw new Conflict(`${row.caseNumber}'s best-interest determination is already approved`, 'already_approved');
    if (row.bidRecordedBy === ctx.user.id) throw new RuleViolation('The determination is approved by someone other than who recorded it', 'four_eyes', { approvedBy: 'must not be the user who recorded the determination' });
    await tx.updateTable('returnCases').set({ bidApprovedBy: ctx.user.id, bidApprovedAt: new Date(), updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', id).execute();
    await recordEvent(tx, ctx, id, 'best_interest', { note: 'approved', details: { approved: true } }, 'bestInterest.approve');
    return loadReturnCase(tx, ctx, id);
  });
}
