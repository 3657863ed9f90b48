// Border posts and institutions (SPEC §10): shared reference records, readable by every holder of
// mobility.read and written with mobility.manage.
import { sql } from 'kysely';
import { newId, type BorderPost, type BorderPostInput, type BorderPostPatch, type BorderPostQuery, type Institution, type InstitutionInput, type InstitutionPatch, type InstitutionQuery } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { country, institutionRef, isoOf, likeTerm, maliPlace, mobilityAbilities } from './mobility.common';

// ── border posts ─────────────────────────────────────────────────────────────────────────────────

function borderPostQuery(db: Db | Tx) {
  return db.selectFrom('borderPosts as b').leftJoin('adminUnits as u', 'u.pcode', 'b.pcode').selectAll('b').select('u.name as placeName');
}

function presentBorderPost(ctx: RequestContext, row: Awaited<ReturnType<ReturnType<typeof borderPostQuery>['execute']>>[number]): BorderPost {
  return {
    id: row.id,
    name: row.name,
    pcode: row.pcode,
    placeName: row.placeName,
    neighbourCountry: row.neighbourCountry,
    type: row.type as BorderPost['type'],
    corridor: row.corridor as BorderPost['corridor'],
    lat: row.lat,
    lon: row.lon,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
    abilities: mobilityAbilities(ctx),
  };
}

async function loadBorderPost(db: Db | Tx, ctx: RequestContext, id: string): Promise<BorderPost> {
  const row = await borderPostQuery(db).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Border post');
  return presentBorderPost(ctx, row);
}

/** Border posts by name. */
export async function listBorderPosts(ctx: RequestContext, query: BorderPostQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = borderPostQuery(ctx.db);
  if (query.corridor) q = q.where('b.corridor', '=', query.corridor);
  if (query.neighbourCountry) q = q.where('b.neighbourCountry', '=', query.neighbourCountry);
  if (query.q) q = q.where('b.name', 'ilike', likeTerm(query.q));
  if (after) q = q.where(sql<boolean>`(b.name, b.id::text) > (${after[0]}, ${after[1]})`);
  const rows = await q.orderBy('b.name').orderBy('b.id').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.name, r.id], (r) => presentBorderPost(ctx, r));
}

/** Adds a border post. */
export async function createBorderPost(ctx: RequestContext, input: BorderPostInput): Promise<BorderPost> {
  return inTransaction(ctx.db, async (tx) => {
    await maliPlace(tx, 'pcode', input.pcode);
    await country(tx, 'neighbourCountry', input.neighbourCountry);
    const id = input.id ?? newId();
    await tx
      .insertInto('borderPosts')
      .values({ id, name: input.name, pcode: input.pcode, neighbourCountry: input.neighbourCountry, type: input.type, corridor: input.corridor ?? null, lat: input.lat ?? null, lon: input.lon ?? null, organisationId: ctx.user.organisationId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'borderPost.create', entityType: 'border_post', entityId: id, details: { name: input.name } });
    return loadBorderPost(tx, ctx, id);
  });
}

/** Edits a border post (If-Match). */
export async function updateBorderPost(ctx: RequestContext, id: string, version: number, patch: BorderPostPatch): Promise<BorderPost> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('borderPosts').select(['id', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Border post');
    assertVersion(row.version, version);
    if (patch.pcode) await maliPlace(tx, 'pcode', patch.pcode);
    if (patch.neighbourCountry) await country(tx, 'neighbourCountry', patch.neighbourCountry);
    await tx.updateTable('borderPosts').set({ ...patch, version: row.version + 1, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'borderPost.update', entityType: 'border_post', entityId: id, details: { fields: Object.keys(patch) } });
    return loadBorderPost(tx, ctx, id);
  });
}

// ── institutions ─────────────────────────────────────────────────────────────────────────────────

function institutionQuery(db: Db | Tx) {
  return db.selectFrom('institutions as n').leftJoin('institutions as parent', 'parent.id', 'n.parentInstitutionId').selectAll('n').select('parent.name as parentInstitutionName');
}

function presentInstitution(ctx: RequestContext, row: Awaited<ReturnType<ReturnType<typeof institutionQuery>['execute']>>[number]): Institution {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Institution['kind'],
    countryCode: row.countryCode,
    parentInstitutionId: row.parentInstitutionId,
    parentInstitutionName: row.parentInstitutionName,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
    abilities: mobilityAbilities(ctx),
  };
}

async function loadInstitution(db: Db | Tx, ctx: RequestContext, id: string): Promise<Institution> {
  const row = await institutionQuery(db).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Institution');
  return presentInstitution(ctx, row);
}

/** Institutions by name. */
export async function listInstitutions(ctx: RequestContext, query: InstitutionQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = institutionQuery(ctx.db);
  if (query.kind) q = q.where('n.kind', '=', query.kind);
  if (query.q) q = q.where('n.name', 'ilike', likeTerm(query.q));
  if (after) q = q.where(sql<boolean>`(n.name, n.id::text) > (${after[0]}, ${after[1]})`);
  const rows = await q.orderBy('n.name').orderBy('n.id').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.name, r.id], (r) => presentInstitution(ctx, r));
}

/** Adds an institution (country defaults to Mali). */
export async function createInstitution(ctx: RequestContext, input: InstitutionInput): Promise<Institution> {
  return inTransaction(ctx.db, async (tx) => {
    const countryCode = input.countryCode ?? 'MLI';
    await country(tx, 'countryCode', countryCode);
    await institutionRef(tx, 'parentInstitutionId', input.parentInstitutionId);
    const id = input.id ?? newId();
    await tx
      .insertInto('institutions')
      .values({ id, name: input.name, kind: input.kind, countryCode, parentInstitutionId: input.parentInstitutionId ?? null, organisationId: ctx.user.organisationId, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'institution.create', entityType: 'institution', entityId: id, details: { name: input.name } });
    return loadInstitution(tx, ctx, id);
  });
}

/** Edits an institution (If-Match); an institution cannot be its own parent. */
export async function updateInstitution(ctx: RequestContext, id: string, version: number, patch: InstitutionPatch): Promise<Institution> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('institutions').select(['id', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Institution');
    assertVersion(row.version, version);
    if (patch.countryCode) await country(tx, 'countryCode', patch.countryCode);
    if (patch.parentInstitutionId === id) throw new Invalid({ parentInstitutionId: 'cannot be the institution itself' });
    await institutionRef(tx, 'parentInstitutionId', patch.parentInstitutionId);
    await tx.updateTable('institutions').set({ ...patch, version: row.version + 1, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'institution.update', entityType: 'institution', entityId: id, details: { fields: Object.keys(patch) } });
    return loadInstitution(tx, ctx, id);
  });
}
