// Trigram indexes write straight into the index instead of a pending list. On the embedded database
// (PGlite) searches after a bulk load failed with "bad buffer ID" while the pending list was in
// use; without it the index stays consistent, at a small cost per insert.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter index people_name_key_trgm set (fastupdate = off)`.execute(db);
  await sql`alter index people_phones set (fastupdate = off)`.execute(db);
  await sql`alter index flow_counts_nationalities set (fastupdate = off)`.execute(db);
}
