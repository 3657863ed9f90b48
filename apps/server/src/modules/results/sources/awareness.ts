// Indicators 3.3, 3.11 and OS4 communities (SPEC §9, §11), over the awareness module's tables
// (migration 0007); they run as soon as those tables exist.
import { sql } from 'kysely';
import type { EventSource } from './types';

const region = sql`left(coalesce(a.region_pcode, a.commune_pcode), 4)`;
const link = sql`'/awareness/activities/' || a.id::text`;

/**
 * 3.3: people reached. An activity without a named participant list adds its men/women/boys/girls
 * cells; one with a list adds each participant once, at their first attendance in the programme (so
 * repeated attendance is not counted twice). Mass-media audiences are estimates and are not added.
 */
export const awarenessPeopleReached: EventSource = {
  source: 'awareness.people_reached',
  requires: ['awareness_activities', 'awareness_participants'],
  module: 'awareness',
  personSubject: false,
  events: () => sql`
    select a.id::text || ':' || cell.sex || ':' || cell.age_group as record_id, 'awareness_activity' as record_type, a.id::text as subject,
           a.date as event_date, cell.amount::numeric as amount, cell.sex, null::date as date_of_birth, cell.age_group, null::text as nationality,
           ${region} as region_pcode, a.organisation_id as partner_org, null::uuid as site_id, ${link} as link
      from awareness_activities a
      cross join lateral (values ('male', 'adult', a.men), ('female', 'adult', a.women), ('male', 'child', a.boys), ('female', 'child', a.girls)) as cell (sex, age_group, amount)
     where a.reach_total is not null and cell.amount > 0
       and not exists (select 1 from awareness_participants p where p.activity_id = a.id)
    union all
    select * from (
      select distinct on (p.participant_key) p.id::text as record_id, 'awareness_participant' as record_type, p.participant_key as subject, a.date as event_date,
             1::numeric as amount, p.sex, null::date as date_of_birth, p.age_group, null::text as nationality,
             ${region} as region_pcode, a.organisation_id as partner_org, null::uuid as site_id, ${link} as link
        from awareness_participants p join awareness_activities a on a.id = p.activity_id
       order by p.participant_key, a.date, a.id
    ) as listed`,
};

/** 3.11: every activity held counts once. */
export const awarenessActivitiesHeld: EventSource = {
  source: 'awareness.activities_held',
  requires: ['awareness_activities'],
  module: 'awareness',
  personSubject: false,
  events: () => sql`
    select a.id::text as record_id, 'awareness_activity' as record_type, a.id::text as subject, a.date as event_date,
           1::numeric as amount, null::text as sex, null::date as date_of_birth, null::text as age_group, null::text as nationality,
           ${region} as region_pcode, a.organisation_id as partner_org, null::uuid as site_id, ${link} as link
      from awareness_activities a`,
};

/** OS4 communities: a community counts once, at its first activity. */
export const awarenessCommunitiesReached: EventSource = {
  source: 'awareness.communities_reached',
  requires: ['awareness_activities', 'communities'],
  module: 'awareness',
  personSubject: false,
  events: () => sql`
    select a.id::text as record_id, 'awareness_activity' as record_type, c.id::text as subject, a.date as event_date,
           1::numeric as amount, null::text as sex, null::date as date_of_birth, null::text as age_group, null::text as nationality,
           left(c.region_pcode, 4) as region_pcode, a.organisation_id as partner_org, null::uuid as site_id, ${link} as link
      from awareness_activities a
      join communities c on c.id = a.community_id`,
};
