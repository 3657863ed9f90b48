// Shared pieces of assisted voluntary return: scope columns, dates, settings, the locked case lookup
// every sub-record goes through, and the case history writer.
import { DEFAULT_RETURN_TRANSITIONS, isOpenReturnStatus, newId, RETURN_STATUSES, validateTransitionMap, type ReturnEventKind, type ReturnStatus, type ReturnTransitionMap } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inScope, type Scope } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { getSetting } from '../../platform/settings';

/** Where return cases keep the columns row scopes filter on. */
export const RETURN_SCOPE = { organisation: 'rc.organisation_id', site: 'rc.site_id', pcode: 'rc.region_pcode', owner: 'rc.counsellor_id' };

/** Movements belong to an organisation only: every scope narrower than that reads them by organisation too. */
export const MOVEMENT_SCOPE = { organisation: 'm.organisation_id' };

/** People, as the registry scopes them (our own small lookup: the registry's repo is not shared). */
export const PERSON_SCOPE = { organisation: 'p.organisation_id', site: 'p.site_id', pcode: 'p.region_pcode', owner: 'p.owner_id' };

/** Today as YYYY-MM-DD in UTC, the calendar the server judges "future" dates by. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Throws 400 naming the field when a date lies after today. */
export function notInFuture(field: string, date: string | undefined | null): void {
  if (date && date > today()) throw new Invalid({ [field]: 'must not be in the future' });
}

export const SETTING_KEYS = {
  transitions: 'returns.transitions',
  cashOnArrival: 'returns.cash_on_arrival_xof',
} as const;

/** The transition map in force: the setting when it is valid, the core default otherwise. */
export async function transitionMap(db: Db | Tx): Promise<ReturnTransitionMap> {
  const stored = await getSetting<unknown>(db, SETTING_KEYS.transitions, null);
  // A broken setting must not lock every case: fall back to the defaults (the admin screen validates on save).
  if (stored === null || validateTransitionMap(stored, RETURN_STATUSES).length > 0) return DEFAULT_RETURN_TRANSITIONS;
  return stored as ReturnTransitionMap;
}

/** The default cash-on-arrival grant in XOF (SPEC §6: 52,000). */
export async function cashOnArrivalXof(db: Db | Tx): Promise<number> {
  const value = await getSetting<unknown>(db, SETTING_KEYS.cashOnArrival, 52_000);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 52_000;
}

/** The case row, in scope, locked for the write; 404 when absent or out of scope. */
export async function lockReturnCase(tx: Tx, scope: Scope, id: string) {
  const row = await tx.selectFrom('returnCases as rc').selectAll('rc').where('rc.id', '=', id).where(inScope(scope, RETURN_SCOPE)).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Return case');
  return row;
}
export type ReturnCaseRow = Awaited<ReturnType<typeof lockReturnCase>>;

/** Refuses to change a closed or withdrawn case (409 case_closed). */
export function assertOpen(row: { status: string; caseNumber: string }): void {
  if (!isOpenReturnStatus(row.status as ReturnStatus)) throw new Conflict(`${row.caseNumber} is ${row.status}; it can no longer change`, 'case_closed');
}

/** Checks that a user to assign exists and is enabled; 400 naming the field otherwise. */
export async function assertActiveUser(tx: Tx, field: string, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const user = await tx.selectFrom('users').select(['id', 'disabledAt']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabledAt) throw new Invalid({ [field]: 'must be an active user' });
}

/** What one history entry says. */
export interface EventInput {
  from?: string;
  to?: string;
  note?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one entry of the case history and its audit entry, in the caller's transaction. */
export async function recordEvent(tx: Tx, ctx: RequestContext, caseId: string, kind: ReturnEventKind, event: EventInput = {}, action: string = kind): Promise<void> {
  const details = event.details ?? {};
  await tx
    .insertInto('returnCaseEvents')
    .values({ id: newId(), returnCaseId: caseId, kind, fromStatus: event.from ?? null, toStatus: event.to ?? null, note: event.note ?? null, details: JSON.stringify(details), byUser: ctx.user.id })
    .execute();
  await appendAudit(tx, actorOf(ctx), {
    action: `returnCase.${action}`,
    entityType: 'return_case',
    entityId: caseId,
    details: { ...details, ...(event.from ? { from: event.from } : {}), ...(event.to ? { to: event.to } : {}) },
  });
}

/** The admin-1 P-code (region) of a P-code: its first four characters, e.g. ML01. */
export function regionOf(pcode: string | null | undefined): string | null {
  return pcode ? pcode.slice(0, 4) : null;
}

/** Whole days between a timestamp and now. */
export function daysSince(at: Date | string): number {
  return Math.max(0, Math.floor((Date.now() - new Date(at).getTime()) / 86_400_000));
}
