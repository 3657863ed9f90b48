// Two-factor sign-in (TOTP), sign-in challenges, and data-subject erasure requests (SPEC §3).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- null means "the built-in default" (required for administrator and protection_officer), so the
    -- default holds for roles seeded after this migration too; an administrator sets true or false.
    alter table roles add column requires_mfa boolean;

    -- The TOTP secret is stored encrypted with a key derived from the server secret; last_step is the
    -- last 30-second step a code was accepted for, so a code cannot be used twice.
    create table user_mfa (
      user_id uuid primary key references users (id),
      secret_enc text not null,
      confirmed_at timestamptz,
      last_step bigint,
      created_at timestamptz not null default now()
    );

    create table mfa_recovery_codes (
      id uuid primary key,
      user_id uuid not null references users (id),
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index mfa_recovery_codes_user on mfa_recovery_codes (user_id) where used_at is null;

    -- Between the password step and the code step of a sign-in. Only the keyed hash of the token is kept.
    create table mfa_challenges (
      id uuid primary key,
      token_hash text not null unique,
      user_id uuid not null references users (id),
      expires_at timestamptz not null,
      failed_count integer not null default 0,
      used_at timestamptz,
      ip text,
      user_agent text,
      created_at timestamptz not null default now()
    );
    create index mfa_challenges_user on mfa_challenges (user_id);

    -- Four-eyes erasure: one user asks, another carries it out.
    create table erasure_requests (
      id uuid primary key,
      person_id uuid not null references people (id),
      reason text not null,
      status text not null default 'pending' check (status in ('pending', 'done', 'cancelled')),
      requested_by uuid not null references users (id),
      requested_at timestamptz not null default now(),
      approved_by uuid references users (id),
      completed_at timestamptz
    );
    create unique index erasure_requests_one_pending on erasure_requests (person_id) where status = 'pending';
  `.execute(db);
}
