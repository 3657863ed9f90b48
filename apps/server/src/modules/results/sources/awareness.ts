// Indicators 3.3, 3.11 and OS4 communities (SPEC §9, §11). The awareness module lands from another
// branch; these run only once its tables exist.
import { sql } from 'kysely';
import type { EventSource } from './types';

const located = sql`left(c.pcode, 4) as region_pcode, a.organisation_id as partner_org, null::uuid as site_id, '/awareness/activities/' || a.id::text as link`;

/** 3.3: people reached, one event per sex × age cell of each activity held (sums; unknown kept). */
export const awarenessPeopleReached: EventSource = {
  source: 'awareness.people_reached',
  requires: ['awareness_activities', 'communities'],
  module: 'awareness',
  personSubject: false,
  events: () => sql`
    select a.id::text as record_id, 'awareness_activity' as record_type, a.id::text as subject, a.date as event_date,
           cell.amount::numeric as amount, cell.sex, null::date as date_of_birth, cell.age_group, null::text as nationality, ${located}
      from awareness_activities a
      left join communities c on c.id = a.community_id
      cross join lateral (values ('male', 'adult', a.men), ('female', 'adult', a.women), ('male', 'child', a.boys),
                                 ('female', 'child', a.girls),
                                 ('unknown', 'unknown', coalesce(a.total, 0) - coalesce(a.men, 0) - coalesce(a.women, 0) - coalesce(a.boys, 0) - coalesce(a.girls, 0))
                         ) as cell (sex, age_group, amount)
     where a.status = 'held' and cell.amount > 0`,
};

/** 3.11: each activity held counts once. */
export const awarenessActivitiesHeld: EventSource = {
  source: 'awareness.activities_held',
  requires: ['awareness_activities', 'communities'],
  module: 'awareness',
  personSubject: false,
  events: () => sql`
    select a.id::text as record_id, 'awareness_activity' as record_type, a.id::text as subject, a.date as event_date,
           1::numeric as amount, null::text as sex, null::date as date_of_birth, null::text as age_group, null::text as nationality, ${located}
      from awareness_activities a
      left join communities c on c.id = a.community_id
     where a.status = 'held'`,
};

/** OS4 communities: a community counts once, at its first activity held. */
export const awarenessCommunitiesReached: EventSource = {
  source: 'awareness.communities_reached',
  requires: ['awareness_activities', 'communities'],
  module: 'awareness',
  personSubject: false,
  events: () => sql`
    select a.id::text as record_id, 'awareness_activity' as record_type, c.id::text as subject, a.date as event_date,
           1::numeric as amount, null::text as sex, null::date as date_of_birth, null::text as age_group, null::text as nationality, ${located}
      from awareness_activities a
      join communities c on c.id = a.community_id
     where a.status = 'held'`,
};
