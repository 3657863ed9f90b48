// Indicator 3.5 bis (SPEC §7, §11): the first reintegration assistance item delivered to a returnee,
// over the reintegration module's tables (migration 0006); runs as soon as they exist.
import { sql } from 'kysely';
import type { EventSource } from './types';

/** Delivered assistance items of reintegration cases, dated by delivery; region = the case's region. */
export const reintegrationFirstAssistance: EventSource = {
  source: 'reintegration.first_assistance_delivered',
  requires: ['assistance_items', 'reintegration_cases', 'people'],
  module: 'reintegration',
  personSubject: true,
  events: () => sql`
    select ai.id::text as record_id, 'assistance_item' as record_type, sp.id::text as subject, ai.delivered_on as event_date,
           1::numeric as amount, sp.sex, sp.date_of_birth, null::text as age_group, sp.nationality,
           left(rc.region_pcode, 4) as region_pcode, rc.organisation_id as partner_org, rc.site_id,
           '/reintegration/cases/' || rc.id::text as link
      from assistance_items ai
      join reintegration_cases rc on rc.id = ai.reintegration_case_id
      join people p on p.id = rc.person_id
      join people sp on sp.id = coalesce(p.merged_into_id, p.id)
     where ai.status = 'delivered' and ai.delivered_on is not null`,
};
