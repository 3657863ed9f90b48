// Equipment handed over to institutions and border posts (SPEC §10): type, quantity, value in XOF.
import { sql } from 'kysely';
import { newId, type Equipment, type EquipmentInput, type EquipmentPatch, type EquipmentQuery } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { EQUIPMENT_SCOPE, borderPostRef, institutionRef, isoOf, mobilityAbilities, notInFuture } from './mobility.common';

function equipmentQuery(db: Db | Tx, scope: Scope) {
  return db
    .selectFrom('equipmentHandovers as e')
    .innerJoin('institutions as n', 'n.id', 'e.recipientInstitutionId')
    .leftJoin('borderPosts as b', 'b.id', 'e.borderPostId')
    .selectAll('e')
    .select(['n.name as recipientInstitutionName', 'b.name as borderPostName'])
    .where(inScope(scope, EQUIPMENT_SCOPE));
}

function present(ctx: RequestContext, row: Awaited<ReturnType<ReturnType<typeof equipmentQuery>['execute']>>[number]): Equipment {
  return {
    id: row.id,
    type: row.type,
    quantity: row.quantity,
    valueXof: Number(row.valueXof),
    recipientInstitutionId: row.recipientInstitutionId,
    recipientInstitutionName: row.recipientInstitutionName,
    borderPostId: row.borderPostId,
    borderPostName: row.borderPostName,
    handedOverOn: row.handedOverOn,
    organisationId: row.organisationId,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
    abilities: mobilityAbilities(ctx),
  };
}

async function load(db: Db | Tx, ctx: RequestContext, id: string, scope: Scope = ctx.scope): Promise<Equipment> {
  const row = await equipmentQuery(db, scope).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Equipment handover');
  return present(ctx, row);
}

/** Handovers in scope, newest first. */
export async function listEquipment(ctx: RequestContext, query: EquipmentQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = equipmentQuery(ctx.db, ctx.scope);
  if (query.from) q = q.where('e.handedOverOn', '>=', query.from);
  if (query.to) q = q.where('e.handedOverOn', '<=', query.to);
  if (query.recipientInstitutionId) q = q.where('e.recipientInstitutionId', '=', query.recipientInstitutionId);
  if (query.borderPostId) q = q.where('e.borderPostId', '=', query.borderPostId);
  if (after) q = q.where(sql<boolean>`(e.handed_over_on::text, e.id::text) < (${after[0]}, ${after[1]})`);
  const rows = await q.orderBy('e.handedOverOn', 'desc').orderBy('e.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.handedOverOn, r.id], (r) => present(ctx, r));
}

/** Records a handover by the caller's organisation. */
export async function createEquipment(ctx: RequestContext, input: EquipmentInput): Promise<Equipment> {
  notInFuture('handedOverOn', input.handedOverOn);
  return inTransaction(ctx.db, async (tx) => {
    await institutionRef(tx, 'recipientInstitutionId', input.recipientInstitutionId);
    await borderPostRef(tx, 'borderPostId', input.borderPostId);
    const id = input.id ?? newId();
    await tx
      .insertInto('equipmentHandovers')
      .values({ id, type: input.type, quantity: input.quantity, valueXof: input.valueXof, recipientInstitutionId: input.recipientInstitutionId, borderPostId: input.borderPostId ?? null, handedOverOn: input.handedOverOn, organisationId: ctx.user.organisationId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'equipment.create', entityType: 'equipment_handover', entityId: id, details: { quantity: input.quantity, valueXof: input.valueXof } });
    return load(tx, ctx, id, { kind: 'all' });
  });
}

/** Edits a handover in scope (If-Match). */
export async function updateEquipment(ctx: RequestContext, id: string, version: number, patch: EquipmentPatch): Promise<Equipment> {
  notInFuture('handedOverOn', patch.handedOverOn);
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('equipmentHandovers as e').select(['e.id', 'e.version']).where('e.id', '=', id).where(inScope(ctx.scope, EQUIPMENT_SCOPE)).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Equipment handover');
    assertVersion(row.version, version);
    await institutionRef(tx, 'recipientInstitutionId', patch.recipientInstitutionId);
    await borderPostRef(tx, 'borderPostId', patch.borderPostId);
    await tx.updateTable('equipmentHandovers').set({ ...patch, version: row.version + 1, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'equipment.update', entityType: 'equipment_handover', entityId: id, details: { fields: Object.keys(patch) } });
    return load(tx, ctx, id);
  });
}
