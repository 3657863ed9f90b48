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
  // protection_first_services (migration 0012) holds each subject's first service and its case's
  // organisation; a subject whose first service predates the programme start is looked up again
  // from their services (rare).
  firstEvents: (programmeStart) => sql`
    select f.service_id::text as record_id, 'service' as record_type, sp.id::text as subject, f.date as event_date,
           1::numeric as amount, sp.sex, sp.date_of_birth, null::text as age_group, sp.nationality,
           left(st.pcode, 4) as region_pcode, f.organisation_id as partner_org, f.site_id,
           '/protection/cases/' || f.transit_case_id::text as link
      from (
        select subject_id, service_id, transit_case_id, organisation_id, site_id, date from protection_first_services where date >= ${programmeStart}::date
        union all
        select later.* from protection_first_services older
         cross join lateral (
           select older.subject_id, s.id, s.transit_case_id, tc.organisation_id, s.site_id, s.date
             from people p join services s on s.person_id = p.id join transit_cases tc on tc.id = s.transit_case_id
            where (p.id = older.subject_id or p.merged_into_id = older.subject_id)
              and coalesce(p.merged_into_id, p.id) = older.subject_id and s.date >= ${programmeStart}::date
            order by s.date, s.id limit 1) later
         where older.date < ${programmeStart}::date
      ) f
      join people sp on sp.id = f.subject_id
      left join sites st on st.id = f.site_id`,
};
