// Transit cases (SPEC §5): opening, the caseload, the case page, assignment, workflow and transfer.
import { sql } from 'kysely';
import { canMove, newId, TRANSIT_CASE_TRANSITIONS, type TransitCase, type TransitCaseInput, type TransitCasePatch, type TransitCasesQuery, type TransitCaseTransfer, type TransitCaseTransition } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, scopeFor, type RequestContext } from '../../platform/auth/context';
import { inScope, recordInScope } from '../../platform/access/scope';
import { Conflict, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { allocateCaseNumber } from '../registry/case-numbers';
import { assertAssignable, CASE_SCOPE, lockCase, notInFuture, recordEvent, today } from './protection.common';
import { caseQuery } from './protection.queries';
import { presentCaseSummary } from './protection.present';
import { loadCase } from './transit-cases.load';

const PERSON_SCOPE = { organisation: 'p.organisation_id', site: 'p.site_id', pcode: 'p.region_pcode', owner: 'p.owner_id' };

/** An active site by id, or 400 naming the field. */
async function siteFor(tx: Tx, field: string, siteId: string) {
  const site = await tx.selectFrom('sites').select(['id', 'organisationId', 'pcode', 'active']).where('id', '=', siteId).executeTakeFirst();
  if (!site || !site.active) throw new Invalid({ [field]: 'must be an active site' });
  return site;
}

/** Opens a case for an active person the caller may read, at the caller's site unless another is named. */
export async function createCase(ctx: RequestContext, input: TransitCaseInput): Promise<TransitCase> {
  notInFuture('openedOn', input.openedOn);
  const siteId = input.siteId ?? ctx.user.siteId;
  if (!siteId) throw new Invalid({ siteId: 'is required: you are not attached to a site' });
  return inTransaction(ctx.db, async (tx) => {
    // Our own small person lookup (the registry's repo is not shared): same scope columns as people.
    const person = await tx
      .selectFrom('people as p')
      .select(['p.id', 'p.status', 'p.caseNumber'])
      .where('p.id', '=', input.personId)
      .where(inScope(scopeFor(ctx, 'person.read'), PERSON_SCOPE))
      .executeTakeFirst();
    if (!person) throw new NotFound('Person');
    if (person.status !== 'active') {
      throw new RuleViolation(`${person.caseNumber} is ${person.status}; open the case on the surviving record`, 'person_not_active', { personId: `is ${person.status}` });
    }
    const site = await siteFor(tx, 'siteId', siteId);
    const assignedTo = input.assignedTo ?? ctx.user.id;
    if (!recordInScope(ctx.scope, { organisationId: site.organisationId, siteId: site.id, pcode: site.pcode, ownerId: assignedTo })) {
      throw new Invalid({ siteId: 'is outside the sites where you may open cases' });
    }
    await assertAssignable(tx, 'assignedTo', assignedTo);
    const id = input.id ?? newId();
    const caseNumber = await allocateCaseNumber(tx, site.id, input.openedOn, 'transit_case');
    await tx
      .insertInto('transitCases')
      .values({ id, caseNumber, personId: person.id, organisationId: site.organisationId, siteId: site.id, regionPcode: site.pcode, assignedTo, closureReason: null, priority: null, openedOn: input.openedOn, closedOn: null, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await recordEvent(tx, ctx, id, 'create', { caseNumber, personId: person.id, siteId: site.id });
    return loadCase(tx, ctx, id);
  });
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The caseload: cases in scope, newest first, with open and overdue task counts. */
export async function listCases(ctx: RequestContext, query: TransitCasesQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const now = today();
  let q = caseQuery(ctx.db)
    .select([
      sql<number>`(select count(*) from tasks t where t.transit_case_id = tc.id and t.status in ('open', 'awaiting_approval'))`.as('openTasks'),
      sql<number>`(select count(*) from tasks t where t.transit_case_id = tc.id and t.status in ('open', 'awaiting_approval') and t.due_date < ${now})`.as('overdueTasks'),
    ])
    .where(inScope(ctx.scope, CASE_SCOPE));
  if (query.status) q = q.where('tc.status', '=', query.status);
  if (query.priority) q = q.where('tc.priority', '=', query.priority);
  if (query.siteId) q = q.where('tc.siteId', '=', query.siteId);
  if (query.personId) q = q.where('tc.personId', '=', query.personId);
  if (query.assignedTo) q = q.where('tc.assignedTo', '=', query.assignedTo === 'me' ? ctx.user.id : query.assignedTo);
  if (query.q) {
    // Accent-insensitive, like the user search: "Toure" finds "Touré".
    const like = `%${escapeLike(query.q)}%`;
    q = q.where(sql<boolean>`lower(unaccent(tc.case_number || ' ' || p.case_number || ' ' || p.given_name || ' ' || p.family_name || ' ' || p.given_name)) like lower(unaccent(${like}))`);
  }
  if (after) {
    const [openedOn, id] = after.map(String);
    q = q.where(sql<boolean>`(tc.opened_on, tc.id) < (${openedOn}::date, ${id}::uuid)`);
  }
  const rows = await q.orderBy('tc.openedOn', 'desc').orderBy('tc.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.openedOn, r.id], (r) => presentCaseSummary(r, Number(r.openTasks), Number(r.overdueTasks)));
}

/** The case page; reading a personal record is audited. */
export async function getCase(ctx: RequestContext, id: string): Promise<TransitCase> {
  return inTransaction(ctx.db, async (tx) => {
    const found = await tx.selectFrom('transitCases as tc').select('tc.id').where('tc.id', '=', id).where(inScope(ctx.scope, CASE_SCOPE)).executeTakeFirst();
    if (!found) throw new NotFound('Transit case');
    await appendAudit(tx, actorOf(ctx), { action: 'transitCase.read', entityType: 'transit_case', entityId: id });
    return loadCase(tx, ctx, id);
  });
}

/** Assigns or unassigns the case at the version the caller saw. */
export async function updateCase(ctx: RequestContext, id: string, version: number, patch: TransitCasePatch): Promise<TransitCase> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, id);
    assertVersion(row.version, version);
    const assignedTo = patch.assignedTo ?? null;
    await assertAssignable(tx, 'assignedTo', assignedTo);
    await tx.updateTable('transitCases').set({ assignedTo, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', id).execute();
    await recordEvent(tx, ctx, id, 'assigned', { from: row.assignedTo, to: assignedTo });
    return loadCase(tx, ctx, id);
  });
}

/** Moves the case along its workflow; closing needs a reason, reopening clears it. */
export async function transitionCase(ctx: RequestContext, id: string, input: TransitCaseTransition): Promise<TransitCase> {
  notInFuture('on', input.on);
  if (input.closureReason && input.to !== 'closed') throw new Invalid({ closureReason: 'is only for closing a case' });
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, id);
    const from = row.status as keyof typeof TRANSIT_CASE_TRANSITIONS;
    if (!canMove(TRANSIT_CASE_TRANSITIONS, from, input.to)) {
      const allowed = TRANSIT_CASE_TRANSITIONS[from];
      throw new Conflict(`A ${from} case cannot move to ${input.to}; allowed: ${allowed.join(', ')}`, 'transition_not_allowed', { to: `must be one of ${allowed.join(', ')}` }, { allowed });
    }
    let closedOn: string | null = null;
    if (input.to === 'closed') {
      if (!input.closureReason) throw new RuleViolation('A case is closed with a reason', 'closure_reason_required', { closureReason: 'is required to close a case' });
      closedOn = input.on ?? today();
      if (closedOn < row.openedOn) throw new Invalid({ on: `must not be before the case was opened (${row.openedOn})` });
    }
    await tx
      .updateTable('transitCases')
      .set({ status: input.to, closureReason: input.to === 'closed' ? (input.closureReason ?? null) : null, closedOn, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await recordEvent(tx, ctx, id, 'status_changed', { from, to: input.to, ...(input.closureReason ? { closureReason: input.closureReason } : {}), ...(input.note ? { note: input.note } : {}) });
    return loadCase(tx, ctx, id);
  });
}

/** Hands the case to another site (and optionally a user there); its scope anchors follow the site. */
export async function transferCase(ctx: RequestContext, id: string, input: TransitCaseTransfer): Promise<TransitCase> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, id);
    const site = await siteFor(tx, 'siteId', input.siteId);
    if (site.id === row.siteId) throw new Invalid({ siteId: 'is already the case’s site' });
    const assignedTo = input.assignedTo ?? null;
    await assertAssignable(tx, 'assignedTo', assignedTo);
    await tx
      .updateTable('transitCases')
      .set({ siteId: site.id, organisationId: site.organisationId, regionPcode: site.pcode, assignedTo, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await recordEvent(tx, ctx, id, 'transferred', { fromSiteId: row.siteId, toSiteId: site.id, assignedTo, ...(input.note ? { note: input.note } : {}) });
    return loadCase(tx, ctx, id);
  });
}
