// Indicator 3.2 (SPEC §11): a person is assisted when a protection service is delivered to them
// under a transit case (SPEC §5). Region = the region of the site; partner = the case's organisation.
import { sql } from 'kysely';
import type { EventSource } from './types';

/** Services delivered under transit cases; the subject is the surviving person after merges. */
export const protectionFirstService: EventSource = {
  source: 'protection.first_service',
  requires: ['services', 'transit_cases', 'people'],
  module: 'protection',
  personSubject: true,
  // Merges move linked rows to the survivor; mapping merged_into_id again is a defence against a
  // row the merge did not move. An anonymised person keeps their row (and contribution) without identity.
  events: () => sql`
    select s.id::text as record_id, 'service' as record_type, sp.id::text as subject, s.date as event_date,
           1::numeric as amount, sp.sex, sp.date_of_birth, null::text as age_group, sp.nationality,
           left(st.pcode, 4) as region_pcode, tc.organisation_id as partner_org, s.site_id,
           '/protection/cases/' || tc.id::text as link
      from services s
      join transit_cases tc on tc.id = s.transit_case_id
      join people p on p.id = s.person_id
      join people sp on sp.id = coalesce(p.merged_into_id, p.id)
      left join sites st on st.id = s.site_id`,
};
