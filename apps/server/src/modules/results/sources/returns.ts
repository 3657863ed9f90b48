// Indicators 3.4 and 3.5 (SPEC §6, §11). The returns module lands from another branch: these
// queries follow its published API (return cases with a direction and a status history, arrivals
// with assistance items) and run only once its tables exist.
import { sql } from 'kysely';
import type { EventSource } from './types';

const person = sql`sp.sex, sp.date_of_birth, null::text as age_group, sp.nationality`;

/** 3.4: an outbound return case reaching `departed`, dated by its departure; the subject is the person. */
export const returnsOutboundDeparted: EventSource = {
  source: 'returns.outbound_departed',
  requires: ['return_cases', 'people'],
  module: 'returns',
  personSubject: true,
  events: () => sql`
    select rc.id::text as record_id, 'return_case' as record_type, sp.id::text as subject, rc.departed_on as event_date,
           1::numeric as amount, ${person}, left(st.pcode, 4) as region_pcode, rc.organisation_id as partner_org,
           rc.site_id, '/returns/cases/' || rc.id::text as link
      from return_cases rc
      join people p on p.id = rc.person_id
      join people sp on sp.id = coalesce(p.merged_into_id, p.id)
      left join sites st on st.id = rc.site_id
     where rc.direction = 'outbound' and rc.departed_on is not null`,
};

/** 3.5: an inbound returnee receiving at least one arrival assistance item, dated by the first item. */
export const returnsArrivalAssistance: EventSource = {
  source: 'returns.arrival_assistance',
  requires: ['arrival_assistance', 'arrivals', 'return_cases', 'people'],
  module: 'returns',
  personSubject: true,
  events: () => sql`
    select aa.id::text as record_id, 'arrival_assistance' as record_type, sp.id::text as subject, aa.given_on as event_date,
           1::numeric as amount, ${person}, left(coalesce(rc.destination_pcode, sp.origin_pcode), 4) as region_pcode,
           rc.organisation_id as partner_org, a.site_id, '/returns/cases/' || rc.id::text as link
      from arrival_assistance aa
      join arrivals a on a.id = aa.arrival_id
      join return_cases rc on rc.id = a.return_case_id
      join people p on p.id = rc.person_id
      join people sp on sp.id = coalesce(p.merged_into_id, p.id)
     where rc.direction = 'inbound'`,
};
