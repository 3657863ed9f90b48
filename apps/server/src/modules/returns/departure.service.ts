// Departure confirmation (SPEC §6): every passenger is marked departed or no-show in one transaction;
// departed cases move to `departed`, no-shows leave the movement, back to `booked` or withdrawn.
import { sql } from 'kysely';
import type { DepartureInput, Movement, ReturnStatus } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, RuleViolation } from '../../platform/errors';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf } from '../../platform/auth/context';
import { lockReturnCase, notInFuture, recordEvent } from './returns.common';
import { setStatus } from './transitions.service';
import { loadMovement, lockMovement, movementScope } from './movements.load';

/** Confirms a planned movement's departure, passenger by passenger. */
export async function confirmDeparture(ctx: RequestContext, movementId: string, input: DepartureInput): Promise<Movement> {
  notInFuture('departedOn', input.departedOn);
  return inTransaction(ctx.db, async (tx) => {
    const movement = await lockMovement(tx, movementScope(ctx, 'movement.manage'), movementId);
    if (movement.status !== 'planned') throw new Conflict(`${movement.reference} is ${movement.status}; its departure is already recorded`, 'movement_not_planned');
    const expected = await tx.selectFrom('movementPassengers').select(['id', 'returnCaseId']).where('movementId', '=', movementId).where('departureStatus', '=', 'expected').execute();
    const expectedIds = new Set(expected.map((p) => p.returnCaseId));
    const listed = new Set<string>();
    for (const [i, p] of input.passengers.entries()) {
      if (!expectedIds.has(p.returnCaseId)) throw new Invalid({ [`passengers.${i}.returnCaseId`]: `is not a passenger of ${movement.reference}` });
      if (listed.has(p.returnCaseId)) throw new Invalid({ [`passengers.${i}.returnCaseId`]: 'is listed twice' });
      if (p.status === 'departed' && (p.noShowOutcome || p.reason)) throw new Invalid({ [`passengers.${i}.noShowOutcome`]: 'is only for a no-show' });
      listed.add(p.returnCaseId);
    }
    const missing = expected.filter((p) => !listed.has(p.returnCaseId));
    if (missing.length > 0) throw new Invalid({ passengers: `must list every passenger once; ${missing.length} missing` });
    if (!input.passengers.some((p) => p.status === 'departed')) throw new RuleViolation('Nobody departed: take the passengers off or change the date instead', 'nobody_departed', { passengers: 'must have at least one departed passenger' });
    // The movement leaves first, so withdrawing a no-show below no longer finds it on a planned movement.
    await tx.updateTable('movements').set({ status: 'departed', departedOn: input.departedOn, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', movementId).execute();
    for (const p of input.passengers) {
      const rc = await lockReturnCase(tx, { kind: 'all' }, p.returnCaseId);
      if ((rc.status as ReturnStatus) !== 'booked') throw new Conflict(`${rc.caseNumber} is ${rc.status}, not booked`, 'case_not_booked', { passengers: `${rc.caseNumber} is ${rc.status}` });
      await tx
        .updateTable('movementPassengers')
        .set({ departureStatus: p.status, noShowReason: p.status === 'no_show' ? (p.reason ?? null) : null })
        .where('movementId', '=', movementId)
        .where('returnCaseId', '=', p.returnCaseId)
        .execute();
      if (p.status === 'departed') {
        await setStatus(tx, ctx, rc, 'departed', { kind: 'movement', note: `departed on ${movement.reference} (${input.departedOn})` });
      } else if (p.noShowOutcome === 'withdrawn') {
        await setStatus(tx, ctx, rc, 'withdrawn', { kind: 'movement', reason: 'no_show', note: p.reason ?? `no-show on ${movement.reference}` });
      } else {
        await recordEvent(tx, ctx, rc.id, 'movement', { note: `no-show on ${movement.reference}${p.reason ? `: ${p.reason}` : ''}`, details: { movementId, reference: movement.reference, noShow: true } }, 'movement.noShow');
      }
    }
    await appendAudit(tx, actorOf(ctx), {
      action: 'movement.depart',
      entityType: 'movement',
      entityId: movementId,
      details: { departedOn: input.departedOn, departed: input.passengers.filter((p) => p.status === 'departed').length, noShows: input.passengers.filter((p) => p.status === 'no_show').length },
    });
    return loadMovement(tx, ctx, movementId);
  });
}
