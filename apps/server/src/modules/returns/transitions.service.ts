// Moving a return case along its workflow (SPEC §6): the configured map, the preconditions from
// core, and what a move implies (a suspended or withdrawn case leaves a planned movement).
import { sql } from 'kysely';
import { allowedTransitions, checkPreconditions, manualTransitions, MOVEMENT_ONLY_STATUSES, type ReturnCase, type ReturnCaseFacts, type ReturnStatus, type ReturnTransitionInput } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, RuleViolation } from '../../platform/errors';
import { lockReturnCase, recordEvent, today, transitionMap, type ReturnCaseRow } from './returns.common';
import { loadReturnCase } from './return-cases.load';

/** The facts the preconditions look at, read in the caller's transaction. */
export async function caseFacts(tx: Tx, row: ReturnCaseRow, on: string = today()): Promise<ReturnCaseFacts> {
  const latest = await tx.selectFrom('medicalChecks').select('outcome').where('returnCaseId', '=', row.id).orderBy('examinedOn', 'desc').orderBy('createdAt', 'desc').limit(1).executeTakeFirst();
  const documents = await tx.selectFrom('travelDocuments').select(['status', 'expiresOn']).where('returnCaseId', '=', row.id).execute();
  return {
    direction: row.direction as ReturnCaseFacts['direction'],
    destinationPcode: row.destinationPcode,
    unaccompaniedChild: row.unaccompaniedChild,
    declaration: row.declarationSignedOn || row.declarationWitness ? { signedOn: row.declarationSignedOn, witness: row.declarationWitness } : null,
    bestInterest: row.bidOutcome ? { outcome: row.bidOutcome, approvedAt: row.bidApprovedAt ? new Date(row.bidApprovedAt).toISOString() : null } : null,
    dueDiligence: row.dueDiligenceOutcome ? { outcome: row.dueDiligenceOutcome } : null,
    latestMedical: latest ? { outcome: latest.outcome } : null,
    travelDocuments: documents,
    today: on,
  };
}

/** The 409 of a move the machine does not allow, naming the allowed ones. */
export function forbiddenMove(from: string, to: string, allowed: readonly string[]): Conflict {
  const list = allowed.length > 0 ? allowed.join(', ') : 'none';
  return new Conflict(`cannot go from ${from} to ${to}; allowed: ${list}`, 'conflict', { to: allowed.length > 0 ? `must be one of ${list}` : `${from} is final` }, { allowed });
}

/**
 * Sets a case's status and writes its history entry; the caller has checked the move. Leaving for
 * suspended remembers where from; withdrawn keeps its reason.
 */
export async function setStatus(tx: Tx, ctx: RequestContext, row: ReturnCaseRow, to: ReturnStatus, extra: { note?: string | null | undefined; reason?: string | null | undefined; kind?: 'transition' | 'movement' | 'arrival' } = {}): Promise<void> {
  const from = row.status as ReturnStatus;
  await tx
    .updateTable('returnCases')
    .set({
      status: to,
      statusSince: new Date(),
      suspendedFrom: to === 'suspended' ? from : null,
      withdrawalReason: to === 'withdrawn' ? (extra.reason ?? null) : row.withdrawalReason,
      updatedAt: new Date(),
      updatedBy: ctx.user.id,
      version: sql`version + 1`,
    })
    .where('id', '=', row.id)
    .execute();
  if (to === 'suspended' || to === 'withdrawn') {
    // A case on hold or given up gives its seats back on a movement not yet gone.
    await tx
      .deleteFrom('movementPassengers')
      .where('returnCaseId', '=', row.id)
      .where('movementId', 'in', tx.selectFrom('movements').select('id').where('status', '=', 'planned'))
      .execute();
  }
  await recordEvent(tx, ctx, row.id, extra.kind ?? 'transition', { from, to, note: extra.note ?? null, details: extra.reason ? { reason: extra.reason } : {} }, 'transition');
}

/** Moves a case along its workflow; 409 naming the allowed moves, 422 naming the missing facts. */
export async function transitionReturnCase(ctx: RequestContext, id: string, input: ReturnTransitionInput): Promise<ReturnCase> {
  if (input.reason && input.to !== 'withdrawn') throw new Invalid({ reason: 'is only for withdrawing a case' });
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReturnCase(tx, ctx.scope, id);
    const from = row.status as ReturnStatus;
    const suspendedFrom = row.suspendedFrom as ReturnStatus | null;
    const map = await transitionMap(tx);
    const manual = manualTransitions(from, suspendedFrom, map);
    if (MOVEMENT_ONLY_STATUSES.includes(input.to) && allowedTransitions(from, suspendedFrom, map).includes(input.to)) {
      throw new Conflict(`${input.to} is recorded through the movement's ${input.to === 'departed' ? 'departure' : 'arrival'} confirmation; allowed here: ${manual.join(', ')}`, 'conflict', { to: 'is set by the movement routes' }, { allowed: manual });
    }
    if (!manual.includes(input.to)) throw forbiddenMove(from, input.to, manual);
    if (input.to === 'withdrawn' && !input.reason) throw new RuleViolation('A case is withdrawn with a reason', 'reason_required', { reason: 'is required to withdraw a case' });
    const failures = checkPreconditions(await caseFacts(tx, row), input.to);
    if (failures.length > 0) {
      throw new RuleViolation(`cannot go to ${input.to}: ${failures.map((f) => f.message).join('; ')}`, 'precondition_failed', Object.fromEntries(failures.map((f) => [f.field, f.message])));
    }
    await setStatus(tx, ctx, row, input.to, { note: input.note, reason: input.reason });
    return loadReturnCase(tx, ctx, id);
  });
}
