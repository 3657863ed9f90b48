// Movements as the API returns them, and the scope they are read and changed in.
import type { Movement, Passenger, ReturnMember } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inScope, type Scope } from '../../platform/access/scope';
import { can, scopeFor, type RequestContext } from '../../platform/auth/context';
import type { Permission } from '@taama/core';
import { NotFound } from '../../platform/errors';
import { MOVEMENT_SCOPE } from './returns.common';
import { memberQuery, movementQuery, passengerQuery } from './returns.queries';
import { presentMember, presentMovementSummary, presentPassenger } from './returns.present';

/**
 * Movements are organisation records (a convoy serves several sites): any grant of the permission
 * reads the caller's organisation's movements, an `all` grant reads every organisation's.
 */
export function movementScope(ctx: RequestContext, permission: Permission): Scope {
  const scope = scopeFor(ctx, permission);
  if (scope.kind === 'all' || scope.kind === 'none') return scope;
  return { kind: 'organisation', organisationId: ctx.user.organisationId };
}

/** The movement row, in scope, locked for the write; 404 when absent or out of scope. */
export async function lockMovement(tx: Tx, scope: Scope, id: string) {
  const row = await tx.selectFrom('movements as m').selectAll('m').where('m.id', '=', id).where(inScope(scope, MOVEMENT_SCOPE)).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Movement');
  return row;
}
export type MovementLockedRow = Awaited<ReturnType<typeof lockMovement>>;

/** The passengers of some movements, with their household members. */
export async function loadPassengers(db: Db | Tx, movementIds: readonly string[]): Promise<Map<string, Passenger[]>> {
  const out = new Map<string, Passenger[]>();
  if (movementIds.length === 0) return out;
  const rows = await passengerQuery(db).where('mp.movementId', 'in', movementIds).execute();
  const caseIds = [...new Set(rows.map((r) => r.returnCaseId))];
  const members = caseIds.length > 0 ? await memberQuery(db).where('m.returnCaseId', 'in', caseIds).execute() : [];
  const byCase = new Map<string, ReturnMember[]>();
  for (const m of members) byCase.set(m.returnCaseId, [...(byCase.get(m.returnCaseId) ?? []), presentMember(m)]);
  for (const r of rows) out.set(r.movementId, [...(out.get(r.movementId) ?? []), presentPassenger(r, byCase.get(r.returnCaseId) ?? [])]);
  return out;
}

/** Builds the full movement; the caller has already checked it is in scope. */
export async function loadMovement(db: Db | Tx, ctx: RequestContext, id: string): Promise<Movement> {
  const row = await movementQuery(db).where('m.id', '=', id).executeTakeFirstOrThrow();
  const passengers = (await loadPassengers(db, [id])).get(id) ?? [];
  const manage = can(ctx, 'movement.manage') && (await db.selectFrom('movements as m').select('m.id').where('m.id', '=', id).where(inScope(movementScope(ctx, 'movement.manage'), MOVEMENT_SCOPE)).executeTakeFirst()) !== undefined;
  const planned = row.status === 'planned';
  return {
    ...presentMovementSummary(row),
    organisationId: row.organisationId,
    carrier: row.carrier,
    legs: row.legs,
    escorts: row.escorts as Movement['escorts'],
    receptionSiteName: row.receptionSiteName,
    departedOn: row.departedOn,
    arrivedOn: row.arrivedOn,
    passengers,
    abilities: {
      update: manage && planned,
      addPassengers: manage && planned,
      confirmDeparture: manage && planned && passengers.some((p) => p.departureStatus === 'expected'),
      confirmArrival: manage && row.status === 'departed' && passengers.some((p) => p.departureStatus === 'departed' && !p.arrived),
    },
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
