// Offline sync (SPEC §12): a change sequence on every synced table, devices, what each device was
// sent, and the stored outcome of every pushed change (idempotency).
import { sql, type Kysely } from 'kysely';

/** Tables whose rows a pull carries; each gets a `sync_seq` fed by the shared sequence. */
export const SYNCED_TABLES = [
  'sites',
  'admin_units',
  'countries',
  'people',
  'transit_cases',
  'screenings',
  'services',
  'referrals',
  'return_cases',
  'arrivals',
  'flow_monitoring_points',
  'communities',
  'awareness_activities',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // A trigger rather than the services: every writer (online routes, imports, merges, erasure, the
  // demo loader) moves the sequence, so no path can change a row without a pull seeing it.
  await sql`
    create sequence sync_seq;
    create function sync_seq_touch() returns trigger language plpgsql as $$
    begin
      new.sync_seq := nextval('sync_seq');
      return new;
    end $$;
  `.execute(db);
  for (const table of SYNCED_TABLES) {
    const t = sql.table(table);
    await sql`alter table ${t} add column sync_seq bigint`.execute(db);
    await sql`update ${t} set sync_seq = nextval('sync_seq')`.execute(db);
    await sql`alter table ${t} alter column sync_seq set not null`.execute(db);
    await sql`create index ${sql.id(`${table}_sync_seq`)} on ${t} (sync_seq)`.execute(db);
    await sql`create trigger ${sql.id(`${table}_sync_seq`)} before insert or update on ${t} for each row execute function sync_seq_touch()`.execute(db);
  }
  await sql`
    create table sync_devices (
      id uuid primary key,
      device_id uuid not null,
      user_id uuid not null references users (id),
      label text,
      registered_at timestamptz not null default now(),
      last_seen_at timestamptz,
      batch bigint not null default 0,
      wipe_requested_at timestamptz,
      wipe_requested_by uuid references users (id),
      wiped_at timestamptz,
      constraint sync_devices_device_id_key unique (user_id, device_id)
    );

    create table sync_device_records (
      device_id uuid not null references sync_devices (id) on delete cascade,
      entity text not null,
      record_id text not null,
      seq bigint not null,
      batch bigint not null,
      removed boolean not null default false,
      primary key (device_id, entity, record_id)
    );

    create table sync_changes (
      user_id uuid not null references users (id),
      idempotency_key uuid not null,
      request_hash text not null,
      device_id uuid references sync_devices (id) on delete set null,
      status text not null check (status in ('pending', 'done')),
      result jsonb,
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      primary key (user_id, idempotency_key)
    );
  `.execute(db);
}
