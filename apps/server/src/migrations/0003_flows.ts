// Flows (SPEC §8): monitoring points get versions and active periods; flow counts, flow surveys,
// data collection exercises, import runs, remembered column mappings and open-data publications.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table flow_monitoring_points add column version integer not null default 1;
    alter table flow_monitoring_points add column updated_at timestamptz not null default now();
    alter table flow_monitoring_points add column active_periods jsonb;
    update flow_monitoring_points
       set active_periods = jsonb_build_array(jsonb_build_object('from', active_from::text, 'to', active_to::text));

    create table flow_collections (
      id uuid primary key,
      kind text not null check (kind in ('fmr_period', 'fms_round', 'study')),
      name text not null,
      method text not null,
      start_date date not null,
      end_date date,
      coverage_text text not null default '',
      coverage_fmp_ids jsonb not null default '[]',
      status text not null check (status in ('planned', 'ongoing', 'completed', 'cancelled')),
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint flow_collections_end_date_check check (end_date is null or end_date >= start_date)
    );

    create table flow_counts (
      id uuid primary key,
      fmp_id text not null references flow_monitoring_points (id),
      date date not null,
      observation_window text not null,
      window_start text,
      window_end text,
      direction text not null,
      origin_country text not null,
      origin_pcode text,
      origin_locality text,
      previous_transit_locality text,
      next_destination_country text not null,
      final_destination_country text not null,
      destination_pcode text,
      destination_locality text,
      transport_mode text not null,
      movement_type text not null,
      men integer not null check (men >= 0),
      women integer not null check (women >= 0),
      boys integer not null check (boys >= 0),
      girls integer not null check (girls >= 0),
      sex_age_unknown integer not null check (sex_age_unknown >= 0),
      total integer not null,
      children_under5 integer not null check (children_under5 >= 0),
      unaccompanied_children integer check (unaccompanied_children >= 0),
      pregnant_women integer not null check (pregnant_women >= 0),
      elderly60plus integer not null check (elderly60plus >= 0),
      persons_with_disability integer not null check (persons_with_disability >= 0),
      nationalities jsonb not null default '[]',
      collection_method text not null,
      enumerator_id text,
      collection_id uuid references flow_collections (id),
      status text not null check (status in ('draft', 'submitted', 'validated', 'rejected')),
      validated_by uuid,
      validated_at timestamptz,
      rejection_reason text,
      organisation_id uuid not null references organisations (id),
      import_id uuid,
      row_key text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint flow_counts_total_check check (total = men + women + boys + girls + sex_age_unknown),
      constraint flow_counts_row_key_key unique (row_key)
    );
    -- Lists: newest first, keyset on (date, id).
    create index flow_counts_date on flow_counts (date desc, id desc);
    -- Per-point work (missing days, outliers, duplicate submissions, per-point statistics).
    create index flow_counts_fmp_date on flow_counts (fmp_id, date);
    -- Dashboards read validated counts over a date range: the index carries what trends, points
    -- and origin-destination aggregates need, so most of them are answered from the index alone.
    create index flow_counts_stats on flow_counts (status, date)
      include (fmp_id, direction, origin_country, final_destination_country, total);
    create index flow_counts_nationalities on flow_counts using gin (nationalities jsonb_path_ops);

    create table flow_surveys (
      id uuid primary key,
      fmp_id text not null references flow_monitoring_points (id),
      date date not null,
      enumerator_id text,
      collection_id uuid references flow_collections (id),
      consent boolean not null,
      already_surveyed boolean not null default false,
      sex text,
      age integer check (age between 14 and 99),
      nationality text,
      birth_country text,
      marital_status text,
      education text,
      employment_before text,
      occupation_sector text,
      departure_country text,
      departure_pcode text,
      departure_locality text,
      time_since_departure text,
      previous_attempt boolean,
      forcibly_displaced boolean,
      reasons jsonb,
      last_transit_country text,
      last_transit_locality text,
      transport_modes jsonb,
      travel_group text,
      group_size integer,
      funding_sources jsonb,
      next_country text,
      final_destination_country text,
      destination_reasons jsonb,
      planned_stay text,
      intends_return text,
      journey_difficulties jsonb,
      information_needs jsonb,
      referred_to jsonb,
      free_text text,
      organisation_id uuid not null references organisations (id),
      import_id uuid,
      row_key text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      -- A refused or repeated interview keeps no answers (flow-schemas.md (b)).
      constraint flow_surveys_consent_check check ((consent and not already_surveyed) or (sex is null and age is null and nationality is null and reasons is null and free_text is null)),
      constraint flow_surveys_row_key_key unique (row_key)
    );
    create index flow_surveys_date on flow_surveys (date desc, id desc);
    create index flow_surveys_fmp_date on flow_surveys (fmp_id, date);

    create table flow_imports (
      id uuid primary key,
      kind text not null,
      file_name text,
      source text,
      mode text not null,
      status text not null,
      user_id uuid,
      username text,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      total_rows integer not null default 0,
      imported integer not null default 0,
      duplicates integer not null default 0,
      rejected integer not null default 0
    );
    create index flow_imports_started on flow_imports (started_at desc, id desc);

    create table flow_mappings (
      kind text not null check (kind in ('counts', 'surveys')),
      source text not null,
      mapping jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      primary key (kind, source)
    );

    create table flow_publications (
      id uuid primary key,
      published_at timestamptz not null,
      published_by uuid,
      published_by_username text,
      filters jsonb not null,
      -- The publisher's row scope: reproducing the file later reads the same rows.
      scope jsonb not null,
      rows integer not null,
      sha256 text not null
    );
    create index flow_publications_at on flow_publications (published_at desc, id desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table flow_publications;
    drop table flow_mappings;
    drop table flow_imports;
    drop table flow_surveys;
    drop table flow_counts;
    drop table flow_collections;
    alter table flow_monitoring_points drop column active_periods;
    alter table flow_monitoring_points drop column updated_at;
    alter table flow_monitoring_points drop column version;
  `.execute(db);
}
