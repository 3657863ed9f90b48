// Return cases (SPEC §6): opening, the list, the case page, updates and the history.
import { sql } from 'kysely';
import { isOpenReturnStatus, newId, type ReturnCase, type ReturnCaseInput, type ReturnCasePatch, type ReturnCasesQuery, type ReturnEvents, type ReturnStatus } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope, recordInScope } from '../../platform/access/scope';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { allocateCaseNumber } from '../registry/case-numbers';
import { assertActiveUser, assertOpen, lockReturnCase, notInFuture, recordEvent, regionOf, RETURN_SCOPE, today } from './returns.common';
import { activeSite, assertCountry, assertPcode, checkMembers, directionCountries, lockPerson, screenedUnaccompaniedChild } from './return-cases.validate';
import { returnCaseQuery } from './returns.queries';
import { presentReturnSummary } from './returns.present';
import { loadReturnCase } from './return-cases.load';
import { applyCaseFilters } from './return-cases.filters';

/** Replaces a case's household members. */
async function writeMembers(tx: Tx, ctx: RequestContext, caseId: string, members: ReturnCaseInput['members']): Promise<void> {
  await tx.deleteFrom('returnCaseMembers').where('returnCaseId', '=', caseId).execute();
  if (!members || members.length === 0) return;
  await tx
    .insertInto('returnCaseMembers')
    .values(members.map((m) => ({ id: newId(), returnCaseId: caseId, personId: m.personId, relationship: m.relationship, createdBy: ctx.user.id })))
    .execute();
}

