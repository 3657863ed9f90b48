// Indicators 3.6, 3.7 and 4.1 bis (SPEC §10, §11). The free-movement module lands from another
// branch; these run only once its tables exist.
import { sql } from 'kysely';
import type { EventSource } from './types';

/** 3.7: a trainee who completed a training, once (subject = the trainee). */
export const mobilityTraineesCompleted: EventSource = {
  source: 'mobility.trainees_completed',
  requires: ['trainees', 'trainings'],
  module: 'mobility',
  personSubject: false,
  events: () => sql`
    select te.id::text as record_id, 'trainee' as record_type, te.id::text as subject, t.end_date as event_date,
           1::numeric as amount, te.sex, null::date as date_of_birth, 'adult' as age_group, null::text as nationality,
           left(t.pcode, 4) as region_pcode, t.organisation_id as partner_org, null::uuid as site_id, '/mobility/trainings/' || t.id::text as link
      from trainees te
      join trainings t on t.id = te.training_id
     where te.completed`,
};

/** 3.6: an institution strengthened by a training or an equipment handover, once. */
export const mobilityInstitutionsSupported: EventSource = {
  source: 'mobility.institutions_supported',
  requires: ['trainees', 'trainings', 'equipment_handovers'],
  module: 'mobility',
  personSubject: false,
  events: () => sql`
    select t.id::text as record_id, 'training' as record_type, te.institution_id::text as subject, t.end_date as event_date,
           1::numeric as amount, null::text as sex, null::date as date_of_birth, null::text as age_group, null::text as nationality,
           left(t.pcode, 4) as region_pcode, t.organisation_id as partner_org, null::uuid as site_id, '/mobility/trainings/' || t.id::text as link
      from trainees te join trainings t on t.id = te.training_id
     where te.institution_id is not null
    union all
    select e.id::text, 'equipment_handover', e.institution_id::text, e.handed_over_on, 1::numeric, null, null, null, null,
           null, e.organisation_id, null::uuid, '/mobility/equipment/' || e.id::text
      from equipment_handovers e
     where e.institution_id is not null`,
};

/** 4.1 bis: items of equipment handed over (sum of quantities). */
export const mobilityEquipmentItems: EventSource = {
  source: 'mobility.equipment_items',
  requires: ['equipment_handovers'],
  module: 'mobility',
  personSubject: false,
  events: () => sql`
    select e.id::text as record_id, 'equipment_handover' as record_type, e.id::text as subject, e.handed_over_on as event_date,
           e.quantity::numeric as amount, null::text as sex, null::date as date_of_birth, null::text as age_group, null::text as nationality,
           null::text as region_pcode, e.organisation_id as partner_org, null::uuid as site_id, '/mobility/equipment/' || e.id::text as link
      from equipment_handovers e`,
};
