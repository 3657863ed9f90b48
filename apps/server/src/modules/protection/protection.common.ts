// Shared pieces of protection in transit: today's date, configurable rules, the scoped case lookup
// every sub-record goes through, and the case history writer.
import { DEFAULT_PRIORITY_RULES, newId, type PriorityRules, type TaskKind } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inScope, type Scope } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { getSetting } from '../../platform/settings';

/** Where transit cases keep the columns row scopes filter on. */
export const CASE_SCOPE = { organisation: 'tc.organisation_id', site: 'tc.site_id', pcode: 'tc.region_pcode', owner: 'tc.assigned_to' };

/** Today as YYYY-MM-DD in UTC, the calendar the server judges "future" dates by. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Throws 400 naming the field when a date lies after today. */
export function notInFuture(field: string, date: string | undefined | null): void {
  if (date && date > today()) throw new Invalid({ [field]: 'must not be in the future' });
}

export const SETTING_KEYS = {
  priorityRules: 'protection.priority_rules',
  approvalTaskKinds: 'protection.approval_task_kinds',
  referralDueDays: 'protection.referral_due_days',
} as const;

/** The priority rules in force (settings over the core defaults). */
export function priorityRules(db: Db | Tx): Promise<PriorityRules> {
  return getSetting(db, SETTING_KEYS.priorityRules, DEFAULT_PRIORITY_RULES);
}

/** The task kinds that need a supervisor's approval once completed. */
export function approvalTaskKinds(db: Db | Tx): Promise<readonly TaskKind[]> {
  return getSetting<readonly TaskKind[]>(db, SETTING_KEYS.approvalTaskKinds, ['best_interest_determination']);
}

/** Days a referral has, by default, before it is overdue. */
export function referralDueDays(db: Db | Tx): Promise<number> {
  return getSetting(db, SETTING_KEYS.referralDueDays, 7);
}

/** The case row behind a sub-record, in scope, locked for the write; 404 when absent or out of scope. */
export async function lockCase(tx: Tx, scope: Scope, id: string) {
  const row = await tx.selectFrom('transitCases as tc').selectAll('tc').where('tc.id', '=', id).where(inScope(scope, CASE_SCOPE)).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Transit case');
  return row;
}
export type CaseRow = Awaited<ReturnType<typeof lockCase>>;

/** Refuses to add work to a closed case (409 case_closed). */
export function assertNotClosed(row: CaseRow): void {
  if (row.status === 'closed') throw new Conflict(`${row.caseNumber} is closed; reopen it first`, 'case_closed');
}

/** Checks that a user to assign exists and is enabled; 400 naming the field otherwise. */
export async function assertAssignable(tx: Tx, field: string, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const user = await tx.selectFrom('users').select(['id', 'disabledAt']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabledAt) throw new Invalid({ [field]: 'must be an active user' });
}

/** Writes one entry of the case history and its audit entry, in the caller's transaction. */
export async function recordEvent(tx: Tx, ctx: RequestContext, caseId: string, action: string, details: Record<string, unknown> = {}): Promise<void> {
  await tx.insertInto('transitCaseEvents').values({ id: newId(), transitCaseId: caseId, action, details: JSON.stringify(details), byUser: ctx.user.id }).execute();
  await appendAudit(tx, actorOf(ctx), { action: `transitCase.${action}`, entityType: 'transit_case', entityId: caseId, details });
}
