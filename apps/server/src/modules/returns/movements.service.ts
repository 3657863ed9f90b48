// Movements (SPEC §6): a charter, commercial flight or bus convoy grouping passengers, with its legs,
// carrier, escorts and seats; planned, then departed and arrived through the confirmations.
import { sql } from 'kysely';
import { newId, type Movement, type MovementInput, type MovementPatch, type MovementsQuery } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { Conflict, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { MOVEMENT_SCOPE } from './returns.common';
import { activeSite } from './return-cases.validate';
import { movementQuery } from './returns.queries';
import { presentMovementSummary } from './returns.present';
import { loadMovement, lockMovement, movementScope } from './movements.load';

/** The next generated reference of a year: MV-2025-0001, MV-2025-0002… */
async function nextReference(tx: Tx, year: number): Promise<string> {
  const row = await sql<{ lastValue: number }>`
    insert into movement_reference_sequences (year, last_value) values (${year}, 1)
    on conflict (year) do update set last_value = movement_reference_sequences.last_value + 1
    returning last_value`.execute(tx);
  const value = row.rows[0]?.lastValue;
  if (value === undefined) throw new Error('movement reference allocation returned no row');
  return `MV-${year}-${String(value).padStart(4, '0')}`;
}

/** Date rules shared by create and update; 400 naming the field. */
function checkDates(departureDate: string, arrivalDate: string | null | undefined, legs: MovementInput['legs']): void {
  if (arrivalDate && arrivalDate < departureDate) throw new Invalid({ arrivalDate: `must not be before the departure date (${departureDate})` });
  for (const [i, leg] of legs.entries()) {
    if (leg.arriveAt && leg.arriveAt < leg.departAt) throw new Invalid({ [`legs.${i}.arriveAt`]: 'must not be before the leg’s departure' });
  }
}

/** Checks the reception site: inbound only, an active site. */
async function receptionSite(tx: Tx, direction: string, siteId: string | null | undefined): Promise<string | null> {
  if (!siteId) return null;
  if (direction !== 'inbound') throw new Invalid({ receptionSiteId: 'is only for inbound movements (the Mali site receiving the arrivals)' });
  return (await activeSite(tx, 'receptionSiteId', siteId)).id;
}

/** Plans a movement in the caller's organisation. */
export async function createMovement(ctx: RequestContext, input: MovementInput): Promise<Movement> {
  checkDates(input.departureDate, input.arrivalDate, input.legs);
  return inTransaction(ctx.db, async (tx) => {
    const reception = await receptionSite(tx, input.direction, input.receptionSiteId);
    const id = input.id ?? newId();
    const reference = input.reference ?? (await nextReference(tx, Number(input.departureDate.slice(0, 4))));
    const taken = await tx.selectFrom('movements').select('id').where('reference', '=', reference).executeTakeFirst();
    if (taken) throw new Conflict(`A movement ${reference} already exists`, 'already_exists', { reference: 'is already taken' });
    await tx
      .insertInto('movements')
      .values({
        id, reference, kind: input.kind, direction: input.direction, departureDate: input.departureDate, arrivalDate: input.arrivalDate ?? null,
        carrier: input.carrier ?? null, seats: input.seats, legs: JSON.stringify(input.legs), escorts: JSON.stringify(input.escorts ?? []),
        receptionSiteId: reception, organisationId: ctx.user.organisationId, departedOn: null, arrivedOn: null, createdBy: ctx.user.id, updatedBy: ctx.user.id,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'movement.create', entityType: 'movement', entityId: id, details: { reference, kind: input.kind, direction: input.direction, seats: input.seats } });
    return loadMovement(tx, ctx, id);
  });
}

/** Movements in scope, latest departure first. */
export async function listMovements(ctx: RequestContext, query: MovementsQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = movementQuery(ctx.db).where(inScope(movementScope(ctx, 'returnCase.read'), MOVEMENT_SCOPE));
  if (query.status) q = q.where('m.status', '=', query.status);
  if (query.direction) q = q.where('m.direction', '=', query.direction);
  if (query.from) q = q.where('m.departureDate', '>=', query.from);
  if (query.to) q = q.where('m.departureDate', '<=', query.to);
  if (after) {
    const [departureDate, id] = after.map(String);
    q = q.where(sql<boolean>`(m.departure_date, m.id) < (${departureDate}::date, ${id}::uuid)`);
  }
  const rows = await q.orderBy('m.departureDate', 'desc').orderBy('m.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.departureDate, r.id], presentMovementSummary);
}

/** A movement with its passengers. */
export async function getMovement(ctx: RequestContext, id: string): Promise<Movement> {
  const found = await ctx.db.selectFrom('movements as m').select('m.id').where('m.id', '=', id).where(inScope(movementScope(ctx, 'returnCase.read'), MOVEMENT_SCOPE)).executeTakeFirst();
  if (!found) throw new NotFound('Movement');
  return loadMovement(ctx.db, ctx, id);
}

/** Changes a planned movement at the version the caller saw. */
export async function updateMovement(ctx: RequestContext, id: string, version: number, patch: MovementPatch): Promise<Movement> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockMovement(tx, movementScope(ctx, 'movement.manage'), id);
    assertVersion(row.version, version);
    if (row.status !== 'planned') throw new Conflict(`${row.reference} is ${row.status}; only a planned movement changes`, 'movement_not_planned');
    const departureDate = patch.departureDate ?? row.departureDate;
    const arrivalDate = patch.arrivalDate !== undefined ? patch.arrivalDate : row.arrivalDate;
    checkDates(departureDate, arrivalDate, patch.legs ?? row.legs);
    const passengers = await tx
      .selectFrom('movementPassengers')
      .select(['returnCaseId', 'seats'])
      .where('movementId', '=', id)
      .where('departureStatus', '<>', 'no_show')
      .execute();
    const taken = passengers.reduce((n, p) => n + p.seats, 0);
    if (patch.seats !== undefined && patch.seats < taken) throw new RuleViolation(`${taken} seats are taken`, 'over_capacity', { seats: `must be at least the ${taken} seats taken` });
    if (patch.departureDate && passengers.length > 0) {
      // Moving the date must not strand a passenger whose travel document expires before it.
      const stale = await tx
        .selectFrom('returnCases as rc')
        .select('rc.caseNumber')
        .where('rc.id', 'in', passengers.map((p) => p.returnCaseId))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('travelDocuments as td').select('td.id').whereRef('td.returnCaseId', '=', 'rc.id').where('td.status', '=', 'issued').where('td.expiresOn', '>=', departureDate))))
        .execute();
      if (stale.length > 0) throw new RuleViolation('Some travel documents expire before the new date', 'document_expired', { departureDate: `travel documents of ${stale.map((s) => s.caseNumber).join(', ')} expire before it` });
    }
    const reception = patch.receptionSiteId !== undefined ? await receptionSite(tx, row.direction, patch.receptionSiteId) : row.receptionSiteId;
    await tx
      .updateTable('movements')
      .set({
        kind: patch.kind ?? row.kind,
        departureDate,
        arrivalDate,
        carrier: patch.carrier !== undefined ? patch.carrier : row.carrier,
        seats: patch.seats ?? row.seats,
        legs: JSON.stringify(patch.legs ?? row.legs),
        escorts: JSON.stringify(patch.escorts ?? row.escorts),
        receptionSiteId: reception,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'movement.update', entityType: 'movement', entityId: id, details: { fields: Object.keys(patch) } });
    return loadMovement(tx, ctx, id);
  });
}
