// The awareness dashboard (SPEC §9): counted reach (each named participant once) kept apart from
// mass-media estimates, by sex × age, month, activity type, region and commune.
import { sql } from 'kysely';
import type { AwarenessDashboard, AwarenessDashboardQuery } from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { ACTIVITY_SCOPE, awarenessTargets } from './awareness.common';

interface Contribution {
  month: string;
  type: string;
  communityId: string | null;
  communePcode: string | null;
  regionPcode: string | null;
  men: number;
  women: number;
  boys: number;
  girls: number;
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The dashboard over the activities in scope, optionally within a period and a region. */
export async function awarenessDashboard(ctx: RequestContext, query: AwarenessDashboardQuery): Promise<AwarenessDashboard> {
  const db = ctx.db;
  let activities = db
    .selectFrom('awarenessActivities as a')
    .select(['a.id', 'a.date', 'a.type', 'a.communityId', 'a.communePcode', 'a.regionPcode', 'a.reachTotal', 'a.men', 'a.women', 'a.boys', 'a.girls', 'a.estimatedAudience'])
    .select(sql<boolean>`exists (select 1 from awareness_participants p where p.activity_id = a.id)`.as('listed'))
    .where(inScope(ctx.scope, ACTIVITY_SCOPE));
  if (query.from) activities = activities.where('a.date', '>=', query.from);
  if (query.to) activities = activities.where('a.date', '<=', query.to);
  if (query.regionPcode) activities = activities.where('a.communePcode', 'like', `${query.regionPcode}%`);
  const rows = await activities.execute();
  const byId = new Map(rows.map((r) => [r.id, r]));

  // Each participant key counts once, at its first attendance among the activities selected.
  const firsts =
    !rows.some((r) => r.listed)
      ? []
      : await sql<{ activityId: string; sex: string; ageGroup: string }>`
          select distinct on (p.participant_key) p.activity_id, p.sex, p.age_group
          from awareness_participants p join awareness_activities a on a.id = p.activity_id
          where p.activity_id = any(${sql.val(rows.filter((r) => r.listed).map((r) => r.id))}::uuid[])
          order by p.participant_key, a.date, a.id`
          .execute(db)
          .then((r) => r.rows);

  const contributions: Contribution[] = [];
  const base = (a: (typeof rows)[number]) => ({ month: a.date.slice(0, 7), type: a.type, communityId: a.communityId, communePcode: a.communePcode, regionPcode: a.regionPcode });
  for (const a of rows) {
    if (a.reachTotal === null || a.listed) continue;
    contributions.push({ ...base(a), men: a.men ?? 0, women: a.women ?? 0, boys: a.boys ?? 0, girls: a.girls ?? 0 });
  }
  for (const f of firsts) {
    const a = byId.get(f.activityId);
    if (!a) continue;
    const adult = f.ageGroup === 'adult';
    const male = f.sex === 'male';
    contributions.push({ ...base(a), men: adult && male ? 1 : 0, women: adult && !male ? 1 : 0, boys: !adult && male ? 1 : 0, girls: !adult && !male ? 1 : 0 });
  }

  const sexAge = { men: 0, women: 0, boys: 0, girls: 0 };
  const month = new Map<string, number>();
  const typeReached = new Map<string, number>();
  const regionReached = new Map<string, number>();
  const communeReached = new Map<string, number>();
  for (const c of contributions) {
    const total = c.men + c.women + c.boys + c.girls;
    sexAge.men += c.men;
    sexAge.women += c.women;
    sexAge.boys += c.boys;
    sexAge.girls += c.girls;
    bump(month, c.month, total);
    bump(typeReached, c.type, total);
    if (c.regionPcode) bump(regionReached, c.regionPcode, total);
    if (c.communePcode) bump(communeReached, c.communePcode, total);
  }

  const typeActivities = new Map<string, number>();
  const typeEstimated = new Map<string, number>();
  const regionCommunities = new Map<string, Set<string>>();
  const communeCommunities = new Map<string, Set<string>>();
  const reachedCommunities = new Set<string>();
  let estimatedAudience = 0;
  for (const a of rows) {
    bump(typeActivities, a.type, 1);
    if (a.estimatedAudience !== null) {
      estimatedAudience += a.estimatedAudience;
      bump(typeEstimated, a.type, a.estimatedAudience);
    }
    if (a.reachTotal !== null && a.communityId) {
      reachedCommunities.add(a.communityId);
      if (a.regionPcode) regionCommunities.set(a.regionPcode, (regionCommunities.get(a.regionPcode) ?? new Set()).add(a.communityId));
      if (a.communePcode) communeCommunities.set(a.communePcode, (communeCommunities.get(a.communePcode) ?? new Set()).add(a.communityId));
    }
  }

  const pcodes = [...new Set([...regionReached.keys(), ...communeReached.keys(), ...regionCommunities.keys(), ...communeCommunities.keys()])];
  const names = new Map(pcodes.length === 0 ? [] : (await db.selectFrom('adminUnits').select(['pcode', 'name']).where('pcode', 'in', pcodes).execute()).map((u) => [u.pcode, u.name]));
  const places = (reached: Map<string, number>, communities: Map<string, Set<string>>) =>
    [...new Set([...reached.keys(), ...communities.keys()])]
      .map((pcode) => ({ pcode, name: names.get(pcode) ?? null, reached: reached.get(pcode) ?? 0, communities: communities.get(pcode)?.size ?? 0 }))
      .sort((x, y) => y.reached - x.reached || x.pcode.localeCompare(y.pcode));

  let cumulative = 0;
  const byMonth = [...month.keys()].sort().map((m) => {
    const reached = month.get(m) ?? 0;
    cumulative += reached;
    return { month: m, reached, cumulative };
  });
  const peopleReached = sexAge.men + sexAge.women + sexAge.boys + sexAge.girls;
  return {
    targets: await awarenessTargets(db),
    communitiesReached: reachedCommunities.size,
    peopleReached,
    estimatedAudience,
    activities: rows.length,
    sexAge,
    byMonth,
    byType: [...typeActivities.keys()].sort().map((type) => ({
      type: type as AwarenessDashboard['byType'][number]['type'],
      activities: typeActivities.get(type) ?? 0,
      reached: typeReached.get(type) ?? 0,
      estimated: typeEstimated.get(type) ?? 0,
    })),
    byRegion: places(regionReached, regionCommunities),
    byCommune: places(communeReached, communeCommunities),
  };
}
