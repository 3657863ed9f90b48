// Reading activities: the scoped query, the photos of a page of activities and the response shape.
import { sql } from 'kysely';
import type { Activity, ActivityPhoto } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { can, type RequestContext } from '../../platform/auth/context';
import { inScope, type Scope } from '../../platform/access/scope';
import { NotFound } from '../../platform/errors';
import { ACTIVITY_SCOPE, isoOf } from './awareness.common';

/** Activities in a scope, with their campaign and community names and list size. */
export function activityQuery(db: Db | Tx, scope: Scope) {
  return db
    .selectFrom('awarenessActivities as a')
    .leftJoin('awarenessCampaigns as c', 'c.id', 'a.campaignId')
    .leftJoin('communities as cm', 'cm.id', 'a.communityId')
    .selectAll('a')
    .select(['c.name as campaignName', 'cm.name as communityName'])
    .select(sql<number>`(select count(*) from awareness_participants p where p.activity_id = a.id)`.as('participantCount'))
    .where(inScope(scope, ACTIVITY_SCOPE));
}
export type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityQuery>['execute']>>[number];

/** The photos (metadata only) of some activities, by activity id. */
export async function photosOf(db: Db | Tx, ids: readonly string[]): Promise<Map<string, ActivityPhoto[]>> {
  const out = new Map<string, ActivityPhoto[]>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('awarenessActivityPhotos').select(['id', 'activityId', 'contentType', 'size', 'createdAt']).where('activityId', 'in', ids).orderBy('createdAt').execute();
  for (const r of rows) {
    const list = out.get(r.activityId) ?? [];
    list.push({ id: r.id, contentType: r.contentType, size: r.size, createdAt: isoOf(r.createdAt) });
    out.set(r.activityId, list);
  }
  return out;
}

/** An activity as the API returns it. */
export function presentActivity(ctx: RequestContext, row: ActivityRow, photos: ActivityPhoto[]): Activity {
  const counted = row.reachTotal !== null;
  const manage = can(ctx, 'awareness.manage');
  return {
    id: row.id,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    type: row.type as Activity['type'],
    date: row.date,
    communityId: row.communityId,
    communityName: row.communityName,
    fmpId: row.fmpId,
    routeLocation: row.routeLocationName !== null && row.communePcode !== null ? { name: row.routeLocationName, communePcode: row.communePcode } : null,
    communePcode: row.communePcode,
    regionPcode: row.regionPcode,
    facilitator: row.facilitator,
    reached: counted ? { total: row.reachTotal ?? 0, men: row.men ?? 0, women: row.women ?? 0, boys: row.boys ?? 0, girls: row.girls ?? 0 } : null,
    estimatedAudience: row.estimatedAudience,
    materials: row.materials,
    notes: row.notes,
    participantCount: Number(row.participantCount),
    photos,
    organisationId: row.organisationId,
    version: row.version,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
    abilities: { update: manage, addPhoto: manage, editParticipants: manage && counted },
  };
}

/** One activity in scope, presented; 404 when absent or out of scope. */
export async function loadActivity(db: Db | Tx, ctx: RequestContext, id: string, scope: Scope = ctx.scope): Promise<Activity> {
  const row = await activityQuery(db, scope).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Activity');
  return presentActivity(ctx, row, (await photosOf(db, [id])).get(id) ?? []);
}