/** Opens a return case for an active person the caller may read; one open case per person. */
export async function createReturnCase(ctx: RequestContext, input: ReturnCaseInput): Promise<ReturnCase> {
  const requestedOn = input.requestedOn ?? today();
  notInFuture('requestedOn', requestedOn);
  const fromCountry = directionCountries(input);
  return inTransaction(ctx.db, async (tx) => {
    // Locking the person serialises two requests for the same person, so "one open case" holds.
    const person = await lockPerson(tx, ctx, 'personId', input.personId);
    const siteId = input.siteId ?? ctx.user.siteId;
    if (!siteId) throw new Invalid({ siteId: 'is required: you are not attached to a site' });
    await assertCountry(tx, 'destinationCountry', input.destinationCountry);
    await assertCountry(tx, 'fromCountry', fromCountry);
    if (input.destinationPcode) await assertPcode(tx, 'destinationPcode', input.destinationPcode);
    const site = await activeSite(tx, 'siteId', siteId);
    const counsellorId = input.counsellorId ?? ctx.user.id;
    if (!recordInScope(ctx.scope, { organisationId: site.organisationId, siteId: site.id, pcode: regionOf(site.pcode), ownerId: counsellorId })) {
      throw new Invalid({ siteId: 'is outside the sites where you may open return cases' });
    }
    await assertActiveUser(tx, 'counsellorId', counsellorId);
    await checkMembers(tx, ctx, person.id, input.members ?? []);
    if (input.transitCaseId) {
      const tc = await tx.selectFrom('transitCases').select(['id', 'personId']).where('id', '=', input.transitCaseId).executeTakeFirst();
      if (!tc || tc.personId !== person.id) throw new Invalid({ transitCaseId: 'must be a transit case of the same person' });
    }
    const open = await tx
      .selectFrom('returnCases')
      .select(['caseNumber', 'status'])
      .where('personId', '=', person.id)
      .where('status', 'not in', ['closed', 'withdrawn'])
      .executeTakeFirst();
    if (open) throw new Conflict(`${person.caseNumber} already has an open return case (${open.caseNumber}, ${open.status})`, 'open_return_case', { personId: `already has the open return case ${open.caseNumber}` });
    const unaccompaniedChild = input.unaccompaniedChild ?? (await screenedUnaccompaniedChild(tx, person.id, person.dateOfBirth, requestedOn));
    const id = input.id ?? newId();
    const caseNumber = await allocateCaseNumber(tx, site.id, requestedOn, 'return_case');
    await tx
      .insertInto('returnCases')
      .values({
        id, caseNumber, personId: person.id, direction: input.direction, suspendedFrom: null, withdrawalReason: null,
        destinationCountry: input.destinationCountry, destinationPcode: input.destinationPcode ?? null, destinationLocality: input.destinationLocality ?? null,
        fromCountry, organisationId: site.organisationId, siteId: site.id, regionPcode: regionOf(site.pcode), counsellorId, requestedOn, unaccompaniedChild,
        transitCaseId: input.transitCaseId ?? null, declarationSignedOn: null, declarationWitness: null, dueDiligenceCheckedOn: null, dueDiligenceOutcome: null,
        dueDiligenceNote: null, bidDeterminedOn: null, bidOutcome: null, bidNote: null, bidRecordedBy: null, bidApprovedBy: null, bidApprovedAt: null,
        createdBy: ctx.user.id, updatedBy: ctx.user.id,
      })
      .execute();
    await writeMembers(tx, ctx, id, input.members);
    await recordEvent(tx, ctx, id, 'created', { to: 'requested', details: { caseNumber, personId: person.id, direction: input.direction, memberCount: input.members?.length ?? 0 } }, 'create');
    return loadReturnCase(tx, ctx, id);
  });
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Return cases in scope, most recently requested first. */
export async function listReturnCases(ctx: RequestContext, query: ReturnCasesQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = applyCaseFilters(returnCaseQuery(ctx.db).where(inScope(ctx.scope, RETURN_SCOPE)), query);
  if (query.status) q = q.where('rc.status', '=', query.status);
  if (query.q) {
    // Accent-insensitive, like the other caseload searches.
    const like = `%${escapeLike(query.q)}%`;
    q = q.where(sql<boolean>`lower(unaccent(rc.case_number || ' ' || p.case_number || ' ' || p.given_name || ' ' || p.family_name || ' ' || p.given_name)) like lower(unaccent(${like}))`);
  }
  if (after) {
    const [requestedOn, id] = after.map(String);
    q = q.where(sql<boolean>`(rc.requested_on, rc.id) < (${requestedOn}::date, ${id}::uuid)`);
  }
  const rows = await q.orderBy('rc.requestedOn', 'desc').orderBy('rc.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.requestedOn, r.id], presentReturnSummary);
}

/** The case page; reading a personal record is audited. */
export async function getReturnCase(ctx: RequestContext, id: string): Promise<ReturnCase> {
  return inTransaction(ctx.db, async (tx) => {
    const found = await tx.selectFrom('returnCases as rc').select('rc.id').where('rc.id', '=', id).where(inScope(ctx.scope, RETURN_SCOPE)).executeTakeFirst();
    if (!found) throw new NotFound('Return case');
    await appendAudit(tx, actorOf(ctx), { action: 'returnCase.read', entityType: 'return_case', entityId: id });
    return loadReturnCase(tx, ctx, id);
  });
}

/** Updates an open case at the version the caller saw. */
export async function updateReturnCase(ctx: RequestContext, id: string, version: number, patch: ReturnCasePatch): Promise<ReturnCase> {
  notInFuture('declaration.signedOn', patch.declaration?.signedOn);
  notInFuture('dueDiligence.checkedOn', patch.dueDiligence?.checkedOn);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReturnCase(tx, ctx.scope, id);
    assertVersion(row.version, version);
    assertOpen(row);
    if (patch.destinationPcode) {
      if (row.direction !== 'inbound') throw new Invalid({ destinationPcode: 'is only for inbound returns (a Mali P-code)' });
      await assertPcode(tx, 'destinationPcode', patch.destinationPcode);
    }
    if (patch.counsellorId !== undefined) await assertActiveUser(tx, 'counsellorId', patch.counsellorId);
    if (patch.declaration && patch.declaration.signedOn < row.requestedOn) throw new Invalid({ 'declaration.signedOn': `must not be before the request (${row.requestedOn})` });
    if (patch.members) {
      // Travellers already on a movement hold their seats: members change only before booking.
      const booked: ReturnStatus[] = ['booked', 'departed', 'arrived'];
      if (booked.includes(row.status as ReturnStatus)) throw new Conflict(`${row.caseNumber} is ${row.status}; members change only before booking`, 'members_locked', { members: 'cannot change once booked' });
      await checkMembers(tx, ctx, row.personId, patch.members);
      await writeMembers(tx, ctx, id, patch.members);
    }
    const set: Record<string, unknown> = {};
    if (patch.counsellorId !== undefined) set.counsellorId = patch.counsellorId;
    if (patch.destinationPcode !== undefined) set.destinationPcode = patch.destinationPcode;
    if (patch.destinationLocality !== undefined) set.destinationLocality = patch.destinationLocality;
    if (patch.unaccompaniedChild !== undefined) set.unaccompaniedChild = patch.unaccompaniedChild;
    if (patch.declaration) Object.assign(set, { declarationSignedOn: patch.declaration.signedOn, declarationWitness: patch.declaration.witness });
    if (patch.dueDiligence) Object.assign(set, { dueDiligenceCheckedOn: patch.dueDiligence.checkedOn, dueDiligenceOutcome: patch.dueDiligence.outcome, dueDiligenceNote: patch.dueDiligence.note ?? null });
    await tx.updateTable('returnCases').set({ ...set, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', id).execute();
    await recordEvent(tx, ctx, id, 'updated', { details: { fields: Object.keys(patch) } }, 'update');
    return loadReturnCase(tx, ctx, id);
  });
}

/** The case history, oldest first. */
export async function listReturnEvents(ctx: RequestContext, id: string): Promise<ReturnEvents> {
  const found = await ctx.db.selectFrom('returnCases as rc').select('rc.id').where('rc.id', '=', id).where(inScope(ctx.scope, RETURN_SCOPE)).executeTakeFirst();
  if (!found) throw new NotFound('Return case');
  const rows = await ctx.db
    .selectFrom('returnCaseEvents as e')
    .leftJoin('users as u', 'u.id', 'e.byUser')
    .select(['e.id', 'e.at', 'e.kind', 'e.fromStatus', 'e.toStatus', 'e.note', 'e.byUser', 'u.displayName'])
    .where('e.returnCaseId', '=', id)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return {
    items: rows.map((e) => ({
      id: e.id,
      at: new Date(e.at).toISOString(),
      by: e.byUser ? { id: e.byUser, displayName: e.displayName ?? '' } : null,
      kind: e.kind as ReturnEvents['items'][number]['kind'],
      ...(e.fromStatus ? { from: e.fromStatus as ReturnStatus } : {}),
      ...(e.toStatus ? { to: e.toStatus as ReturnStatus } : {}),
      ...(e.note ? { note: e.note } : {}),
    })),
  };
}

/** Tells whether a status still counts as open (re-exported for the movement services). */
export const caseIsOpen = (status: string): boolean => isOpenReturnStatus(status as ReturnStatus);
