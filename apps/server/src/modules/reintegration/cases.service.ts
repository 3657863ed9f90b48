// Reintegration cases (SPEC §7): direct registration, the caseload, the case page, edits and the
// manual status moves.
import { sql } from 'kysely';
import {
  allowedReintegrationTransitions,
  type ReintegrationCase,
  type ReintegrationCaseInput,
  type ReintegrationCasePatch,
  type ReintegrationCasesQuery,
  type ReintegrationStatus,
  type ReintegrationTransition,
} from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, scopeFor, type RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { Conflict, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { openReintegrationCase } from './cases.open';
import { loadCase } from './cases.load';
import { assertActiveUser, caseInScope, caseRowInScope, isOpen, lockCase, notInFuture, recordEvent, today } from './reintegration.common';
import { caseSummaryQuery } from './reintegration.queries';
import { presentCaseSummary } from './reintegration.present';

const PERSON_SCOPE = { organisation: 'p.organisation_id', site: 'p.site_id', pcode: 'p.region_pcode', owner: 'p.owner_id' };
const ACTIVE: readonly string[] = ['eligible', 'counselled', 'plan_approved', 'in_progress'];

/** Checks a region is an admin-1 unit; 400 naming the field otherwise. */
export async function assertRegion(tx: Tx, field: string, pcode: string): Promise<void> {
  const unit = await tx.selectFrom('adminUnits').select('level').where('pcode', '=', pcode).executeTakeFirst();
  if (!unit || unit.level !== 1) throw new Invalid({ [field]: 'must be the P-code of a region (admin level 1)' });
}

/** Checks an organisation exists; 400 naming the field otherwise. */
async function assertOrganisation(tx: Tx, field: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  if (!(await tx.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst())) throw new Invalid({ [field]: 'must be an existing organisation' });
}

/** Registers a returnee directly (e.g. a spontaneous return referred by the government). */
export async function createCase(ctx: RequestContext, input: ReintegrationCaseInput): Promise<ReintegrationCase> {
  notInFuture('arrivedOn', input.arrivedOn);
  return inTransaction(ctx.db, async (tx) => {
    const person = await tx
      .selectFrom('people as p')
      .select(['p.id', 'p.status', 'p.caseNumber'])
      .where('p.id', '=', input.personId)
      .where(inScope(scopeFor(ctx, 'person.read'), PERSON_SCOPE))
      .forUpdate()
      .executeTakeFirst();
    if (!person) throw new NotFound('Person');
    if (person.status !== 'active') {
      throw new RuleViolation(`${person.caseNumber} is ${person.status}; open the case on the surviving record`, 'person_not_active', { personId: `is ${person.status}` });
    }
    await assertRegion(tx, 'regionPcode', input.regionPcode);
    const siteId = input.siteId ?? ctx.user.siteId ?? null;
    if (input.siteId) {
      const site = await tx.selectFrom('sites').select(['id', 'active']).where('id', '=', input.siteId).executeTakeFirst();
      if (!site || !site.active) throw new Invalid({ siteId: 'must be an active site' });
    }
    const counsellorId = input.counsellorId ?? ctx.user.id;
    await assertActiveUser(tx, 'counsellorId', counsellorId);
    await assertOrganisation(tx, 'referredToOrganisationId', input.referredToOrganisationId);
    if (input.returnCaseId && !(await tx.selectFrom('returnCases').select('id').where('id', '=', input.returnCaseId).executeTakeFirst())) {
      throw new Invalid({ returnCaseId: 'must be an existing return case' });
    }
    const anchors = { organisationId: ctx.user.organisationId, referredToOrganisationId: input.referredToOrganisationId ?? null, siteId, regionPcode: input.regionPcode, counsellorId };
    if (!caseRowInScope(ctx.scope, anchors)) throw new Invalid({ regionPcode: 'is outside the cases you may open' });
    const open = await tx.selectFrom('reintegrationCases').select(['caseNumber', 'status']).where('personId', '=', person.id).execute();
    const current = open.find((c) => isOpen(c.status));
    if (current) throw new Conflict(`${person.caseNumber} already has an open reintegration case ${current.caseNumber}`, 'case_already_open', { personId: `already has the open case ${current.caseNumber}` });
    const arrivedOn = input.arrivedOn ?? today();
    const { id, created } = await openReintegrationCase(tx, ctx, {
      id: input.id,
      personId: person.id,
      regionPcode: input.regionPcode,
      organisationId: ctx.user.organisationId,
      siteId,
      returnCaseId: input.returnCaseId ?? null,
      arrivalId: null,
      arrivedOn,
      openedOn: today(),
      counsellorId,
      referredToOrganisationId: input.referredToOrganisationId ?? null,
      referredFrom: input.referredFrom ?? null,
    });
    if (!created) throw new Conflict('This return case already has a reintegration case', 'case_already_open', { returnCaseId: 'already has a reintegration case' });
    return loadCase(tx, ctx, id);
  });
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The caseload: cases in scope, newest first, with plan and visit deadlines, budget and latest RSS. */
export async function listCases(ctx: RequestContext, query: ReintegrationCasesQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const now = today();
  let q = caseSummaryQuery(ctx.db, now).where(caseInScope(ctx.scope));
  if (query.status) q = q.where('rc.status', '=', query.status);
  if (query.regionPcode) q = q.where('rc.regionPcode', 'like', `${escapeLike(query.regionPcode)}%`);
  if (query.counsellorId) q = q.where('rc.counsellorId', '=', query.counsellorId);
  if (query.personId) q = q.where('rc.personId', '=', query.personId);
  if (query.overduePlan !== undefined) {
    const overdue = sql<boolean>`(rc.status in ('eligible', 'counselled') and rc.plan_due_on < ${now}::date and coalesce(pl.status, 'none') <> 'approved')`;
    q = q.where(query.overduePlan ? overdue : sql<boolean>`not ${overdue}`);
  }
  if (query.overdueVisit !== undefined) {
    const overdue = sql<boolean>`exists (select 1 from monitoring_visits v where v.reintegration_case_id = rc.id and v.status = 'scheduled' and v.scheduled_on < ${now}::date)`;
    q = q.where(query.overdueVisit ? overdue : sql<boolean>`not ${overdue}`);
  }
  if (query.assistanceType) {
    q = q.where(sql<boolean>`exists (select 1 from assistance_items ai where ai.reintegration_case_id = rc.id and ai.status <> 'cancelled' and ai.type = ${query.assistanceType})`);
  }
  if (query.compositeMin !== undefined || query.compositeMax !== undefined) {
    if (query.compositeMin !== undefined && query.compositeMax !== undefined && query.compositeMax < query.compositeMin) throw new Invalid({ compositeMax: 'must not be below compositeMin' });
    // The latest result, as the caseload shows it; the top bin includes 1.
    const latest = sql<number | null>`(select r.composite from rss_results r where r.reintegration_case_id = rc.id order by r.surveyed_on desc, r.created_at desc limit 1)`;
    if (query.compositeMin !== undefined) q = q.where(sql<boolean>`${latest} >= ${query.compositeMin}`);
    if (query.compositeMax !== undefined) q = q.where(query.compositeMax >= 1 ? sql<boolean>`${latest} <= 1` : sql<boolean>`${latest} < ${query.compositeMax}`);
  }
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    q = q.where(sql<boolean>`lower(unaccent(rc.case_number || ' ' || p.case_number || ' ' || p.given_name || ' ' || p.family_name || ' ' || p.given_name)) like lower(unaccent(${like}))`);
  }
  if (after) {
    const [openedOn, id] = after.map(String);
    q = q.where(sql<boolean>`(rc.opened_on, rc.id) < (${openedOn}::date, ${id}::uuid)`);
  }
  const rows = await q.orderBy('rc.openedOn', 'desc').orderBy('rc.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.openedOn, r.id], presentCaseSummary);
}

/** The case page; reading a personal record is audited. */
export async function getCase(ctx: RequestContext, id: string): Promise<ReintegrationCase> {
  return inTransaction(ctx.db, async (tx) => {
    const found = await tx.selectFrom('reintegrationCases as rc').select('rc.id').where('rc.id', '=', id).where(caseInScope(ctx.scope)).executeTakeFirst();
    if (!found) throw new NotFound('Reintegration case');
    await appendAudit(tx, actorOf(ctx), { action: 'reintegrationCase.read', entityType: 'reintegration_case', entityId: id });
    return loadCase(tx, ctx, id);
  });
}

/** Changes the counsellor, the partner the case is referred to, or the region, at the version the caller saw. */
export async function updateCase(ctx: RequestContext, id: string, version: number, patch: ReintegrationCasePatch): Promise<ReintegrationCase> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, id);
    assertVersion(row.version, version);
    if (!isOpen(row.status)) throw new Conflict(`${row.caseNumber} is ${row.status}`, 'case_closed');
    if (patch.counsellorId !== undefined) await assertActiveUser(tx, 'counsellorId', patch.counsellorId);
    if (patch.referredToOrganisationId !== undefined) await assertOrganisation(tx, 'referredToOrganisationId', patch.referredToOrganisationId);
    if (patch.regionPcode !== undefined) await assertRegion(tx, 'regionPcode', patch.regionPcode);
    const changes = {
      ...(patch.counsellorId !== undefined ? { counsellorId: patch.counsellorId } : {}),
      ...(patch.referredToOrganisationId !== undefined ? { referredToOrganisationId: patch.referredToOrganisationId } : {}),
      ...(patch.regionPcode !== undefined ? { regionPcode: patch.regionPcode } : {}),
    };
    await tx.updateTable('reintegrationCases').set({ ...changes, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', id).execute();
    await recordEvent(tx, ctx, id, 'updated', changes);
    return loadCase(tx, ctx, id);
  });
}

