// Indicator 5.3 (SPEC §8, §11): a data collection exercise (FMR period, FMS round, study) counts once,
// on the day it ended, when its status is completed.
import { sql } from 'kysely';
import type { EventSource } from './types';

/** Completed flow data collections, dated by their end (their start when no end is recorded). */
export const flowsCollectionsCompleted: EventSource = {
  source: 'flows.collections_completed',
  requires: ['flow_collections'],
  module: 'flows',
  personSubject: false,
  events: () => sql`
    select c.id::text as record_id, 'flow_collection' as record_type, c.id::text as subject,
           coalesce(c.end_date, c.start_date) as event_date, 1::numeric as amount, null::text as sex,
           null::date as date_of_birth, null::text as age_group, null::text as nationality,
           null::text as region_pcode, c.organisation_id as partner_org, null::uuid as site_id,
           '/flows/collections/' || c.id::text as link
      from flow_collections c
     where c.status = 'completed'`,
};
