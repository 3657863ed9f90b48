// Awareness-raising (SPEC §9) and free movement / border governance (SPEC §10).
// Communities, border posts and institutions are shared reference records; the other tables carry
// the owning organisation their rows are scoped by.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table communities (
      id uuid primary key,
      name text not null,
      commune_pcode text not null references admin_units (pcode),
      region_pcode text not null,
      high_emigration_zone boolean not null default false,
      population integer check (population >= 0),
      focal_points jsonb not null default '[]',
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index communities_commune on communities (commune_pcode);
    create index communities_region on communities (region_pcode);

    create table awareness_campaigns (
      id uuid primary key,
      name text not null,
      theme text not null,
      starts_on date not null,
      ends_on date not null,
      partner_organisation_id uuid references organisations (id),
      messages jsonb not null default '[]',
      channels jsonb not null default '[]',
      target_community_ids jsonb not null default '[]',
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint awareness_campaigns_ends_on_check check (ends_on >= starts_on)
    );

    create table awareness_activities (
      id uuid primary key,
      campaign_id uuid references awareness_campaigns (id),
      type text not null,
      date date not null,
      community_id uuid references communities (id),
      fmp_id text references flow_monitoring_points (id),
      route_location_name text,
      commune_pcode text references admin_units (pcode),
      region_pcode text,
      facilitator text not null,
      reach_total integer check (reach_total >= 0),
      men integer check (men >= 0),
      women integer check (women >= 0),
      boys integer check (boys >= 0),
      girls integer check (girls >= 0),
      estimated_audience integer check (estimated_audience >= 0),
      materials jsonb not null default '[]',
      notes text,
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint awareness_activities_place_check check (num_nonnulls(community_id, fmp_id, route_location_name) = 1),
      constraint awareness_activities_reached_check check (
        (reach_total is null and men is null and women is null and boys is null and girls is null and estimated_audience is not null)
        or (reach_total is not null and estimated_audience is null and men + women + boys + girls = reach_total)
      )
    );
    create index awareness_activities_date on awareness_activities (date);
    create index awareness_activities_community on awareness_activities (community_id);
    create index awareness_activities_campaign on awareness_activities (campaign_id);
    create index awareness_activities_org on awareness_activities (organisation_id, date);

    create table awareness_activity_photos (
      id uuid primary key,
      activity_id uuid not null references awareness_activities (id),
      content_type text not null,
      size integer not null,
      data bytea not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index awareness_activity_photos_activity on awareness_activity_photos (activity_id);

    create table awareness_participants (
      id uuid primary key,
      activity_id uuid not null references awareness_activities (id),
      name text not null,
      sex text not null check (sex in ('male', 'female')),
      age_group text not null check (age_group in ('child', 'adult')),
      consent_to_match boolean not null default false,
      phone text,
      participant_key text not null,
      is_repeat boolean not null default false,
      -- A registry person matched with the participant's consent; never shown to awareness roles.
      person_id uuid references people (id),
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index awareness_participants_activity on awareness_participants (activity_id);
    create index awareness_participants_key on awareness_participants (participant_key);

    create table awareness_surveys (
      id uuid primary key,
      community_id uuid not null references communities (id),
      phase text not null check (phase in ('before', 'after')),
      surveyed_on date not null,
      instrument_version text not null,
      respondents integer not null check (respondents >= 1),
      mean_score numeric not null,
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index awareness_surveys_community on awareness_surveys (community_id);

    create table awareness_survey_responses (
      id uuid primary key,
      survey_id uuid not null references awareness_surveys (id),
      answers jsonb not null,
      score numeric not null check (score >= 0 and score <= 1)
    );
    create index awareness_survey_responses_survey on awareness_survey_responses (survey_id);

    create table border_posts (
      id uuid primary key,
      name text not null,
      pcode text not null references admin_units (pcode),
      neighbour_country text not null references countries (iso3),
      type text not null,
      corridor text,
      lat double precision,
      lon double precision,
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table institutions (
      id uuid primary key,
      name text not null,
      kind text not null,
      country_code text not null references countries (iso3),
      parent_institution_id uuid references institutions (id),
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table trainings (
      id uuid primary key,
      title text not null,
      topic text not null,
      starts_on date not null,
      ends_on date not null,
      days integer not null check (days >= 1),
      place text not null,
      pcode text references admin_units (pcode),
      border_post_id uuid references border_posts (id),
      organiser_organisation_id uuid references organisations (id),
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint trainings_ends_on_check check (ends_on >= starts_on)
    );
    create index trainings_starts_on on trainings (starts_on);

    create table training_trainees (
      id uuid primary key,
      training_id uuid not null references trainings (id),
      name text not null,
      sex text not null check (sex in ('male', 'female')),
      institution_id uuid not null references institutions (id),
      rank text,
      days_attended integer not null check (days_attended >= 0),
      completed boolean not null default false,
      pre_score numeric check (pre_score >= 0 and pre_score <= 100),
      post_score numeric check (post_score >= 0 and post_score <= 100),
      trainee_key text not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index training_trainees_training on training_trainees (training_id);

    create table equipment_handovers (
      id uuid primary key,
      type text not null,
      quantity integer not null check (quantity >= 1),
      value_xof bigint not null check (value_xof >= 0),
      recipient_institution_id uuid not null references institutions (id),
      border_post_id uuid references border_posts (id),
      handed_over_on date not null,
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table mobility_incidents (
      id uuid primary key,
      occurred_on date not null,
      border_post_id uuid references border_posts (id),
      place_name text,
      place_pcode text references admin_units (pcode),
      corridor text not null,
      agency text not null,
      types jsonb not null,
      amount_demanded_xof bigint check (amount_demanded_xof >= 0),
      documents_presented jsonb not null default '[]',
      victim_nationality text references countries (iso3),
      victim_sex text,
      victims_count integer not null check (victims_count >= 1),
      reporter_anonymous boolean not null,
      reporter_name text,
      reporter_phone text,
      follow_up text,
      description text,
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint mobility_incidents_place_check check (num_nonnulls(border_post_id, place_name) = 1),
      constraint mobility_incidents_reporter_check check (not reporter_anonymous or (reporter_name is null and reporter_phone is null))
    );
    create index mobility_incidents_occurred_on on mobility_incidents (occurred_on);
  `.execute(db);
}
