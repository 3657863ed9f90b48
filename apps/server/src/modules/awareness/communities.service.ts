// Communities (SPEC §9): shared reference records, with reach figures computed from the activities
// the caller may read.
import { sql } from 'kysely';
import { newId, type Community, type CommunityInput, type CommunityPatch, type CommunityQuery, type FocalPoint } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, scopeFor, type RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { ACTIVITY_SCOPE, awarenessAbilities, communeOf, isoOf, likeTerm } from './awareness.common';

/** Communities with their reach figures over the activities in the caller's read scope. */
function communityQuery(db: Db | Tx, ctx: RequestContext) {
  const scoped = inScope(scopeFor(ctx, 'awareness.read'), ACTIVITY_SCOPE);
  return db
    .selectFrom('communities as c')
    .leftJoin('adminUnits as u', 'u.pcode', 'c.communePcode')
    .leftJoin('adminUnits as r', 'r.pcode', 'c.regionPcode')
    .selectAll('c')
    .select(['u.name as communeName', 'r.name as regionName'])
    .select([
      sql<number>`(select count(*) from awareness_activities a where a.community_id = c.id and ${scoped})`.as('activityCount'),
      sql<string | null>`(select max(a.date)::text from awareness_activities a where a.community_id = c.id and ${scoped})`.as('lastActivityOn'),
      // Counted reach of activities without a list, plus each listed participant once.
      sql<number>`(select coalesce(sum(a.reach_total), 0) from awareness_activities a where a.community_id = c.id and ${scoped}
                     and not exists (select 1 from awareness_participants p where p.activity_id = a.id))
                 + (select count(distinct p.participant_key) from awareness_participants p join awareness_activities a on a.id = p.activity_id
                     where a.community_id = c.id and ${scoped})`.as('peopleReached'),
    ]);
}
type CommunityRow = Awaited<ReturnType<ReturnType<typeof communityQuery>['execute']>>[number];

function present(ctx: RequestContext, row: CommunityRow): Community {
  return {
    id: row.id,
    name: row.name,
    communePcode: row.communePcode,
    communeName: row.communeName,
    regionPcode: row.regionPcode,
    regionName: row.regionName,
    highEmigrationZone: row.highEmigrationZone,
    population: row.population,
    focalPoints: row.focalPoints as FocalPoint[],
    activityCount: Number(row.activityCount),
    peopleReached: Number(row.peopleReached),
    lastActivityOn: row.lastActivityOn,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
    abilities: awarenessAbilities(ctx),
  };
}

async function load(tx: Db | Tx, ctx: RequestContext, id: string): Promise<Community> {
  const row = await communityQuery(tx, ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Community');
  return present(ctx, row);
}

/** Lists communities by name, with filters on place, high-emigration flag, reach and name. */
export async function listCommunities(ctx: RequestContext, query: CommunityQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const scoped = inScope(scopeFor(ctx, 'awareness.read'), ACTIVITY_SCOPE);
  let q = communityQuery(ctx.db, ctx);
  if (query.regionPcode) q = q.where('c.regionPcode', '=', query.regionPcode.slice(0, 4)).where('c.communePcode', 'like', `${query.regionPcode}%`);
  if (query.communePcode) q = q.where('c.communePcode', 'like', `${query.communePcode}%`);
  if (query.highEmigration !== undefined) q = q.where('c.highEmigrationZone', '=', query.highEmigration);
  if (query.q) q = q.where('c.name', 'ilike', likeTerm(query.q));
  if (query.reached !== undefined) {
    const reached = sql<boolean>`exists (select 1 from awareness_activities a where a.community_id = c.id and a.reach_total is not null and ${scoped})`;
    q = q.where(query.reached ? reached : sql<boolean>`not ${reached}`);
  }
  if (after) q = q.where(sql<boolean>`(c.name, c.id::text) > (${after[0]}, ${after[1]})`);
  const rows = await q.orderBy('c.name').orderBy('c.id').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.name, r.id], (r) => present(ctx, r));
}

/** Adds a community in a Mali commune. */
export async function createCommunity(ctx: RequestContext, input: CommunityInput): Promise<Community> {
  return inTransaction(ctx.db, async (tx) => {
    const commune = await communeOf(tx, 'communePcode', input.communePcode);
    const id = input.id ?? newId();
    await tx
      .insertInto('communities')
      .values({
        id,
        name: input.name,
        communePcode: commune.pcode,
        regionPcode: commune.regionPcode,
        highEmigrationZone: input.highEmigrationZone,
        population: input.population ?? null,
        focalPoints: JSON.stringify(input.focalPoints ?? []),
        organisationId: ctx.user.organisationId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'community.create', entityType: 'community', entityId: id, details: { communePcode: commune.pcode } });
    return load(tx, ctx, id);
  });
}

/** A community. */
export async function getCommunity(ctx: RequestContext, id: string): Promise<Community> {
  return load(ctx.db, ctx, id);
}

/** Edits a community (If-Match). */
export async function updateCommunity(ctx: RequestContext, id: string, version: number, patch: CommunityPatch): Promise<Community> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('communities').select(['id', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Community');
    assertVersion(row.version, version);
    const commune = patch.communePcode ? await communeOf(tx, 'communePcode', patch.communePcode) : undefined;
    await tx
      .updateTable('communities')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(commune ? { communePcode: commune.pcode, regionPcode: commune.regionPcode } : {}),
        ...(patch.highEmigrationZone !== undefined ? { highEmigrationZone: patch.highEmigrationZone } : {}),
        ...(patch.population !== undefined ? { population: patch.population } : {}),
        ...(patch.focalPoints !== undefined ? { focalPoints: JSON.stringify(patch.focalPoints) } : {}),
        version: row.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'community.update', entityType: 'community', entityId: id, details: { fields: Object.keys(patch) } });
    return load(tx, ctx, id);
  });
}

/** Throws 400 naming the field unless the community exists; returns its place. */
export async function communityPlace(tx: Tx, field: string, id: string): Promise<{ id: string; communePcode: string; regionPcode: string }> {
  const row = await tx.selectFrom('communities').select(['id', 'communePcode', 'regionPcode']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new Invalid({ [field]: 'refers to an unknown community' });
  return row;
}
