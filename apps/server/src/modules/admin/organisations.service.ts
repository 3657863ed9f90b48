// Organisations (IOM, AECID, ministries, NGOs, donors): the owners of records and users.
import { sql } from 'kysely';
import { newId, type Organisation, type OrganisationInput, type OrganisationPatch } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';

const scopeColumns = { organisation: 'o.id' };

function query(db: Db | Tx, scope: Scope) {
  return db.selectFrom('organisations as o').selectAll('o').where(inScope(scope, scopeColumns));
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function present(row: Row): Organisation {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as Organisation['kind'],
    countryCode: row.countryCode,
    active: row.active,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** A page of organisations in scope, by code. */
export async function listOrganisations(ctx: RequestContext, page: { limit?: number; cursor?: string; q?: string }) {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(page.cursor, ['string']);
  let q = query(ctx.db, ctx.scope);
  if (page.q) q = q.where(sql<boolean>`lower(o.name || ' ' || o.code) like ${`%${page.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (after) q = q.where('o.code', '>', String(after[0]));
  const rows = await q.orderBy('o.code').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.code], present);
}

/** One organisation in scope. */
export async function getOrganisation(ctx: RequestContext, id: string): Promise<Organisation> {
  const row = await query(ctx.db, ctx.scope).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Organisation');
  return present(row);
}

/** Creates an organisation. */
export async function createOrganisation(ctx: RequestContext, input: OrganisationInput): Promise<Organisation> {
  return inTransaction(ctx.db, async (tx) => {
    const id = newId();
    await tx.insertInto('organisations').values({ id, ...input, countryCode: input.countryCode ?? null, createdBy: ctx.user.id, updatedBy: ctx.user.id }).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'organisation.create', entityType: 'organisation', entityId: id, details: { code: input.code } });
    return present(await query(tx, { kind: 'all' }).where('o.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Edits an organisation at the version the caller saw. */
export async function updateOrganisation(ctx: RequestContext, id: string, version: number, patch: OrganisationPatch): Promise<Organisation> {
  return inTransaction(ctx.db, async (tx) => {
    const current = await query(tx, ctx.scope).where('o.id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new NotFound('Organisation');
    assertVersion(current.version, version);
    await tx.updateTable('organisations').set({ ...patch, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'organisation.update', entityType: 'organisation', entityId: id, details: { fields: Object.keys(patch) } });
    return present(await query(tx, { kind: 'all' }).where('o.id', '=', id).executeTakeFirstOrThrow());
  });
}
