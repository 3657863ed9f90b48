// The people registry (SPEC §4) and protection in transit (SPEC §5).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Human case numbers (ML-GAO-2025-000123) are allocated per series and year, never reused.
    create table case_number_sequences (
      series text not null,
      year integer not null,
      last_value integer not null default 0,
      primary key (series, year)
    );

    create table people (
      id uuid primary key,
      case_number text not null unique,
      status text not null default 'active' check (status in ('active', 'merged', 'anonymised')),
      merged_into_id uuid references people (id),
      given_name text not null,
      family_name text not null,
      other_names text[] not null default '{}',
      name_arabic text,
      sex text not null check (sex in ('male', 'female', 'other', 'unknown')),
      date_of_birth date,
      dob_precision text not null default 'exact' check (dob_precision in ('exact', 'year', 'estimated')),
      birth_year integer,
      nationality text not null references countries (iso3),
      birth_country text references countries (iso3),
      birth_place text,
      languages text[] not null default '{}',
      phones text[] not null default '{}',
      origin_pcode text references admin_units (pcode),
      -- Matching keys, computed by the registry from the names (packages/core normaliser).
      name_key text not null,
      family_key text not null,
      given_key text not null,
      organisation_id uuid not null references organisations (id),
      site_id uuid references sites (id),
      region_pcode text,
      owner_id uuid references users (id),
      registered_on date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint people_date_of_birth_check check (date_of_birth is null or date_of_birth >= date '1900-01-01')
    );
    create index people_name_key_trgm on people using gin (name_key gin_trgm_ops);
    create index people_family_block on people (family_key, birth_year);
    create index people_given_block on people (given_key, birth_year);
    create index people_phones on people using gin (phones);
    create index people_site on people (site_id, registered_on desc);
    create index people_organisation on people (organisation_id, registered_on desc);
    create index people_merged_into on people (merged_into_id) where merged_into_id is not null;

    create table identity_documents (
      id uuid primary key,
      person_id uuid not null references people (id),
      type text not null check (type in ('passport', 'national_id', 'consular_card', 'laissez_passer', 'birth_certificate', 'none')),
      number text,
      number_key text,
      issuing_country text references countries (iso3),
      expiry_date date
    );
    create index identity_documents_person on identity_documents (person_id);
    create index identity_documents_number on identity_documents (number_key) where number_key is not null;

    create table person_photos (
      person_id uuid primary key references people (id),
      content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
      data bytea not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );

    create table consents (
      id uuid primary key,
      person_id uuid not null references people (id),
      kind text not null check (kind in ('registration', 'data_sharing', 'photo', 'follow_up_contact')),
      organisation_id uuid references organisations (id),
      method text not null check (method in ('explicit_signed', 'explicit_oral', 'proxy')),
      given_on date not null,
      withdrawn_on date,
      note text,
      recorded_by uuid references users (id),
      created_at timestamptz not null default now(),
      constraint consents_organisation_id_check check ((kind = 'data_sharing') = (organisation_id is not null))
    );
    create index consents_person on consents (person_id);

    create table person_groups (
      id uuid primary key,
      kind text not null check (kind in ('family', 'travel_group')),
      name text,
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table person_group_members (
      group_id uuid not null references person_groups (id),
      person_id uuid not null references people (id),
      relationship text not null,
      is_head boolean not null default false,
      primary key (group_id, person_id)
    );
    create index person_group_members_person on person_group_members (person_id);
    create unique index person_group_members_one_head on person_group_members (group_id) where is_head;

    -- Pairs found at registration or on demand, for the review queue; first_id < second_id.
    create table duplicate_candidates (
      id uuid primary key,
      first_id uuid not null references people (id),
      second_id uuid not null references people (id),
      score real not null,
      reasons text[] not null,
      status text not null default 'open' check (status in ('open', 'dismissed', 'merged')),
      detected_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by uuid,
      unique (first_id, second_id),
      check (first_id < second_id)
    );
    create index duplicate_candidates_open on duplicate_candidates (score desc) where status = 'open';
    create index duplicate_candidates_second on duplicate_candidates (second_id);

    -- Every merge keeps the ids of the records it moved, so an unmerge moves exactly those back.
    create table person_merges (
      id uuid primary key,
      source_id uuid not null references people (id),
      survivor_id uuid not null references people (id),
      moved jsonb not null,
      merged_at timestamptz not null default now(),
      merged_by uuid,
      unmerged_at timestamptz,
      unmerged_by uuid
    );
    create index person_merges_source on person_merges (source_id);
    create index person_merges_survivor on person_merges (survivor_id);

    create table transit_cases (
      id uuid primary key,
      case_number text not null unique,
      person_id uuid not null references people (id),
      organisation_id uuid not null references organisations (id),
      site_id uuid not null references sites (id),
      region_pcode text,
      assigned_to uuid references users (id),
      status text not null default 'open' check (status in ('open', 'active', 'referred', 'closed')),
      closure_reason text,
      priority text check (priority in ('high', 'medium', 'low')),
      opened_on date not null,
      closed_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint transit_cases_closed_on_check check (closed_on is null or closed_on >= opened_on)
    );
    create index transit_cases_person on transit_cases (person_id);
    create index transit_cases_site on transit_cases (site_id, status, opened_on desc);
    create index transit_cases_assigned on transit_cases (assigned_to, status);

    create table transit_case_events (
      id uuid primary key,
      transit_case_id uuid not null references transit_cases (id),
      action text not null,
      details jsonb not null default '{}',
      at timestamptz not null default now(),
      by_user uuid
    );
    create index transit_case_events_case on transit_case_events (transit_case_id, at);

    create table stays (
      id uuid primary key,
      transit_case_id uuid not null references transit_cases (id),
      person_id uuid not null references people (id),
      site_id uuid not null references sites (id),
      check_in date not null,
      check_out date,
      bed text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      constraint stays_check_out_check check (check_out is null or check_out >= check_in)
    );
    create index stays_site_nights on stays (site_id, check_in, check_out);
    create index stays_case on stays (transit_case_id);
    create unique index stays_one_open_per_person on stays (person_id) where check_out is null;

    create table screenings (
      id uuid primary key,
      transit_case_id uuid not null references transit_cases (id),
      person_id uuid not null references people (id),
      sequence integer not null,
      form_version integer not null default 1,
      screened_on date not null,
      flags text[] not null default '{}',
      risk_factors jsonb not null default '{}',
      protective_factors jsonb not null default '{}',
      priority text not null check (priority in ('high', 'medium', 'low')),
      priority_because text not null,
      notes text,
      screened_by uuid references users (id),
      created_at timestamptz not null default now(),
      unique (transit_case_id, sequence)
    );
    create index screenings_person on screenings (person_id);

    create table services (
      id uuid primary key,
      transit_case_id uuid not null references transit_cases (id),
      person_id uuid not null references people (id),
      site_id uuid not null references sites (id),
      type text not null,
      date date not null,
      quantity integer not null default 1 check (quantity > 0),
      provider text,
      cost_xof bigint check (cost_xof >= 0),
      note text,
      recorded_by uuid references users (id),
      created_at timestamptz not null default now()
    );
    create index services_case on services (transit_case_id, date);
    create index services_person on services (person_id);
    create index services_site_date on services (site_id, date);

    create table referrals (
      id uuid primary key,
      transit_case_id uuid not null references transit_cases (id),
      person_id uuid not null references people (id),
      kind text not null check (kind in ('internal', 'external')),
      service text not null,
      from_organisation_id uuid not null references organisations (id),
      to_organisation_id uuid not null references organisations (id),
      site_id uuid not null references sites (id),
      reason text,
      referred_on date not null,
      due_date date,
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'completed', 'closed_without_service')),
      feedback text,
      responded_at timestamptz,
      responded_by uuid references users (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint referrals_due_date_check check (due_date is null or due_date >= referred_on)
    );
    create index referrals_case on referrals (transit_case_id);
    create index referrals_to on referrals (to_organisation_id, status, due_date);
    create index referrals_person on referrals (person_id);

    create table tasks (
      id uuid primary key,
      transit_case_id uuid not null references transit_cases (id),
      kind text not null,
      title text not null,
      due_date date,
      assigned_to uuid references users (id),
      status text not null default 'open' check (status in ('open', 'awaiting_approval', 'done', 'cancelled')),
      requires_approval boolean not null default false,
      outcome text,
      completed_at timestamptz,
      completed_by uuid references users (id),
      approved_at timestamptz,
      approved_by uuid references users (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index tasks_case on tasks (transit_case_id);
    create index tasks_open_due on tasks (due_date) where status in ('open', 'awaiting_approval');

    create table case_notes (
      id uuid primary key,
      transit_case_id uuid not null references transit_cases (id),
      body text not null,
      sensitive boolean not null default false,
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    );
    create index case_notes_case on case_notes (transit_case_id, created_at);

    -- A permission added in this release: approving configured steps (e.g. a child's best-interest decision).
    update roles set permissions = array_append(permissions, 'transitCase.approve'), updated_at = now()
      where code = 'protection_officer' and builtin and not ('transitCase.approve' = any (permissions));
  `.execute(db);
}
