// Awareness activities (SPEC §9): where, when, by whom, and how many people were reached — a head
// count by sex × age, or an estimated audience for mass media, never both.
import { sql } from 'kysely';
import { isCounted, newId, validateListAgainstReach, validateReach, type Activity, type ActivityInput, type ActivityPatch, type ActivityQuery, type ActivityType, type ReachInput, type RouteLocation } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { ACTIVITY_SCOPE, CAMPAIGN_SCOPE, communeOf, likeTerm, notInFuture } from './awareness.common';
import { communityPlace } from './communities.service';
import { activityQuery, loadActivity, photosOf, presentActivity } from './activities.queries';

interface PlaceInput {
  communityId?: string | undefined;
  fmpId?: string | undefined;
  routeLocation?: RouteLocation | undefined;
}
interface Place {
  communityId: string | null;
  fmpId: string | null;
  routeLocationName: string | null;
  communePcode: string | null;
  regionPcode: string | null;
}

/** Resolves exactly one of community, flow monitoring point or route location; 400 otherwise. */
async function resolvePlace(tx: Tx, input: PlaceInput): Promise<Place> {
  const given = [input.communityId, input.fmpId, input.routeLocation].filter((v) => v !== undefined).length;
  if (given !== 1) throw new Invalid({ communityId: 'give exactly one of communityId, fmpId or routeLocation' });
  if (input.communityId) {
    const c = await communityPlace(tx, 'communityId', input.communityId);
    return { communityId: c.id, fmpId: null, routeLocationName: null, communePcode: c.communePcode, regionPcode: c.regionPcode };
  }
  if (input.fmpId) {
    const fmp = await tx.selectFrom('flowMonitoringPoints').select(['id', 'adm1Pcode', 'adm3Pcode']).where('id', '=', input.fmpId).executeTakeFirst();
    if (!fmp) throw new Invalid({ fmpId: 'refers to an unknown flow monitoring point' });
    return { communityId: null, fmpId: fmp.id, routeLocationName: null, communePcode: fmp.adm3Pcode, regionPcode: fmp.adm1Pcode };
  }
  // Exactly one was given and it is neither of the two above.
  const route = input.routeLocation as RouteLocation;
  const commune = await communeOf(tx, 'routeLocation.communePcode', route.communePcode);
  return { communityId: null, fmpId: null, routeLocationName: route.name, communePcode: commune.pcode, regionPcode: commune.regionPcode };
}

function reachColumns(reached: ReachInput) {
  return isCounted(reached)
    ? { reachTotal: reached.total, men: reached.men, women: reached.women, boys: reached.boys, girls: reached.girls, estimatedAudience: null }
    : { reachTotal: null, men: null, women: null, boys: null, girls: null, estimatedAudience: reached.estimatedAudience };
}

function checkReach(type: ActivityType, reached: ReachInput): void {
  const errors = validateReach(type, reached);
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
}

async function checkCampaign(tx: Tx, ctx: RequestContext, campaignId: string | null | undefined): Promise<void> {
  if (!campaignId) return;
  const found = await tx.selectFrom('awarenessCampaigns as c').select('c.id').where('c.id', '=', campaignId).where(inScope(ctx.scope, CAMPAIGN_SCOPE)).executeTakeFirst();
  if (!found) throw new Invalid({ campaignId: 'refers to an unknown campaign' });
}

/** Records an activity of the caller's organisation. */
export async function createActivity(ctx: RequestContext, input: ActivityInput): Promise<Activity> {
  notInFuture('date', input.date);
  checkReach(input.type, input.reached);
  return inTransaction(ctx.db, async (tx) => {
    await checkCampaign(tx, ctx, input.campaignId);
    const place = await resolvePlace(tx, input);
    const id = input.id ?? newId();
    await tx
      .insertInto('awarenessActivities')
      .values({
        id,
        campaignId: input.campaignId ?? null,
        type: input.type,
        date: input.date,
        ...place,
        facilitator: input.facilitator,
        ...reachColumns(input.reached),
        materials: JSON.stringify(input.materials ?? []),
        notes: input.notes ?? null,
        organisationId: ctx.user.organisationId,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'awarenessActivity.create', entityType: 'awareness_activity', entityId: id, details: { type: input.type, date: input.date } });
    return loadActivity(tx, ctx, id, { kind: 'all' });
  });
}

