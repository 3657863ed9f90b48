// A community's history (SPEC §9): its activities and surveys in the caller's scope, newest first.
import type { CommunityHistory } from '@taama/core';
import { scopeFor, type RequestContext } from '../../platform/auth/context';
import { NotFound } from '../../platform/errors';
import { activityQuery, photosOf, presentActivity } from './activities.queries';
import { presentSurvey, surveyQuery } from './surveys.service';

/** Everything done in a community that the caller may read. */
export async function communityHistory(ctx: RequestContext, communityId: string): Promise<CommunityHistory> {
  const community = await ctx.db.selectFrom('communities').select('id').where('id', '=', communityId).executeTakeFirst();
  if (!community) throw new NotFound('Community');
  const scope = scopeFor(ctx, 'awareness.read');
  const activities = await activityQuery(ctx.db, scope).where('a.communityId', '=', communityId).orderBy('a.date', 'desc').orderBy('a.id', 'desc').limit(1000).execute();
  const photos = await photosOf(ctx.db, activities.map((a) => a.id));
  const surveys = await surveyQuery(ctx.db, scope).where('s.communityId', '=', communityId).orderBy('s.surveyedOn', 'desc').execute();
  return { activities: activities.map((a) => presentActivity(ctx, a, photos.get(a.id) ?? [])), surveys: surveys.map(presentSurvey) };
}
