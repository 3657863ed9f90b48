// Data collection exercises (FMR periods, FMS rounds, studies): they count toward indicator 5.3.
import { sql } from 'kysely';
import { newId, type FlowCollection, type FlowCollectionInput, type FlowCollectionPatch, type FlowCollectionQuery } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { pointPeriods } from './points.service';

const scopeColumns = { organisation: 'x.organisation_id', owner: 'x.created_by' };

function query(db: Db | Tx, scope: Scope) {
  return db.selectFrom('flowCollections as x').selectAll('x').where(inScope(scope, scopeColumns));
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function present(r: Row): FlowCollection {
  return {
    id: r.id,
    kind: r.kind as FlowCollection['kind'],
    name: r.name,
    method: r.method as FlowCollection['method'],
    startDate: r.startDate,
    endDate: r.endDate,
    coverage: { text: r.coverageText, fmpIds: r.coverageFmpIds },
    status: r.status as FlowCollection['status'],
    organisationId: r.organisationId,
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

async function checkCollection(db: Db | Tx, c: { startDate: string; endDate?: string | null; coverage: { fmpIds: string[] } }): Promise<void> {
  if (c.endDate && c.endDate < c.startDate) throw new Invalid({ endDate: 'must not be before startDate' });
  const points = await pointPeriods(db);
  const unknown = c.coverage.fmpIds.filter((id) => !points.has(id));
  if (unknown.length > 0) throw new Invalid({ 'coverage.fmpIds': `unknown flow monitoring points: ${unknown.join(', ')}` });
}

/** A page of collection exercises, latest start first. */
export async function listCollections(ctx: RequestContext, q: FlowCollectionQuery) {
  const limit = q.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(q.cursor, ['string', 'string']);
  let rows = query(ctx.db, ctx.scope);
  if (q.kind) rows = rows.where('x.kind', '=', q.kind);
  if (q.status) rows = rows.where('x.status', '=', q.status);
  if (after) rows = rows.where(sql<boolean>`(x.start_date, x.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const found = await rows.orderBy('x.startDate', 'desc').orderBy('x.id', 'desc').limit(limit + 1).execute();
  return pageOf(found, limit, (r) => [r.startDate, r.id], present);
}

/** One collection exercise in scope. */
export async function getCollection(ctx: RequestContext, id: string): Promise<FlowCollection> {
  const row = await query(ctx.db, ctx.scope).where('x.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Collection');
  return present(row);
}

/** Creates a collection exercise. */
export async function createCollection(ctx: RequestContext, input: FlowCollectionInput): Promise<FlowCollection> {
  await checkCollection(ctx.db, input);
  return inTransaction(ctx.db, async (tx) => {
    const id = newId();
    await tx
      .insertInto('flowCollections')
      .values({
        id,
        kind: input.kind,
        name: input.name,
        method: input.method,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        coverageText: input.coverage.text,
        coverageFmpIds: JSON.stringify(input.coverage.fmpIds),
        status: input.status,
        organisationId: ctx.user.organisationId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'flow_collection.create', entityType: 'flow_collection', entityId: id, details: { name: input.name, kind: input.kind } });
    return present(await query(tx, { kind: 'all' }).where('x.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Edits a collection exercise at the version the caller saw. */
export async function updateCollection(ctx: RequestContext, id: string, version: number, patch: FlowCollectionPatch): Promise<FlowCollection> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await query(tx, ctx.scope).where('x.id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Collection');
    assertVersion(row.version, version);
    const current = present(row);
    const merged = { ...current, ...patch, coverage: patch.coverage ?? current.coverage };
    await checkCollection(tx, merged);
    await tx
      .updateTable('flowCollections')
      .set({
        kind: merged.kind,
        name: merged.name,
        method: merged.method,
        startDate: merged.startDate,
        endDate: merged.endDate ?? null,
        coverageText: merged.coverage.text,
        coverageFmpIds: JSON.stringify(merged.coverage.fmpIds),
        status: merged.status,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'flow_collection.update', entityType: 'flow_collection', entityId: id, details: { fields: Object.keys(patch) } });
    return present(await query(tx, { kind: 'all' }).where('x.id', '=', id).executeTakeFirstOrThrow());
  });
}