/** Activities in scope, newest first, with filters. */
export async function listActivities(ctx: RequestContext, query: ActivityQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = activityQuery(ctx.db, ctx.scope);
  if (query.from) q = q.where('a.date', '>=', query.from);
  if (query.to) q = q.where('a.date', '<=', query.to);
  if (query.type) q = q.where('a.type', '=', query.type);
  if (query.campaignId) q = q.where('a.campaignId', '=', query.campaignId);
  if (query.communityId) q = q.where('a.communityId', '=', query.communityId);
  if (query.regionPcode) q = q.where('a.communePcode', 'like', `${query.regionPcode}%`);
  if (query.communePcode) q = q.where('a.communePcode', 'like', `${query.communePcode}%`);
  if (query.q) {
    const term = likeTerm(query.q);
    q = q.where((eb) => eb.or([eb('a.facilitator', 'ilike', term), eb('cm.name', 'ilike', term), eb('a.routeLocationName', 'ilike', term), eb('a.notes', 'ilike', term)]));
  }
  if (after) q = q.where(sql<boolean>`(a.date::text, a.id::text) < (${after[0]}, ${after[1]})`);
  const rows = await q.orderBy('a.date', 'desc').orderBy('a.id', 'desc').limit(limit + 1).execute();
  const photos = await photosOf(ctx.db, rows.slice(0, limit).map((r) => r.id));
  return pageOf(rows, limit, (r) => [r.date, r.id], (r) => presentActivity(ctx, r, photos.get(r.id) ?? []));
}

/** An activity in scope. */
export function getActivity(ctx: RequestContext, id: string): Promise<Activity> {
  return loadActivity(ctx.db, ctx, id);
}

/** Edits an activity in scope (If-Match); a named list still has to match the counted reach. */
export async function updateActivity(ctx: RequestContext, id: string, version: number, patch: ActivityPatch): Promise<Activity> {
  notInFuture('date', patch.date);
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('awarenessActivities as a').selectAll('a').where('a.id', '=', id).where(inScope(ctx.scope, ACTIVITY_SCOPE)).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Activity');
    assertVersion(row.version, version);
    const type = patch.type ?? (row.type as ActivityType);
    const reached: ReachInput =
      patch.reached ??
      (row.reachTotal === null
        ? { estimatedAudience: row.estimatedAudience ?? 0 }
        : { total: row.reachTotal, men: row.men ?? 0, women: row.women ?? 0, boys: row.boys ?? 0, girls: row.girls ?? 0 });
    checkReach(type, reached);
    const listed = await tx.selectFrom('awarenessParticipants').select(['sex', 'ageGroup']).where('activityId', '=', id).execute();
    if (listed.length > 0) {
      const errors = validateListAgainstReach(reached, listed as { sex: 'male' | 'female'; ageGroup: 'child' | 'adult' }[]);
      if (Object.keys(errors).length > 0) throw new Invalid(errors, 'The counted reach must match the activity’s participant list');
    }
    if (patch.campaignId !== undefined) await checkCampaign(tx, ctx, patch.campaignId);
    const placeGiven = patch.communityId !== undefined || patch.fmpId !== undefined || patch.routeLocation !== undefined;
    const place = placeGiven ? await resolvePlace(tx, patch) : undefined;
    await tx
      .updateTable('awarenessActivities')
      .set({
        ...(patch.campaignId !== undefined ? { campaignId: patch.campaignId } : {}),
        ...(patch.type !== undefined ? { type: patch.type } : {}),
        ...(patch.date !== undefined ? { date: patch.date } : {}),
        ...(place ?? {}),
        ...(patch.facilitator !== undefined ? { facilitator: patch.facilitator } : {}),
        ...(patch.reached !== undefined ? reachColumns(patch.reached) : {}),
        ...(patch.materials !== undefined ? { materials: JSON.stringify(patch.materials) } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        version: row.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'awarenessActivity.update', entityType: 'awareness_activity', entityId: id, details: { fields: Object.keys(patch) } });
    return loadActivity(tx, ctx, id);
  });
}
