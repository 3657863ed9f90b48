// Indicators 3.6, 3.7 and 4.1 bis (SPEC §10, §11), over the free-movement module's tables (migration
// 0007); they run as soon as those tables exist.
import { sql } from 'kysely';
import type { EventSource } from './types';

/** 3.7: an official who completed a training, once (one canonical name at one institution), at the training's end. */
export const mobilityTraineesCompleted: EventSource = {
  source: 'mobility.trainees_completed',
  requires: ['training_trainees', 'trainings'],
  module: 'mobility',
  personSubject: false,
  events: () => sql`
    select x.id::text as record_id, 'training_trainee' as record_type, x.trainee_key || '@' || x.institution_id::text as subject, t.ends_on as event_date,
           1::numeric as amount, x.sex, null::date as date_of_birth, null::text as age_group, null::text as nationality,
           left(t.pcode, 4) as region_pcode, t.organisation_id as partner_org, null::uuid as site_id, '/mobility/trainings/' || t.id::text as link
      from training_trainees x
      join trainings t on t.id = x.training_id
     where x.completed`,
};

/** 3.6: an institution strengthened — an official of it completed a training, or it received equipment — once. */
export const mobilityInstitutionsSupported: EventSource = {
  source: 'mobility.institutions_supported',
  requires: ['training_trainees', 'trainings', 'equipment_handovers', 'border_posts'],
  module: 'mobility',
  personSubject: false,
  events: () => sql`
    select x.id::text as record_id, 'training_trainee' as record_type, x.institution_id::text as subject, t.ends_on as event_date,
           1::numeric as amount, null::text as sex, null::date as date_of_birth, null::text as age_group, null::text as nationality,
           left(t.pcode, 4) as region_pcode, t.organisation_id as partner_org, null::uuid as site_id, '/mobility/trainings/' || t.id::text as link
      from training_trainees x
      join trainings t on t.id = x.training_id
     where x.completed
    union all
    select e.id::text, 'equipment_handover', e.recipient_institution_id::text, e.handed_over_on, 1::numeric, null, null, null, null,
           left(b.pcode, 4), e.organisation_id, null::uuid, '/mobility/equipment/' || e.id::text
      from equipment_handovers e
      left join border_posts b on b.id = e.border_post_id`,
};

/** 4.1 bis: items of equipment handed over (sum of quantities). */
export const mobilityEquipmentItems: EventSource = {
  source: 'mobility.equipment_items',
  requires: ['equipment_handovers', 'border_posts'],
  module: 'mobility',
  personSubject: false,
  events: () => sql`
    select e.id::text as record_id, 'equipment_handover' as record_type, e.id::text as subject, e.handed_over_on as event_date,
           e.quantity::numeric as amount, null::text as sex, null::date as date_of_birth, null::text as age_group, null::text as nationality,
           left(b.pcode, 4) as region_pcode, e.organisation_id as partner_org, null::uuid as site_id, '/mobility/equipment/' || e.id::text as link
      from equipment_handovers e
      left join border_posts b on b.id = e.border_post_id`,
};
