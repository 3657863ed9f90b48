// The reintegration plan (SPEC §7): a draft of goals and planned items under the budget ceiling,
// submitted, then approved by someone else (four-eyes) or returned with a note.
import { sql } from 'kysely';
import { AUTOMATIC_REINTEGRATION_MOVES, newId, type Plan, type PlanInput, type PlanReturnInput } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, NotFound, RuleViolation, VersionRequired } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { assertItemInput, insertItem } from './assistance.service';
import { assertWithinCeiling } from './budget.service';
import { autoMove } from './cases.service';
import { planQuery } from './cases.load';
import { addMonths, isOpen, lockCase, recordEvent, today, visitMonths, type CaseRow } from './reintegration.common';
import { presentPlan } from './reintegration.present';

async function readPlan(tx: Tx, caseId: string): Promise<Plan> {
  const plan = await planQuery(tx).where('pl.reintegrationCaseId', '=', caseId).executeTakeFirst();
  if (!plan) throw new NotFound('Plan');
  return presentPlan(plan);
}

async function lockPlan(tx: Tx, caseId: string) {
  return tx.selectFrom('reintegrationPlans').selectAll().where('reintegrationCaseId', '=', caseId).forUpdate().executeTakeFirst();
}

function assertOpen(row: CaseRow): void {
  if (!isOpen(row.status)) throw new Conflict(`${row.caseNumber} is ${row.status}`, 'case_closed');
}

/**
 * Writes the draft plan: its goals, and its planned items in place of the previous planned ones
 * (items already approved, delivered or paid stay). If-Match is required once the plan exists.
 */
export async function putPlan(ctx: RequestContext, caseId: string, version: number | undefined, input: PlanInput): Promise<Plan> {
  input.items.forEach((item, i) => assertItemInput(item, `items.${i}`));
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertOpen(row);
    const plan = await lockPlan(tx, caseId);
    if (plan) {
      if (version === undefined) throw new VersionRequired();
      assertVersion(plan.version, version);
      if (plan.status === 'submitted' || plan.status === 'approved') throw new Conflict(`The plan is ${plan.status}; it can no longer be edited`, 'plan_not_editable', { plan: `is ${plan.status}` });
      await tx.updateTable('reintegrationPlans').set({ goals: input.goals, status: 'draft', updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', plan.id).execute();
    } else {
      await tx.insertInto('reintegrationPlans').values({ id: newId(), reintegrationCaseId: caseId, goals: input.goals, submittedAt: null, submittedBy: null, approvedAt: null, approvedBy: null, returnedNote: null, createdBy: ctx.user.id, updatedBy: ctx.user.id }).execute();
    }
    // Planned items without money paid out are the draft's; replace them.
    await tx
      .deleteFrom('assistanceItems')
      .where('reintegrationCaseId', '=', caseId)
      .where('status', '=', 'planned')
      .where(sql<boolean>`not exists (select 1 from assistance_instalments i where i.assistance_item_id = assistance_items.id)`)
      .where(sql<boolean>`not exists (select 1 from spot_check_items s where s.assistance_item_id = assistance_items.id)`)
      .where(sql<boolean>`not exists (select 1 from assistance_certificates c where c.assistance_item_id = assistance_items.id)`)
      .execute();
    for (const [i, item] of input.items.entries()) await insertItem(tx, ctx, caseId, item, `items.${i}`);
    await assertWithinCeiling(tx, caseId);
    await recordEvent(tx, ctx, caseId, 'plan_saved', { goals: input.goals.length, items: input.items.length });
    return readPlan(tx, caseId);
  });
}

/** Submits the draft for approval. */
export async function submitPlan(ctx: RequestContext, caseId: string): Promise<Plan> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertOpen(row);
    const plan = await lockPlan(tx, caseId);
    if (!plan) throw new NotFound('Plan');
    if (plan.status !== 'draft' && plan.status !== 'returned') throw new Conflict(`The plan is ${plan.status}; only a draft or returned plan is submitted`, 'plan_not_draft', { plan: `is ${plan.status}` });
    const items = await tx.selectFrom('assistanceItems').select('id').where('reintegrationCaseId', '=', caseId).where('status', '<>', 'cancelled').execute();
    if (plan.goals.length === 0 || items.length === 0) throw new RuleViolation('A plan is submitted with at least one goal and one assistance item', 'plan_incomplete', { [plan.goals.length === 0 ? 'goals' : 'items']: 'must not be empty' });
    await assertWithinCeiling(tx, caseId);
    await tx.updateTable('reintegrationPlans').set({ status: 'submitted', submittedAt: new Date(), submittedBy: ctx.user.id, returnedNote: null, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', plan.id).execute();
    await recordEvent(tx, ctx, caseId, 'plan_submitted', {});
    return readPlan(tx, caseId);
  });
}

/**
 * Approves a submitted plan — never by the user who submitted it (four-eyes, 422). Its planned items
 * become approved, the counselled case becomes plan_approved, and the monitoring visits are scheduled
 * `reintegration.visit_months` after today.
 */
export async function approvePlan(ctx: RequestContext, caseId: string): Promise<Plan> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertOpen(row);
    const plan = await lockPlan(tx, caseId);
    if (!plan) throw new NotFound('Plan');
    if (plan.status !== 'submitted') throw new Conflict(`The plan is ${plan.status}; only a submitted plan is approved`, 'plan_not_submitted', { plan: `is ${plan.status}` });
    if (plan.submittedBy === ctx.user.id) throw new RuleViolation('A plan is approved by someone other than the person who submitted it', 'four_eyes', { approvedBy: 'must not be the user who submitted the plan' });
    const move = AUTOMATIC_REINTEGRATION_MOVES.planApproved;
    if (row.status !== move.from) throw new Conflict(`${row.caseNumber} is ${row.status}; a plan is approved for a counselled case`, 'case_not_counselled', { status: `is ${row.status}, not counselled` });
    await assertWithinCeiling(tx, caseId);
    const on = today();
    await tx.updateTable('reintegrationPlans').set({ status: 'approved', approvedAt: new Date(), approvedBy: ctx.user.id, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', plan.id).execute();
    await tx.updateTable('assistanceItems').set({ status: 'approved', approvedOn: on, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('reintegrationCaseId', '=', caseId).where('status', '=', 'planned').execute();
    for (const months of await visitMonths(tx)) {
      await tx.insertInto('monitoringVisits').values({ id: newId(), reintegrationCaseId: caseId, scheduledOn: addMonths(on, months), monthsAfterApproval: months, visitedOn: null, findings: null, businessStatus: null, note: null, createdBy: ctx.user.id, updatedBy: ctx.user.id }).execute();
    }
    await recordEvent(tx, ctx, caseId, 'plan_approved', {});
    await autoMove(tx, ctx, row, move.from, move.to, 'plan approved');
    return readPlan(tx, caseId);
  });
}

/** Returns a submitted plan to its author with a note. */
export async function returnPlan(ctx: RequestContext, caseId: string, input: PlanReturnInput): Promise<Plan> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertOpen(row);
    const plan = await lockPlan(tx, caseId);
    if (!plan) throw new NotFound('Plan');
    if (plan.status !== 'submitted') throw new Conflict(`The plan is ${plan.status}; only a submitted plan is returned`, 'plan_not_submitted', { plan: `is ${plan.status}` });
    await tx.updateTable('reintegrationPlans').set({ status: 'returned', returnedNote: input.note, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', plan.id).execute();
    await recordEvent(tx, ctx, caseId, 'plan_returned', { note: input.note });
    return readPlan(tx, caseId);
  });
}
