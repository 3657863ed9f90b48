// Platform tables: reference data, organisations, sites, roles, users, sessions, audit, settings.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;
    create extension if not exists fuzzystrmatch;
    create extension if not exists unaccent;
    create extension if not exists pgcrypto;

    create table admin_units (
      pcode text primary key check (pcode ~ '^[A-Z]{2}[0-9]{0,6}$'),
      name text not null,
      level smallint not null check (level between 0 and 3),
      parent_pcode text references admin_units (pcode),
      lon double precision,
      lat double precision
    );
    create index admin_units_parent on admin_units (parent_pcode);

    create table countries (
      iso3 text primary key check (iso3 ~ '^[A-Z]{3}$'),
      iso2 text,
      m49 text,
      name_fr text not null,
      name_en text not null,
      ecowas_status text,
      aes_member boolean not null default false,
      borders_mali boolean not null default false,
      region_group text
    );

    create table flow_monitoring_points (
      id text primary key,
      name text not null,
      country_iso3 text not null references countries (iso3),
      lat double precision,
      lon double precision,
      coord_quality text,
      adm1_pcode text references admin_units (pcode),
      adm2_pcode text references admin_units (pcode),
      adm3_pcode text references admin_units (pcode),
      fmp_type text not null,
      active_from date not null,
      active_to date,
      fmr_period text,
      fms_period text,
      note text
    );

    create table organisations (
      id uuid primary key,
      code text not null unique,
      name text not null,
      kind text not null,
      country_code text references countries (iso3),
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table sites (
      id uuid primary key,
      code text not null unique,
      name text not null,
      kind text not null,
      organisation_id uuid not null references organisations (id),
      pcode text references admin_units (pcode),
      country_code text not null references countries (iso3),
      capacity integer check (capacity >= 0),
      case_code_prefix text not null check (case_code_prefix ~ '^[A-Z]{2,5}$'),
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index sites_organisation on sites (organisation_id);

    create table roles (
      id uuid primary key,
      code text not null unique,
      name text not null,
      description text not null default '',
      scope text not null check (scope in ('own', 'site', 'organisation', 'region', 'all')),
      max_sensitivity text not null check (max_sensitivity in ('public', 'internal', 'personal', 'sensitive')),
      permissions text[] not null,
      builtin boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table users (
      id uuid primary key,
      username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,49}$'),
      display_name text not null,
      email text,
      phone text,
      locale text not null default 'fr' check (locale in ('fr', 'en')),
      password_hash text not null,
      organisation_id uuid not null references organisations (id),
      site_id uuid references sites (id),
      region_pcode text references admin_units (pcode),
      disabled_at timestamptz,
      must_change_password boolean not null default false,
      failed_login_count integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz not null default now(),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index users_organisation on users (organisation_id);
    create index users_site on users (site_id);

    create table user_roles (
      user_id uuid not null references users (id) on delete cascade,
      role_id uuid not null references roles (id),
      primary key (user_id, role_id)
    );
    create index user_roles_role on user_roles (role_id);

    create table sessions (
      id uuid primary key,
      token_hash text not null unique,
      user_id uuid not null references users (id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      ip text,
      user_agent text
    );
    create index sessions_user on sessions (user_id);

    create table audit_log (
      seq bigint generated always as identity primary key,
      id uuid not null unique,
      at timestamptz not null,
      actor_id uuid,
      actor_username text,
      action text not null,
      entity_type text,
      entity_id text,
      request_id text,
      ip text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    create index audit_log_entity on audit_log (entity_id, seq);
    create index audit_log_actor on audit_log (actor_id, seq);
    create index audit_log_at on audit_log (at);

    -- Append-only: the application never updates or deletes audit entries. Whoever bypasses this
    -- (a superuser disabling the trigger) is still caught by the hash chain.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();

    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
  `.execute(db);
}
