// Assisted voluntary return (SPEC §6): return cases and their household members, history, travel
// documents, medical checks, movements with their passengers, arrivals and arrival assistance.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table return_cases (
      id uuid primary key,
      case_number text not null unique,
      person_id uuid not null references people (id),
      direction text not null check (direction in ('inbound', 'outbound')),
      status text not null default 'requested' check (status in ('requested', 'counselled', 'eligible', 'ineligible', 'documents_pending',
        'documents_ready', 'medical_pending', 'fit_to_travel', 'fit_with_escort', 'unfit', 'booked', 'departed', 'arrived', 'closed', 'withdrawn', 'suspended')),
      status_since timestamptz not null default now(),
      suspended_from text,
      withdrawal_reason text check (withdrawal_reason in ('changed_mind', 'continued_journey', 'no_show', 'regularised', 'deceased', 'other')),
      destination_country text not null references countries (iso3),
      destination_pcode text references admin_units (pcode),
      destination_locality text,
      from_country text not null references countries (iso3),
      organisation_id uuid not null references organisations (id),
      site_id uuid not null references sites (id),
      -- The requesting site's admin-1 P-code: what the region scope filters on.
      region_pcode text,
      counsellor_id uuid references users (id),
      requested_on date not null,
      unaccompanied_child boolean not null default false,
      transit_case_id uuid references transit_cases (id),
      declaration_signed_on date,
      declaration_witness text,
      due_diligence_checked_on date,
      due_diligence_outcome text check (due_diligence_outcome in ('cleared', 'concerns')),
      due_diligence_note text,
      bid_determined_on date,
      bid_outcome text check (bid_outcome in ('return_in_best_interest', 'not_in_best_interest')),
      bid_note text,
      bid_recorded_by uuid references users (id),
      bid_approved_by uuid references users (id),
      bid_approved_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index return_cases_person on return_cases (person_id);
    create index return_cases_status on return_cases (organisation_id, status, status_since);
    create index return_cases_site on return_cases (site_id, status);

    create table return_case_members (
      id uuid primary key,
      return_case_id uuid not null references return_cases (id),
      person_id uuid not null references people (id),
      relationship text not null,
      created_at timestamptz not null default now(),
      created_by uuid,
      constraint return_case_members_person_key unique (return_case_id, person_id)
    );
    create index return_case_members_person on return_case_members (person_id);

    create table return_case_events (
      id uuid primary key,
      return_case_id uuid not null references return_cases (id),
      kind text not null,
      from_status text,
      to_status text,
      note text,
      details jsonb not null default '{}',
      at timestamptz not null default now(),
      by_user uuid references users (id)
    );
    create index return_case_events_case on return_case_events (return_case_id, at);

    create table travel_documents (
      id uuid primary key,
      return_case_id uuid not null references return_cases (id),
      organisation_id uuid not null references organisations (id),
      type text not null check (type in ('laissez_passer', 'passport', 'emergency_travel_document', 'consular_card', 'national_id', 'other')),
      consulate text,
      requested_on date not null,
      issued_on date,
      number text,
      expires_on date,
      status text not null check (status in ('requested', 'issued', 'refused', 'cancelled')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint travel_documents_issued_on_check check (issued_on is null or issued_on >= requested_on),
      constraint travel_documents_expires_on_check check (expires_on is null or issued_on is null or expires_on > issued_on)
    );
    create index travel_documents_case on travel_documents (return_case_id);
    create index travel_documents_expiry on travel_documents (expires_on) where status = 'issued';

    create table medical_checks (
      id uuid primary key,
      return_case_id uuid not null references return_cases (id),
      organisation_id uuid not null references organisations (id),
      examined_on date not null,
      outcome text not null check (outcome in ('fit_to_travel', 'fit_with_escort', 'unfit')),
      escort text not null check (escort in ('none', 'medical', 'child')),
      conditions text,
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    );
    create index medical_checks_case on medical_checks (return_case_id, examined_on desc);

    create table movements (
      id uuid primary key,
      reference text not null unique,
      kind text not null check (kind in ('charter_flight', 'commercial_flight', 'bus_convoy')),
      direction text not null check (direction in ('inbound', 'outbound')),
      status text not null default 'planned' check (status in ('planned', 'departed', 'arrived', 'cancelled')),
      departure_date date not null,
      arrival_date date,
      carrier text,
      seats integer not null check (seats between 1 and 1000),
      legs jsonb not null default '[]',
      escorts jsonb not null default '[]',
      reception_site_id uuid references sites (id),
      organisation_id uuid not null references organisations (id),
      departed_on date,
      arrived_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint movements_arrival_date_check check (arrival_date is null or arrival_date >= departure_date),
      constraint movements_arrived_on_check check (arrived_on is null or (departed_on is not null and arrived_on >= departed_on))
    );
    create index movements_departure on movements (organisation_id, departure_date desc);

    -- Per year, the last generated movement reference (MV-2025-0001).
    create table movement_reference_sequences (
      year integer primary key,
      last_value integer not null default 0
    );

    create table movement_passengers (
      id uuid primary key,
      movement_id uuid not null references movements (id),
      return_case_id uuid not null references return_cases (id),
      seats integer not null check (seats >= 1),
      departure_status text not null default 'expected' check (departure_status in ('expected', 'departed', 'no_show')),
      no_show_reason text,
      arrived boolean not null default false,
      created_at timestamptz not null default now(),
      created_by uuid,
      constraint movement_passengers_return_case_id_key unique (movement_id, return_case_id)
    );
    create index movement_passengers_case on movement_passengers (return_case_id);

    create table arrivals (
      id uuid primary key,
      person_id uuid not null references people (id),
      -- One arrival per return case: concurrent confirmations insert it once (on conflict do nothing).
      return_case_id uuid unique references return_cases (id),
      movement_id uuid references movements (id),
      organisation_id uuid not null references organisations (id),
      site_id uuid references sites (id),
      arrived_on date not null,
      from_country text not null references countries (iso3),
      destination_pcode text references admin_units (pcode),
      vulnerable boolean not null default false,
      referral_needs text[] not null default '{}',
      note text,
      reintegration_case_id uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index arrivals_site on arrivals (site_id, arrived_on desc);
    create index arrivals_person on arrivals (person_id);

    create table arrival_assistance (
      id uuid primary key,
      arrival_id uuid not null references arrivals (id),
      organisation_id uuid not null references organisations (id),
      type text not null check (type in ('cash_on_arrival', 'onward_transport', 'temporary_shelter', 'food', 'nfi', 'medical_care', 'psychosocial_first_aid')),
      given_on date not null,
      amount_xof bigint check (amount_xof >= 0),
      quantity integer check (quantity >= 1),
      note text,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index arrival_assistance_arrival on arrival_assistance (arrival_id);

    -- A permission added in this release: protection officers approve a child's best-interest determination.
    update roles set permissions = array_append(permissions, 'returnCase.approve'), updated_at = now()
      where code = 'protection_officer' and builtin and not ('returnCase.approve' = any (permissions));
  `.execute(db);
}
