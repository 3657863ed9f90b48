// Putting booked cases on a planned movement and taking them off (SPEC §6): one movement at a time,
// same direction, a travel document valid on the departure date, and no more seats than there are.
import type { Movement } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { scopeFor, type RequestContext } from '../../platform/auth/context';
import { newId } from '@taama/core';
import { Conflict, NotFound, RuleViolation } from '../../platform/errors';
import { lockReturnCase, recordEvent } from './returns.common';
import { loadMovement, lockMovement, movementScope, type MovementLockedRow } from './movements.load';

/** Refuses changes to the passenger list once the movement has left (409). */
function assertPlanned(movement: MovementLockedRow): void {
  if (movement.status !== 'planned') throw new Conflict(`${movement.reference} is ${movement.status}; its passenger list is closed`, 'movement_not_planned');
}

/** Seats taken on a movement (every passenger but the no-shows). */
async function seatsTaken(tx: Tx, movementId: string): Promise<number> {
  const rows = await tx.selectFrom('movementPassengers').select('seats').where('movementId', '=', movementId).where('departureStatus', '<>', 'no_show').execute();
  return rows.reduce((n, r) => n + r.seats, 0);
}

/** Adds a booked case (and its household members) to a planned movement. */
export async function addPassenger(ctx: RequestContext, movementId: string, returnCaseId: string): Promise<Movement> {
  return inTransaction(ctx.db, async (tx) => {
    // Lock order everywhere: the movement, then its cases; so capacity and "one movement" hold under concurrency.
    const movement = await lockMovement(tx, movementScope(ctx, 'movement.manage'), movementId);
    assertPlanned(movement);
    const rc = await lockReturnCase(tx, scopeFor(ctx, 'returnCase.read'), returnCaseId);
    if (rc.status !== 'booked') throw new Conflict(`${rc.caseNumber} is ${rc.status}; only a booked case boards a movement`, 'case_not_booked', { returnCaseId: 'must be a booked case' });
    const current = await tx
      .selectFrom('movementPassengers as mp')
      .innerJoin('movements as m', 'm.id', 'mp.movementId')
      .select(['m.reference'])
      .where('mp.returnCaseId', '=', returnCaseId)
      .where('mp.departureStatus', '<>', 'no_show')
      .where('m.status', 'in', ['planned', 'departed'])
      .executeTakeFirst();
    if (current) throw new Conflict(`${rc.caseNumber} is already on movement ${current.reference}`, 'already_on_movement', { returnCaseId: `is already on movement ${current.reference}` });
    if (rc.direction !== movement.direction) throw new RuleViolation(`${rc.caseNumber} is ${rc.direction}, ${movement.reference} is ${movement.direction}`, 'direction_mismatch', { returnCaseId: `must be an ${movement.direction} case` });
    const valid = await tx
      .selectFrom('travelDocuments')
      .select('id')
      .where('returnCaseId', '=', returnCaseId)
      .where('status', '=', 'issued')
      .where('expiresOn', '>=', movement.departureDate)
      .executeTakeFirst();
    if (!valid) throw new RuleViolation(`${rc.caseNumber} has no travel document valid on ${movement.departureDate}`, 'document_expired', { travelDocuments: `no issued document valid on the departure date ${movement.departureDate}` });
    const members = await tx.selectFrom('returnCaseMembers').select('id').where('returnCaseId', '=', returnCaseId).execute();
    const seats = 1 + members.length;
    const taken = await seatsTaken(tx, movementId);
    if (taken + seats > movement.seats) {
      throw new RuleViolation(`${movement.reference} has ${movement.seats - taken} seats left; ${rc.caseNumber} needs ${seats}`, 'over_capacity', { seats: `${taken} of ${movement.seats} taken; ${seats} more do not fit` });
    }
    // A no-show row from an earlier attempt on this movement is replaced by the new booking.
    await tx.deleteFrom('movementPassengers').where('movementId', '=', movementId).where('returnCaseId', '=', returnCaseId).execute();
    await tx.insertInto('movementPassengers').values({ id: newId(), movementId, returnCaseId, seats, noShowReason: null, createdBy: ctx.user.id }).execute();
    await recordEvent(tx, ctx, returnCaseId, 'movement', { note: `added to ${movement.reference}`, details: { movementId, reference: movement.reference, seats } }, 'movement.add');
    return loadMovement(tx, ctx, movementId);
  });
}

/** Takes a case off a planned movement. */
export async function removePassenger(ctx: RequestContext, movementId: string, returnCaseId: string): Promise<Movement> {
  return inTransaction(ctx.db, async (tx) => {
    const movement = await lockMovement(tx, movementScope(ctx, 'movement.manage'), movementId);
    assertPlanned(movement);
    const removed = await tx.deleteFrom('movementPassengers').where('movementId', '=', movementId).where('returnCaseId', '=', returnCaseId).returning('id').executeTakeFirst();
    if (!removed) throw new NotFound('Passenger');
    await recordEvent(tx, ctx, returnCaseId, 'movement', { note: `removed from ${movement.reference}`, details: { movementId, reference: movement.reference } }, 'movement.remove');
    return loadMovement(tx, ctx, movementId);
  });
}
