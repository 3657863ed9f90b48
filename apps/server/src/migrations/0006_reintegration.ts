// Sustainable reintegration (SPEC §7): cases, plans, assistance, projects, monitoring, spot checks,
// the RSS instruments and results, satisfaction surveys; and the default RSS instrument.
import { sql, type Kysely } from 'kysely';
import defaultInstrument from '../modules/reintegration/rss-default-instrument.json' with { type: 'json' };

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reintegration_cases (
      id uuid primary key,
      case_number text not null unique,
      person_id uuid not null references people (id),
      -- The return case and the arrival that opened it (the returns module); unique so opening is idempotent.
      return_case_id uuid unique,
      arrival_id uuid unique,
      status text not null default 'eligible' check (status in ('eligible', 'counselled', 'plan_approved', 'in_progress', 'completed', 'suspended', 'withdrawn', 'lost_contact')),
      -- The active state a suspended or lost-contact case goes back to.
      status_before text,
      region_pcode text not null,
      site_id uuid references sites (id),
      organisation_id uuid not null references organisations (id),
      counsellor_id uuid references users (id),
      referred_to_organisation_id uuid references organisations (id),
      referred_from text,
      arrived_on date,
      plan_due_on date,
      opened_on date not null,
      closed_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index reintegration_cases_person on reintegration_cases (person_id);
    create index reintegration_cases_region on reintegration_cases (region_pcode text_pattern_ops);
    create index reintegration_cases_organisation on reintegration_cases (organisation_id);
    create index reintegration_cases_referred_to on reintegration_cases (referred_to_organisation_id) where referred_to_organisation_id is not null;
    create index reintegration_cases_status on reintegration_cases (status, opened_on desc);

    create table reintegration_case_events (
      id uuid primary key,
      reintegration_case_id uuid not null references reintegration_cases (id),
      action text not null,
      details jsonb not null default '{}',
      at timestamptz not null default now(),
      by_user uuid references users (id)
    );
    create index reintegration_case_events_case on reintegration_case_events (reintegration_case_id, at);

    -- Free-form answers are kept as JSON text: their keys are the assessor's, not ours to re-case.
    create table reintegration_assessments (
      id uuid primary key,
      reintegration_case_id uuid not null references reintegration_cases (id),
      kind text not null check (kind in ('needs', 'skills', 'family', 'vulnerability')),
      assessed_on date not null,
      answers text not null default '{}',
      notes text,
      assessed_by uuid references users (id),
      created_at timestamptz not null default now()
    );
    create index reintegration_assessments_case on reintegration_assessments (reintegration_case_id, assessed_on);

    create table reintegration_plans (
      id uuid primary key,
      reintegration_case_id uuid not null unique references reintegration_cases (id),
      status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'returned')),
      goals text[] not null default '{}',
      submitted_at timestamptz,
      submitted_by uuid references users (id),
      approved_at timestamptz,
      approved_by uuid references users (id),
      returned_note text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table reintegration_projects (
      id uuid primary key,
      name text not null,
      level text not null check (level in ('collective', 'community')),
      type text not null,
      dimension text not null check (dimension in ('economic', 'social', 'psychosocial')),
      region_pcode text not null,
      commune_pcode text,
      budget_xof integer not null check (budget_xof >= 0),
      organisation_id uuid not null references organisations (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index reintegration_projects_region on reintegration_projects (region_pcode text_pattern_ops);

    create table project_beneficiaries (
      id uuid primary key,
      project_id uuid not null references reintegration_projects (id),
      position integer not null,
      reintegration_case_id uuid references reintegration_cases (id),
      community_member_name text,
      share_percent double precision,
      apportioned_xof integer not null check (apportioned_xof >= 0),
      constraint project_beneficiaries_who_check check (reintegration_case_id is not null or community_member_name is not null),
      unique (project_id, reintegration_case_id)
    );
    create index project_beneficiaries_case on project_beneficiaries (reintegration_case_id) where reintegration_case_id is not null;

    create table assistance_items (
      id uuid primary key,
      reintegration_case_id uuid not null references reintegration_cases (id),
      project_id uuid references reintegration_projects (id),
      dimension text not null check (dimension in ('economic', 'social', 'psychosocial')),
      level text not null check (level in ('individual', 'collective', 'community')),
      type text not null,
      mode text not null check (mode in ('direct', 'referral')),
      provider text,
      in_kind boolean not null,
      planned_xof integer not null check (planned_xof >= 0),
      actual_xof integer check (actual_xof >= 0),
      description text,
      status text not null default 'planned' check (status in ('planned', 'approved', 'delivered', 'cancelled')),
      approved_on date,
      delivered_on date,
      cancelled_on date,
      certificate_mime text,
      certificate_size integer,
      certificate_uploaded_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index assistance_items_case on assistance_items (reintegration_case_id);
    create index assistance_items_project on assistance_items (project_id) where project_id is not null;

    -- The handover certificate's bytes, apart from the item so lists never load them (like person photos).
    create table assistance_certificates (
      assistance_item_id uuid primary key references assistance_items (id),
      content_type text not null,
      data bytea not null,
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    );

    create table assistance_instalments (
      id uuid primary key,
      assistance_item_id uuid not null references assistance_items (id),
      amount_xof integer not null check (amount_xof > 0),
      disbursed_on date not null,
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    );
    create index assistance_instalments_item on assistance_instalments (assistance_item_id);

    create table monitoring_visits (
      id uuid primary key,
      reintegration_case_id uuid not null references reintegration_cases (id),
      scheduled_on date not null,
      months_after_approval integer,
      status text not null default 'scheduled' check (status in ('scheduled', 'done', 'missed')),
      visited_on date,
      findings text,
      business_status text check (business_status in ('operating', 'struggling', 'closed', 'sold')),
      note text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index monitoring_visits_case on monitoring_visits (reintegration_case_id, scheduled_on);
    create index monitoring_visits_due on monitoring_visits (scheduled_on) where status = 'scheduled';

    create table spot_checks (
      id uuid primary key,
      seed text not null,
      percent double precision not null check (percent > 0 and percent <= 100),
      population integer not null,
      organisation_id uuid not null references organisations (id),
      drawn_at timestamptz not null default now(),
      drawn_by uuid references users (id)
    );

    create table spot_check_items (
      id uuid primary key,
      spot_check_id uuid not null references spot_checks (id),
      assistance_item_id uuid not null references assistance_items (id),
      outcome text check (outcome in ('confirmed', 'discrepancy', 'not_found')),
      note text,
      checked_at timestamptz,
      checked_by uuid references users (id),
      unique (spot_check_id, assistance_item_id)
    );

    -- The instrument definition is JSON text: band names and item codes are keys we must not re-case.
    create table rss_instruments (
      id uuid primary key,
      version text not null unique,
      status text not null default 'unverified' check (status in ('unverified', 'verified')),
      definition text not null,
      item_count integer not null,
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    );

    create table rss_results (
      id uuid primary key,
      reintegration_case_id uuid not null references reintegration_cases (id),
      round text not null check (round in ('baseline', 'followup')),
      instrument_version text not null references rss_instruments (version),
      surveyed_on date not null,
      answers text not null,
      economic double precision,
      social double precision,
      psychosocial double precision,
      composite double precision,
      complete boolean not null,
      band text,
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    );
    create index rss_results_case on rss_results (reintegration_case_id, surveyed_on);

    create table satisfaction_surveys (
      id uuid primary key,
      reintegration_case_id uuid not null references reintegration_cases (id),
      surveyed_on date not null,
      answers text not null,
      mean_score double precision not null,
      comment text,
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    );
    create index satisfaction_surveys_case on satisfaction_surveys (reintegration_case_id);

    -- A permission added in this release: approving reintegration plans (four-eyes).
    update roles set permissions = array_append(permissions, 'reintegrationCase.approve'), updated_at = now()
      where code = 'reintegration_officer' and builtin and not ('reintegrationCase.approve' = any (permissions));
  `.execute(db);
  // The default instrument ships with the release (unverified transcription; SPEC §7).
  await sql`
    insert into rss_instruments (id, version, status, definition, item_count)
    values (${'019a0000-0000-7000-8000-000000000006'}, ${defaultInstrument.version}, 'unverified', ${JSON.stringify(defaultInstrument)}, ${defaultInstrument.items.length})
    on conflict (version) do nothing`.execute(db);
}
