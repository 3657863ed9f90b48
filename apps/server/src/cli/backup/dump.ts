// Writes a consistent logical backup: every table read in one REPEATABLE READ snapshot, row by row
// through a server-side cursor (never a whole table in memory), gzip'd to a file that appears only
// once it is complete.
import { createWriteStream, rmSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../platform/db/database';
import { CommandFailed } from '../args';
import { listSequences, listTables, qualified, quoteIdent, type TableInfo } from './catalog';
import { BACKUP_FORMAT, BACKUP_VERSION, tableMarker, trailerLine, type BackupHeader, type SequenceState } from './format';

/** Rows fetched from the cursor at a time. */
export const FETCH_SIZE = 2000;

export interface BackupSummary {
  file: string;
  bytes: number;
  migrations: string[];
  tables: { name: string; rows: number }[];
  sequences: number;
  durationMs: number;
}

/** The SELECT whose rows are one JSON text each: insertable columns, json values wrapped, primary-key order. */
export function rowQuery(table: TableInfo): string {
  const columns = table.columns.map((column) => {
    const q = quoteIdent(column);
    return table.jsonColumns.includes(column) ? `case when t.${q} is null then null else json_build_array(t.${q}) end as ${q}` : `t.${q}`;
  });
  // Primary-key order makes two backups of the same data identical, which is easy to check.
  const order = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(', ')}` : '';
  return `select row_to_json(x)::text as line from (select ${columns.join(', ')} from ${qualified(table)} t${order}) x`;
}

/** Backs the whole database up into `file` (gzip'd JSON lines, see format.ts). */
export async function writeBackup(handle: DatabaseHandle, file: string, taamaVersion: string, onTable: (name: string, rows: number) => void = () => undefined): Promise<BackupSummary> {
  const started = Date.now();
  const partial = `${file}.partial`;
  const rows: Record<string, number> = {};
  let sequenceCount = 0;
  let header: BackupHeader;
  // An interrupted command exits without unwinding: the half-written file still goes.
  const removePartial = () => rmSync(partial, { force: true });
  process.on('exit', removePartial);
  try {
    header = await handle.db
      .withoutPlugins()
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        // Timestamps in UTC and floats in their shortest exact form, whatever the server's defaults.
        await sql`set local timezone = 'UTC'`.execute(tx);
        await sql`set local extra_float_digits = 1`.execute(tx);
        const hasSchema = await sql<{ ok: boolean }>`select to_regclass('schema_migrations') is not null as ok`.execute(tx);
        if (!hasSchema.rows[0]?.ok) throw new CommandFailed('Nothing to back up: this database has no Taama schema (run migrate, or check DATABASE_URL / TAAMA_DATA_DIR).');
        const migrations = (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(tx)).rows.map((r) => r.name);
        const tables = await listTables(tx);
        const sequences = await listSequences(tx);
        sequenceCount = sequences.length;
        const written: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          taamaVersion,
          source: handle.kind,
          migrations,
          tables: tables.map((t) => ({ name: t.name, columns: t.columns, jsonColumns: t.jsonColumns })),
        };
        const firstLine = JSON.stringify(written);
        async function* lines(): AsyncGenerator<string> {
          yield firstLine + '\n';
          for (const table of tables) {
            yield tableMarker(table.name) + '\n';
            let count = 0;
            await sql`declare taama_backup no scroll cursor for ${sql.raw(rowQuery(table))}`.execute(tx);
            for (;;) {
              const batch = await sql<{ line: string }>`fetch ${sql.raw(String(FETCH_SIZE))} from taama_backup`.execute(tx);
              if (batch.rows.length === 0) break;
              count += batch.rows.length;
              yield batch.rows.map((r) => r.line).join('\n') + '\n';
            }
            await sql`close taama_backup`.execute(tx);
            rows[table.name] = count;
            onTable(table.name, count);
          }
          // Read last: a sequence is not part of the snapshot, so its value is at least what the rows used.
          const states: Record<string, SequenceState> = {};
          for (const sequence of sequences) {
            const state = await sql<{ value: string; called: boolean }>`select last_value::text as value, is_called as called from ${sql.raw(qualified(sequence))}`.execute(tx);
            const row = state.rows[0];
            if (row) states[sequence.name] = { value: row.value, called: row.called };
          }
          yield trailerLine({ rows, sequences: states }) + '\n';
        }
        await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600 }));
        return written;
      });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    process.off('exit', removePartial);
  }
  return {
    file,
    bytes: (await stat(file)).size,
    migrations: header.migrations,
    tables: header.tables.map((t) => ({ name: t.name, rows: rows[t.name] ?? 0 })),
    sequences: sequenceCount,
    durationMs: Date.now() - started,
  };
}
