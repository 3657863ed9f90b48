// Stays at transit sites (SPEC §5): check-in and check-out, and nightly occupancy against capacity.
import { sql } from 'kysely';
import { newId, nightlyOccupancy, type CheckOutInput, type Occupancy, type Stay, type StayInput } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { inScope, type Scope } from '../../platform/access/scope';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { addDays, assertNotClosed, CASE_SCOPE, lockCase, notInFuture, recordEvent, today } from './protection.common';
import { stayQuery } from './protection.queries';
import { presentStay } from './protection.present';

/** The longest occupancy range one request may ask for. */
const MAX_NIGHTS = 366;

/** Where sites keep their scope anchors. */
export const SITE_SCOPE = { organisation: 's.organisation_id', site: 's.id', pcode: 's.pcode' };

/** People in a site's beds on the night starting `night`. */
async function occupiedOn(db: Db | Tx, siteId: string, night: string): Promise<number> {
  const row = await db
    .selectFrom('stays')
    .select(sql<number>`count(*)`.as('n'))
    .where('siteId', '=', siteId)
    .where('checkIn', '<=', night)
    .where((eb) => eb.or([eb('checkOut', 'is', null), eb('checkOut', '>', night)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Checks a person in at the case's site; warns (does not refuse) when the site is over capacity that night. */
export async function checkIn(ctx: RequestContext, caseId: string, input: StayInput): Promise<Stay> {
  notInFuture('checkIn', input.checkIn);
  if (input.checkOut && input.checkOut < input.checkIn) throw new Invalid({ checkOut: 'must not be before check-in' });
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertNotClosed(row);
    if (!input.checkOut) {
      const open = await tx.selectFrom('stays').select('id').where('personId', '=', row.personId).where('checkOut', 'is', null).executeTakeFirst();
      if (open) throw new Conflict('This person is already checked in; check them out first', 'already_checked_in', { checkIn: 'the person already has an open stay' });
    }
    const id = input.id ?? newId();
    await tx.insertInto('stays').values({ id, transitCaseId: caseId, personId: row.personId, siteId: row.siteId, checkIn: input.checkIn, checkOut: input.checkOut ?? null, bed: input.bed ?? null, createdBy: ctx.user.id }).execute();
    const site = await tx.selectFrom('sites').select('capacity').where('id', '=', row.siteId).executeTakeFirstOrThrow();
    const occupied = await occupiedOn(tx, row.siteId, input.checkIn);
    const over = site.capacity !== null && occupied > site.capacity ? { occupied, capacity: site.capacity } : undefined;
    await recordEvent(tx, ctx, caseId, 'checked_in', { stayId: id, siteId: row.siteId, checkIn: input.checkIn, ...(over ? { overCapacity: over } : {}) });
    return presentStay(await stayQuery(tx).where('st.id', '=', id).executeTakeFirstOrThrow(), over);
  });
}

/** Checks a person out; the morning they left must not be before they arrived. */
export async function checkOut(ctx: RequestContext, stayId: string, input: CheckOutInput): Promise<Stay> {
  notInFuture('checkOut', input.checkOut);
  return inTransaction(ctx.db, async (tx) => {
    const stay = await tx
      .selectFrom('stays as st')
      .innerJoin('transitCases as tc', 'tc.id', 'st.transitCaseId')
      .select(['st.id', 'st.transitCaseId', 'st.checkIn', 'st.checkOut'])
      .where('st.id', '=', stayId)
      .where(inScope(ctx.scope, CASE_SCOPE))
      .forUpdate()
      .executeTakeFirst();
    if (!stay) throw new NotFound('Stay');
    if (stay.checkOut) throw new Conflict(`This stay already ended on ${stay.checkOut}`, 'already_checked_out');
    if (input.checkOut < stay.checkIn) throw new Invalid({ checkOut: `must not be before check-in (${stay.checkIn})` });
    await tx.updateTable('stays').set({ checkOut: input.checkOut, version: sql`version + 1` }).where('id', '=', stayId).execute();
    await recordEvent(tx, ctx, stay.transitCaseId, 'checked_out', { stayId, checkOut: input.checkOut });
    return presentStay(await stayQuery(tx).where('st.id', '=', stayId).executeTakeFirstOrThrow());
  });
}

/** Every night from `from` to `to` inclusive. */
export function nightsBetween(from: string, to: string): string[] {
  const nights: string[] = [];
  for (let night = from; night <= to; night = addDays(night, 1)) nights.push(night);
  return nights;
}

/** A site in scope with its capacity; 404 otherwise. */
export async function siteInScope(db: Db | Tx, scope: Scope, siteId: string) {
  const site = await db.selectFrom('sites as s').select(['s.id', 's.name', 's.capacity']).where('s.id', '=', siteId).where(inScope(scope, SITE_SCOPE)).executeTakeFirst();
  if (!site) throw new NotFound('Site');
  return site;
}

/** Nightly occupancy of a site between two dates (the last fortnight by default). */
export async function occupancyOf(db: Db | Tx, site: { id: string; capacity: number | null }, from: string, to: string): Promise<Occupancy> {
  const stays = await db.selectFrom('stays').select(['checkIn', 'checkOut']).where('siteId', '=', site.id).where('checkIn', '<=', to).where((eb) => eb.or([eb('checkOut', 'is', null), eb('checkOut', '>', from)])).execute();
  return { siteId: site.id, capacity: site.capacity, nights: nightlyOccupancy(stays, nightsBetween(from, to), site.capacity) };
}

/** The occupancy route: validates the range, then counts. */
export async function getOccupancy(ctx: RequestContext, siteId: string, range: { from?: string; to?: string }): Promise<Occupancy> {
  const to = range.to ?? today();
  const from = range.from ?? addDays(to, -13);
  if (from > to) throw new Invalid({ from: 'must not be after to' });
  if (addDays(from, MAX_NIGHTS - 1) < to) throw new Invalid({ to: `must be within ${MAX_NIGHTS} nights of from` });
  const site = await siteInScope(ctx.db, ctx.scope, siteId);
  return occupancyOf(ctx.db, site, from, to);
}