/** Moves a case by hand: suspend, withdraw, lose contact, resume, complete (409 naming the allowed moves). */
export async function transitionCase(ctx: RequestContext, id: string, input: ReintegrationTransition): Promise<ReintegrationCase> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, id);
    const from = row.status as ReintegrationStatus;
    const allowed = allowedReintegrationTransitions(from, row.statusBefore as ReintegrationStatus | null);
    if (!allowed.includes(input.to)) {
      const list = allowed.length > 0 ? allowed.join(', ') : 'none';
      throw new Conflict(`cannot go from ${from} to ${input.to}; allowed: ${list}`, 'conflict', { to: `must be one of: ${list}` }, { allowed });
    }
    if (input.to === 'completed') {
      const items = await tx.selectFrom('assistanceItems').select(['status']).where('reintegrationCaseId', '=', id).where('status', '<>', 'cancelled').execute();
      const pending = items.filter((i) => i.status !== 'delivered').length;
      if (items.length === 0 || pending > 0) {
        throw new RuleViolation(`A case is completed once every assistance item is delivered (${pending} not delivered)`, 'items_not_delivered', { to: `${pending} assistance item(s) not delivered` });
      }
    }
    // A parked case remembers the active state it goes back to; moving between parked states keeps it.
    const statusBefore = input.to === 'suspended' || input.to === 'lost_contact' ? (ACTIVE.includes(from) ? from : row.statusBefore) : null;
    const closedOn = input.to === 'completed' || input.to === 'withdrawn' ? today() : null;
    await tx
      .updateTable('reintegrationCases')
      .set({ status: input.to, statusBefore, closedOn, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await recordEvent(tx, ctx, id, 'status_changed', { from, to: input.to, ...(input.note ? { note: input.note } : {}) });
    return loadCase(tx, ctx, id);
  });
}

/** Moves a case automatically (first assessment, plan approval, first delivery) when it is in `from`. */
export async function autoMove(tx: Tx, ctx: RequestContext, row: { id: string; status: string }, from: ReintegrationStatus, to: ReintegrationStatus, because: string): Promise<void> {
  if (row.status !== from) return;
  await tx.updateTable('reintegrationCases').set({ status: to, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', row.id).execute();
  await recordEvent(tx, ctx, row.id, 'status_changed', { from, to, automatic: because });
}
