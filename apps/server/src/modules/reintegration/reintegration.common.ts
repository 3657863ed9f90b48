// Shared pieces of reintegration: dates, settings, the case scope (with referrals to partners),
// the scoped case lookup every sub-record goes through, and the case history writer.
import { sql, type Expression, type SqlBool } from 'kysely';
import { DEFAULT_BUDGET_CEILING_XOF, newId, OPEN_REINTEGRATION_STATUSES } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inScope, type Scope } from '../../platform/access/scope';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Invalid, NotFound } from '../../platform/errors';
import { getSetting } from '../../platform/settings';

export const SETTING_KEYS = {
  planDueDays: 'reintegration.plan_due_days',
  budgetCeiling: 'reintegration.budget_ceiling_xof',
  visitMonths: 'reintegration.visit_months',
  spotCheckPercent: 'reintegration.spot_check_percent',
} as const;

/** Today as YYYY-MM-DD in UTC, the calendar the server judges "future" and "overdue" by. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date `months` after a YYYY-MM-DD date (end of month when the day does not exist). */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** Throws 400 naming the field when a date lies after today. */
export function notInFuture(field: string, date: string | undefined | null): void {
  if (date && date > today()) throw new Invalid({ [field]: 'must not be in the future' });
}

/** Days after arrival a plan is due (setting, default 30). */
export async function planDueDays(db: Db | Tx): Promise<number> {
  return getSetting(db, SETTING_KEYS.planDueDays, 30);
}

/** The plan ceiling per returnee in XOF (setting, default 1,968,000). */
export async function budgetCeiling(db: Db | Tx): Promise<number> {
  return getSetting(db, SETTING_KEYS.budgetCeiling, DEFAULT_BUDGET_CEILING_XOF);
}

/** Months after plan approval at which monitoring visits are scheduled (setting, default 3, 6, 12). */
export async function visitMonths(db: Db | Tx): Promise<number[]> {
  return getSetting(db, SETTING_KEYS.visitMonths, [3, 6, 12]);
}

/** The share of delivered, certified items a spot check draws (setting, default 10 %). */
export async function spotCheckPercent(db: Db | Tx): Promise<number> {
  return getSetting(db, SETTING_KEYS.spotCheckPercent, 10);
}

/** Where reintegration cases keep the columns row scopes filter on (organisation handled below). */
const CASE_COLUMNS = { site: 'rc.site_id', pcode: 'rc.region_pcode', owner: 'rc.counsellor_id' };

/**
 * Cases inside a scope, for `reintegration_cases as rc`: an organisation reaches its own cases and
 * those referred to it (a government partner sees exactly the cases referred to it).
 */
export function caseInScope(scope: Scope): Expression<SqlBool> {
  if (scope.kind === 'organisation') {
    return sql<SqlBool>`(rc.organisation_id = ${scope.organisationId} or rc.referred_to_organisation_id = ${scope.organisationId})`;
  }
  return inScope(scope, CASE_COLUMNS);
}

/** A case in memory inside a scope (same rule as caseInScope). */
export function caseRowInScope(scope: Scope, row: { organisationId: string; referredToOrganisationId: string | null; siteId: string | null; regionPcode: string; counsellorId: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'organisation':
      return row.organisationId === scope.organisationId || row.referredToOrganisationId === scope.organisationId;
    case 'site':
      return row.siteId === scope.siteId;
    case 'region':
      return row.regionPcode.startsWith(scope.pcodePrefix);
    case 'own':
      return row.counsellorId === scope.userId;
  }
}

/** The case row behind a sub-record, in scope, locked for the write; 404 when absent or out of scope. */
export async function lockCase(tx: Tx, scope: Scope, id: string) {
  const row = await tx.selectFrom('reintegrationCases as rc').selectAll('rc').where('rc.id', '=', id).where(caseInScope(scope)).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Reintegration case');
  return row;
}
export type CaseRow = Awaited<ReturnType<typeof lockCase>>;

/** Tells whether a case status is still open (not completed nor withdrawn). */
export function isOpen(status: string): boolean {
  return (OPEN_REINTEGRATION_STATUSES as readonly string[]).includes(status);
}

/** The audit actor of a request, or the system (a call made without a signed-in user). */
export function auditActor(ctx: RequestContext | null): AuditActor {
  return ctx ? actorOf(ctx) : { userId: null, username: null, requestId: null, ip: null };
}

/** Writes one entry of the case history and its audit entry, in the caller's transaction. */
export async function recordEvent(tx: Tx, ctx: RequestContext | null, caseId: string, action: string, details: Record<string, unknown> = {}): Promise<void> {
  await tx.insertInto('reintegrationCaseEvents').values({ id: newId(), reintegrationCaseId: caseId, action, details: JSON.stringify(details), byUser: ctx?.user.id ?? null }).execute();
  await appendAudit(tx, auditActor(ctx), { action: `reintegrationCase.${action}`, entityType: 'reintegration_case', entityId: caseId, details });
}

/** Checks that a user to assign exists and is enabled; 400 naming the field otherwise. */
export async function assertActiveUser(tx: Tx, field: string, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const user = await tx.selectFrom('users').select(['id', 'disabledAt']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabledAt) throw new Invalid({ [field]: 'must be an active user' });
}
