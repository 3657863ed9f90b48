// Arrival confirmation of a departed movement (SPEC §6): cases → arrived, one arrivals row per case,
// and for inbound cases the reintegration case — each exactly once, even when confirmations race.
import { sql } from 'kysely';
import { newId, type ArrivalConfirmation, type Movement } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { appendAudit } from '../../platform/audit/audit';
import { Conflict, Invalid, RuleViolation } from '../../platform/errors';
import { lockReturnCase, notInFuture } from './returns.common';
import { setStatus } from './transitions.service';
import { handOver } from './handover';
import { isMedicalCase } from './returns.queries';
import { loadMovement, lockMovement, movementScope } from './movements.load';

/** Confirms the arrival of a departed movement's passengers (all departed ones when none are named). */
export async function confirmArrival(ctx: RequestContext, movementId: string, input: ArrivalConfirmation): Promise<Movement> {
  notInFuture('arrivedOn', input.arrivedOn);
  return inTransaction(ctx.db, async (tx) => {
    // The movement lock serialises concurrent confirmations: the second one finds the passengers arrived.
    const movement = await lockMovement(tx, movementScope(ctx, 'movement.manage'), movementId);
    if (movement.status !== 'departed' && movement.status !== 'arrived') throw new Conflict(`${movement.reference} is ${movement.status}; confirm its departure first`, 'movement_not_departed');
    if (movement.departedOn && input.arrivedOn < movement.departedOn) throw new RuleViolation('arrival before departure', 'arrival_before_departure', { arrivedOn: `must not be before the departure (${movement.departedOn})` });
    const departed = await tx.selectFrom('movementPassengers').select(['returnCaseId', 'arrived']).where('movementId', '=', movementId).where('departureStatus', '=', 'departed').execute();
    const byCase = new Map(departed.map((p) => [p.returnCaseId, p]));
    for (const [i, id] of (input.passengers ?? []).entries()) {
      if (!byCase.has(id)) throw new Invalid({ [`passengers.${i}`]: `is not a departed passenger of ${movement.reference}` });
    }
    const wanted = (input.passengers ?? departed.map((p) => p.returnCaseId)).filter((id) => byCase.get(id)?.arrived === false);
    let opened = 0;
    for (const returnCaseId of wanted) {
      const rc = await lockReturnCase(tx, { kind: 'all' }, returnCaseId);
      // A passenger withdrawn or suspended after departure is not "arrived" by this confirmation.
      if (rc.status !== 'departed') continue;
      await setStatus(tx, ctx, rc, 'arrived', { kind: 'arrival', note: `arrived with ${movement.reference} (${input.arrivedOn})` });
      await tx.updateTable('movementPassengers').set({ arrived: true }).where('movementId', '=', movementId).where('returnCaseId', '=', returnCaseId).execute();
      const siteId = movement.direction === 'inbound' ? movement.receptionSiteId : null;
      const inserted = await tx
        .insertInto('arrivals')
        .values({
          id: newId(), personId: rc.personId, returnCaseId, movementId, organisationId: rc.organisationId, siteId, arrivedOn: input.arrivedOn, fromCountry: rc.fromCountry,
          destinationPcode: rc.destinationPcode, vulnerable: rc.unaccompaniedChild || (await isMedicalCase(tx, rc.id)), note: null, reintegrationCaseId: null, createdBy: ctx.user.id, updatedBy: ctx.user.id,
        })
        .onConflict((oc) => oc.column('returnCaseId').doNothing())
        .returning('id')
        .executeTakeFirst();
      const arrival = inserted ?? (await tx.selectFrom('arrivals').select('id').where('returnCaseId', '=', returnCaseId).executeTakeFirstOrThrow());
      if (rc.direction === 'inbound') {
        const riId = await handOver(tx, ctx, { arrivalId: arrival.id, personId: rc.personId, returnCaseId, destinationPcode: rc.destinationPcode, organisationId: rc.organisationId, siteId, arrivedOn: input.arrivedOn });
        if (riId) opened += 1;
      }
    }
    if (wanted.length === 0) return loadMovement(tx, ctx, movementId);
    // Passengers withdrawn after departure never arrive with the movement: they do not hold it open.
    const left = await tx
      .selectFrom('movementPassengers as mp')
      .innerJoin('returnCases as rc', 'rc.id', 'mp.returnCaseId')
      .select('mp.id')
      .where('mp.movementId', '=', movementId)
      .where('mp.departureStatus', '=', 'departed')
      .where('mp.arrived', '=', false)
      .where('rc.status', '=', 'departed')
      .execute();
    await tx
      .updateTable('movements')
      .set({ status: left.length === 0 ? 'arrived' : movement.status, arrivedOn: movement.arrivedOn ?? input.arrivedOn, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', movementId)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'movement.arrive', entityType: 'movement', entityId: movementId, details: { arrivedOn: input.arrivedOn, arrived: wanted.length, reintegrationHandovers: opened } });
    return loadMovement(tx, ctx, movementId);
  });
}
