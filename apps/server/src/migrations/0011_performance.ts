// Indexes for the scale targets of SPEC §15 (docs/benchmarks.md).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Name search and the duplicate check read candidates by both phonetic keys at once (either
    -- name order) near a birth year, instead of scanning the trigram index.
    create index people_name_block on people (family_key, given_key, birth_year);
    -- Case-number prefix search (ML-GAO-2025-…) whatever the database's collation.
    create index people_case_number_prefix on people (case_number text_pattern_ops);
  `.execute(db);
}
