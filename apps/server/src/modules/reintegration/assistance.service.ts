// Assistance items (SPEC §7): added to a plan or to a running case, edited while not final, moved
// through planned → approved → delivered (or cancelled); the first delivery starts the case.
import { sql } from 'kysely';
import {
  ASSISTANCE_TRANSITIONS,
  AUTOMATIC_REINTEGRATION_MOVES,
  newId,
  typeBelongsTo,
  type AssistanceItem,
  type AssistanceItemInput,
  type AssistanceItemPatch,
  type AssistanceStatus,
  type AssistanceStatusInput,
} from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { assertWithinCeiling } from './budget.service';
import { autoMove } from './cases.service';
import { instalmentsOf } from './cases.load';
import { isOpen, lockCase, notInFuture, recordEvent, type CaseRow } from './reintegration.common';
import { itemQuery } from './reintegration.queries';
import { presentItem } from './reintegration.present';

/** Checks what a schema cannot: the type belongs to the dimension, a project goes with a group level. */
export function assertItemInput(input: Pick<AssistanceItemInput, 'dimension' | 'type' | 'level' | 'projectId'>, prefix = ''): void {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (!typeBelongsTo(input.type, input.dimension)) throw new Invalid({ [at('type')]: `is not a type of ${input.dimension} assistance` });
  if (input.projectId && input.level === 'individual') throw new Invalid({ [at('level')]: 'must be collective or community for an item of a project' });
}

/** Inserts a planned item of a case (a project item only for one of the project's beneficiaries). */
export async function insertItem(tx: Tx, ctx: RequestContext, caseId: string, input: AssistanceItemInput, prefix = ''): Promise<string> {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (input.projectId) {
    const member = await tx.selectFrom('projectBeneficiaries').select('id').where('projectId', '=', input.projectId).where('reintegrationCaseId', '=', caseId).executeTakeFirst();
    if (!member) throw new Invalid({ [at('projectId')]: 'must be a project this case is a beneficiary of' });
  }
  const id = input.id ?? newId();
  await tx
    .insertInto('assistanceItems')
    .values({
      id,
      reintegrationCaseId: caseId,
      projectId: input.projectId ?? null,
      dimension: input.dimension,
      level: input.level,
      type: input.type,
      mode: input.mode,
      provider: input.provider ?? null,
      inKind: input.inKind,
      plannedXof: input.plannedXof,
      actualXof: null,
      description: input.description ?? null,
      approvedOn: null,
      deliveredOn: null,
      cancelledOn: null,
      certificateMime: null,
      certificateSize: null,
      certificateUploadedAt: null,
      createdBy: ctx.user.id,
      updatedBy: ctx.user.id,
    })
    .execute();
  return id;
}

/** One item as the API returns it. */
export async function readItem(tx: Tx, itemId: string): Promise<AssistanceItem> {
  const row = await itemQuery(tx).where('ai.id', '=', itemId).executeTakeFirstOrThrow();
  return presentItem(row, (await instalmentsOf(tx, [itemId])).get(itemId) ?? []);
}

/** The item of a case in scope, locked; 404 when either is absent or out of scope. */
export async function lockItem(tx: Tx, ctx: RequestContext, caseId: string, itemId: string): Promise<{ row: CaseRow; item: { id: string; status: string; version: number; plannedXof: number } }> {
  const row = await lockCase(tx, ctx.scope, caseId);
  const item = await tx.selectFrom('assistanceItems').select(['id', 'status', 'version', 'plannedXof']).where('id', '=', itemId).where('reintegrationCaseId', '=', caseId).forUpdate().executeTakeFirst();
  if (!item) throw new NotFound('Assistance item');
  return { row, item };
}

function assertOpen(row: CaseRow): void {
  if (!isOpen(row.status)) throw new Conflict(`${row.caseNumber} is ${row.status}`, 'case_closed');
}

/** Adds an item to a case (planned), within the budget ceiling. */
export async function addItem(ctx: RequestContext, caseId: string, input: AssistanceItemInput): Promise<AssistanceItem> {
  assertItemInput(input);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertOpen(row);
    const id = await insertItem(tx, ctx, caseId, input);
    await assertWithinCeiling(tx, caseId);
    await recordEvent(tx, ctx, caseId, 'item_added', { itemId: id, type: input.type, plannedXof: input.plannedXof });
    return readItem(tx, id);
  });
}

/** Edits an item that is not delivered or cancelled, at the version the caller saw. */
export async function patchItem(ctx: RequestContext, caseId: string, itemId: string, version: number, patch: AssistanceItemPatch): Promise<AssistanceItem> {
  return inTransaction(ctx.db, async (tx) => {
    const { row, item } = await lockItem(tx, ctx, caseId, itemId);
    assertOpen(row);
    assertVersion(item.version, version);
    if (item.status === 'cancelled') throw new Conflict('A cancelled item cannot be edited', 'item_final', { status: 'is cancelled' });
    if (patch.plannedXof !== undefined) {
      const paid = await tx.selectFrom('assistanceInstalments').select(sql<number>`coalesce(sum(amount_xof), 0)::int`.as('total')).where('assistanceItemId', '=', itemId).executeTakeFirstOrThrow();
      if (patch.plannedXof < Number(paid.total)) throw new RuleViolation(`${paid.total} XOF were already disbursed on this item`, 'below_disbursed', { plannedXof: `must be at least the ${paid.total} XOF already disbursed` });
    }
    await tx.updateTable('assistanceItems').set({ ...patch, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', itemId).execute();
    await assertWithinCeiling(tx, caseId);
    await recordEvent(tx, ctx, caseId, 'item_updated', { itemId, ...patch });
    return readItem(tx, itemId);
  });
}

/** Moves an item: approved, delivered (the first delivery starts the case) or cancelled. */
export async function setItemStatus(ctx: RequestContext, caseId: string, itemId: string, input: AssistanceStatusInput): Promise<AssistanceItem> {
  notInFuture('on', input.on);
  return inTransaction(ctx.db, async (tx) => {
    const { row, item } = await lockItem(tx, ctx, caseId, itemId);
    assertOpen(row);
    const from = item.status as AssistanceStatus;
    const allowed = ASSISTANCE_TRANSITIONS[from];
    if (!allowed.includes(input.to)) {
      const list = allowed.length > 0 ? allowed.join(', ') : 'none';
      throw new Conflict(`cannot go from ${from} to ${input.to}; allowed: ${list}`, 'conflict', { to: `must be one of: ${list}` }, { allowed });
    }
    const dates = input.to === 'approved' ? { approvedOn: input.on } : input.to === 'delivered' ? { deliveredOn: input.on } : { cancelledOn: input.on };
    await tx.updateTable('assistanceItems').set({ status: input.to, ...dates, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', itemId).execute();
    await recordEvent(tx, ctx, caseId, 'item_status_changed', { itemId, from, to: input.to, on: input.on });
    if (input.to === 'delivered') {
      const move = AUTOMATIC_REINTEGRATION_MOVES.firstDelivery;
      await autoMove(tx, ctx, row, move.from, move.to, 'first assistance delivered');
    }
    return readItem(tx, itemId);
  });
}
