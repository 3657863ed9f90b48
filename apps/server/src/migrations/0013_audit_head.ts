// The audit chain's head as a row (decision 33): an entry is linked and written in one statement
// that locks this row, instead of an advisory lock, a read of the newest entry and an insert.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One row: the newest entry's sequence number and hash, and the ones before them. Only
    -- appendAudit writes it, in the statement that inserts the entry, so it moves with the chain
    -- and rolls back with it.
    create table audit_chain_head (
      id boolean primary key default true check (id),
      prev_seq bigint not null,
      prev_hash text not null,
      seq bigint not null,
      hash text not null
    );
    insert into audit_chain_head (id, prev_seq, prev_hash, seq, hash)
    select true,
           coalesce((select seq from audit_log order by seq desc limit 1 offset 1), 0),
           coalesce((select prev_hash from audit_log order by seq desc limit 1), repeat('0', 64)),
           coalesce((select seq from audit_log order by seq desc limit 1), 0),
           coalesce((select hash from audit_log order by seq desc limit 1), repeat('0', 64));
  `.execute(db);
}
