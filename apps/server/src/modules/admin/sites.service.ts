// Sites: transit centres, offices, reception centres — where cases are handled.
import { sql } from 'kysely';
import { newId, type Site, type SiteInput, type SitePatch } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';

const scopeColumns = { organisation: 's.organisation_id', site: 's.id', pcode: 's.pcode' };

function query(db: Db | Tx, scope: Scope) {
  return db.selectFrom('sites as s').selectAll('s').where(inScope(scope, scopeColumns));
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function present(row: Row): Site {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as Site['kind'],
    organisationId: row.organisationId,
    pcode: row.pcode,
    countryCode: row.countryCode,
    capacity: row.capacity,
    caseCodePrefix: row.caseCodePrefix,
    active: row.active,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** A page of sites in scope, by code. */
export async function listSites(ctx: RequestContext, page: { limit?: number; cursor?: string; organisationId?: string; q?: string }) {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(page.cursor, ['string']);
  let q = query(ctx.db, ctx.scope);
  if (page.organisationId) q = q.where('s.organisationId', '=', page.organisationId);
  if (page.q) q = q.where(sql<boolean>`lower(s.name || ' ' || s.code) like ${`%${page.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (after) q = q.where('s.code', '>', String(after[0]));
  const rows = await q.orderBy('s.code').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.code], present);
}

/** One site in scope. */
export async function getSite(ctx: RequestContext, id: string): Promise<Site> {
  const row = await query(ctx.db, ctx.scope).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Site');
  return present(row);
}

/** Creates a site; its country defaults to the country of its P-code's or organisation's. */
export async function createSite(ctx: RequestContext, input: SiteInput): Promise<Site> {
  return inTransaction(ctx.db, async (tx) => {
    const id = newId();
    await tx
      .insertInto('sites')
      .values({ id, ...input, pcode: input.pcode ?? null, capacity: input.capacity ?? null, countryCode: input.countryCode ?? 'MLI', createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'site.create', entityType: 'site', entityId: id, details: { code: input.code } });
    return present(await query(tx, { kind: 'all' }).where('s.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Edits a site at the version the caller saw. */
export async function updateSite(ctx: RequestContext, id: string, version: number, patch: SitePatch): Promise<Site> {
  return inTransaction(ctx.db, async (tx) => {
    const current = await query(tx, ctx.scope).where('s.id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new NotFound('Site');
    assertVersion(current.version, version);
    await tx.updateTable('sites').set({ ...patch, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'site.update', entityType: 'site', entityId: id, details: { fields: Object.keys(patch) } });
    return present(await query(tx, { kind: 'all' }).where('s.id', '=', id).executeTakeFirstOrThrow());
  });
}
