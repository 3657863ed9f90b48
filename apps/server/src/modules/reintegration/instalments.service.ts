// Disbursements of an item in instalments: never more than its planned amount, never in the future.
import { sql } from 'kysely';
import { instalmentFits, newId, type Instalment, type InstalmentInput } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, RuleViolation } from '../../platform/errors';
import { lockItem } from './assistance.service';
import { isOpen, notInFuture, recordEvent } from './reintegration.common';
import { isoOf } from './reintegration.present';

/** Records an instalment paid on an approved or delivered item. */
export async function addInstalment(ctx: RequestContext, caseId: string, itemId: string, input: InstalmentInput): Promise<Instalment> {
  notInFuture('disbursedOn', input.disbursedOn);
  return inTransaction(ctx.db, async (tx) => {
    const { row, item } = await lockItem(tx, ctx, caseId, itemId);
    if (!isOpen(row.status) && row.status !== 'completed') throw new Conflict(`${row.caseNumber} is ${row.status}`, 'case_closed');
    if (item.status !== 'approved' && item.status !== 'delivered') {
      throw new Conflict(`The item is ${item.status}; money is disbursed on approved or delivered items`, 'item_not_approved', { status: `is ${item.status}` });
    }
    const paid = await tx.selectFrom('assistanceInstalments').select(sql<number>`coalesce(sum(amount_xof), 0)::int`.as('total')).where('assistanceItemId', '=', itemId).executeTakeFirstOrThrow();
    const disbursed = Number(paid.total);
    if (!instalmentFits(item.plannedXof, disbursed, input.amountXof)) {
      throw new RuleViolation(`${disbursed} XOF already disbursed + ${input.amountXof} XOF exceeds the planned ${item.plannedXof} XOF`, 'over_planned', {
        amountXof: `must be at most ${item.plannedXof - disbursed} XOF (planned ${item.plannedXof}, disbursed ${disbursed})`,
      });
    }
    const id = newId();
    const inserted = await tx.insertInto('assistanceInstalments').values({ id, assistanceItemId: itemId, amountXof: input.amountXof, disbursedOn: input.disbursedOn, createdBy: ctx.user.id }).returning('createdAt').executeTakeFirstOrThrow();
    await tx.updateTable('assistanceItems').set({ updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', itemId).execute();
    await recordEvent(tx, ctx, caseId, 'instalment_paid', { itemId, instalmentId: id, amountXof: input.amountXof, disbursedOn: input.disbursedOn });
    return { id, amountXof: input.amountXof, disbursedOn: input.disbursedOn, recordedBy: { id: ctx.user.id, displayName: ctx.user.displayName }, createdAt: isoOf(inserted.createdAt) };
  });
}
