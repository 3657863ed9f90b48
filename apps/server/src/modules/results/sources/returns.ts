// Indicators 3.4 and 3.5 (SPEC §6, §11), over the returns module's tables (migration 0005): they
// run as soon as those tables exist.
import { sql } from 'kysely';
import type { EventSource } from './types';

/**
 * 3.4: an outbound return reaching `departed` — a passenger confirmed departed on a movement, dated
 * by the movement's departure; the returnee and the household members of the case each count.
 * Region: the requesting site's region (the returnee's origin is abroad).
 */
export const returnsOutboundDeparted: EventSource = {
  source: 'returns.outbound_departed',
  requires: ['return_cases', 'return_case_members', 'movement_passengers', 'movements', 'people'],
  module: 'returns',
  personSubject: true,
  events: () => sql`
    with travellers as (
      select rc.id as case_id, rc.person_id from return_cases rc where rc.direction = 'outbound'
      union all
      select rm.return_case_id, rm.person_id from return_case_members rm join return_cases rc on rc.id = rm.return_case_id where rc.direction = 'outbound'
    )
    select mp.id::text || ':' || t.person_id::text as record_id, 'return_case' as record_type, sp.id::text as subject, m.departed_on as event_date,
           1::numeric as amount, sp.sex, sp.date_of_birth, null::text as age_group, sp.nationality,
           left(rc.region_pcode, 4) as region_pcode, rc.organisation_id as partner_org, rc.site_id,
           '/returns/cases/' || rc.id::text as link
      from movement_passengers mp
      join movements m on m.id = mp.movement_id
      join return_cases rc on rc.id = mp.return_case_id
      join travellers t on t.case_id = rc.id
      join people p on p.id = t.person_id
      join people sp on sp.id = coalesce(p.merged_into_id, p.id)
     where mp.departure_status = 'departed' and m.departed_on is not null`,
};

/** 3.5: an inbound returnee receiving an arrival assistance item, dated by the day it was given; region = destination. */
export const returnsArrivalAssistance: EventSource = {
  source: 'returns.arrival_assistance',
  requires: ['arrival_assistance', 'arrivals', 'people'],
  module: 'returns',
  personSubject: true,
  events: () => sql`
    select aa.id::text as record_id, 'arrival_assistance' as record_type, sp.id::text as subject, aa.given_on as event_date,
           1::numeric as amount, sp.sex, sp.date_of_birth, null::text as age_group, sp.nationality,
           left(coalesce(a.destination_pcode, sp.origin_pcode), 4) as region_pcode, aa.organisation_id as partner_org, a.site_id,
           case when a.return_case_id is null then '/returns/arrivals/' || a.id::text else '/returns/cases/' || a.return_case_id::text end as link
      from arrival_assistance aa
      join arrivals a on a.id = aa.arrival_id
      join people p on p.id = a.person_id
      join people sp on sp.id = coalesce(p.merged_into_id, p.id)`,
};
