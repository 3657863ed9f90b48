// Writes a batch of imported rows, skipping any row that clashes with one already stored (row key,
// or the id of Taama's own export) and saying how many were written.
//  - PostgreSQL: the batch's keys are looked up first (one indexed query), the new rows are COPYed
//    straight into the table under a savepoint, and if a concurrent import stored one of them in the
//    meantime (unique violation) the batch goes through a temporary table and
//    `insert … select … on conflict do nothing` instead.
//  - The embedded database's socket server does not speak COPY: one multi-row insert (flows.bulk.ts).
import { sql } from 'kysely';
import type pg from 'pg';
import type { Tx } from '../../../platform/db/database';
import { copyChunks, copyText } from '../../../platform/db/copy';
import { BULK_COLUMNS, bulkInsert, type BulkTable } from '../flows.bulk';

/** A row ready to store: its table row (camelCase, as countRow/surveyRow build it) and its keys. */
export interface PreparedRow {
  id: string;
  rowKey: string;
  /** The id came from the file (Taama's own export): it may already be stored. */
  givenId: boolean;
  row: Record<string, unknown>;
}

/** Writes a batch in the caller's transaction; returns how many rows were inserted. */
export type BatchWriter = (tx: Tx, rows: readonly PreparedRow[]) => Promise<number>;

/** The multi-row insert writer (both engines; the only one on the embedded database). */
export function insertWriter(table: BulkTable): BatchWriter {
  return (tx, rows) => bulkInsert(tx, table, rows.map((r) => r.row), { skipDuplicates: true });
}

const UNIQUE_VIOLATION = '23505';
const COPY_CHUNK_CHARS = 1 << 18;

/** The COPY writer for PostgreSQL; `client` must be the connection `tx` runs on. */
export function copyWriter(table: BulkTable, client: pg.PoolClient): BatchWriter {
  const types = BULK_COLUMNS[table] as Record<string, string>;
  const names = Object.keys(types);
  const keys = names.map((n) => n.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
  // Whole numbers and checked dates never hold a tab, line break or backslash; anything else is escaped.
  const plain = names.map((n) => types[n] === 'integer' || types[n] === 'date');
  const columnList = names.join(', ');

  function* copyBody(rows: readonly PreparedRow[]): Generator<string> {
    const now = new Date().toISOString();
    let chunk = '';
    for (const { row } of rows) {
      let line = '';
      for (let i = 0; i < keys.length; i += 1) {
        const key = keys[i] as string;
        const value = row[key];
        let text: string;
        if (value === null || value === undefined) text = key === 'createdAt' || key === 'updatedAt' ? now : '\\N';
        else if (plain[i]) text = typeof value === 'string' ? value : String(value);
        else text = copyText(value);
        line += i === 0 ? text : `\t${text}`;
      }
      chunk += `${line}\n`;
      if (chunk.length > COPY_CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk !== '') yield chunk;
  }

  return async (tx, rows) => {
    if (rows.length === 0) return 0;
    const given = rows.filter((r) => r.givenId).map((r) => r.id);
    const stored = await sql<{ id: string; rowKey: string | null }>`
      select id, row_key from ${sql.table(table)}
      where row_key = any(${rows.map((r) => r.rowKey)}::text[]) ${given.length > 0 ? sql`or id = any(${given}::uuid[])` : sql``}`.execute(tx);
    const takenKeys = new Set(stored.rows.map((r) => r.rowKey));
    const takenIds = new Set(stored.rows.map((r) => r.id));
    const fresh: PreparedRow[] = [];
    for (const r of rows) {
      // A clash with a stored row or with an earlier row of the same batch is a duplicate.
      if (takenKeys.has(r.rowKey) || (r.givenId && takenIds.has(r.id))) continue;
      takenKeys.add(r.rowKey);
      if (r.givenId) takenIds.add(r.id);
      fresh.push(r);
    }
    if (fresh.length === 0) return 0;
    // In key order, the unique index on row keys (random hashes) is filled page by page.
    fresh.sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0));
    await sql`savepoint flow_import_copy`.execute(tx);
    try {
      await copyChunks(client, `copy ${table} (${columnList}) from stdin`, copyBody(fresh));
      await sql`release savepoint flow_import_copy`.execute(tx);
      return fresh.length;
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
      await sql`rollback to savepoint flow_import_copy`.execute(tx);
    }
    // Another import stored some of these rows since the lookup: let the database skip them.
    await sql`create temporary table flow_import_stage (like ${sql.table(table)} including defaults) on commit drop`.execute(tx);
    await copyChunks(client, `copy flow_import_stage (${columnList}) from stdin`, copyBody(fresh));
    const inserted = await sql`insert into ${sql.table(table)} (${sql.raw(columnList)}) select ${sql.raw(columnList)} from flow_import_stage on conflict do nothing`.execute(tx);
    await sql`drop table flow_import_stage`.execute(tx);
    return Number(inserted.numAffectedRows ?? 0);
  };
}
