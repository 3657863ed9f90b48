// Restores a backup into an empty database, in one transaction: the schema is migrated to exactly
// the backup's migrations, the rows that migrations and start-up insert (reference data, default
// roles) are replaced by the backup's, sequences get their saved values, and the audit chain is
// verified before commit. Anything wrong rolls everything back.
import { createReadStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CamelCasePlugin, Migrator, sql, type QueryExecutorProvider, type Transaction } from 'kysely';
import { migrations as knownMigrations } from '../../migrations/index';
import type { DatabaseHandle } from '../../platform/db/database';
import type { Database } from '../../platform/db/schema';
import { verifyAuditChain, type VerifyResult } from '../../platform/audit/audit';
import { CommandFailed } from '../args';
import { listMaterializedViews, listSequences, listTables, qualified, quoteIdent, type TableInfo } from './catalog';
import { parseHeader, parseMarker, readLines, type BackupHeader, type BackupTrailer } from './format';

/** Rows per INSERT, and the most JSON text sent in one (whichever comes first). */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 4 * 1024 * 1024;

export interface OpenedBackup {
  file: string;
  header: BackupHeader;
  /** The lines after the header, numbered from 2. */
  lines: AsyncIterator<string>;
  close(): void;
}

/** Opens a backup file and reads its header; the rows are read later, as they are restored. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  if (!existsSync(file)) throw new CommandFailed(`No such file: ${file}`);
  // pipeline() hands stream errors (a truncated or corrupt gzip) to the last stream, so they
  // surface while reading lines; its callback has nothing left to do.
  const text = pipeline(createReadStream(file), createGunzip(), () => undefined);
  const lines = readLines(text);
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (error) {
    text.destroy();
    throw new CommandFailed(`${file} is not a Taama backup (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    const header = parseHeader(first.done ? undefined : first.value, file);
    return { file, header, lines, close: () => text.destroy() };
  } catch (error) {
    text.destroy();
    throw error;
  }
}

export interface RestoreSummary {
  tables: { name: string; rows: number }[];
  audit: VerifyResult;
  /** Migrations of this Taama version newer than the backup: `migrate` (or a server start) applies them. */
  pendingMigrations: string[];
  durationMs: number;
}

const migrationTables = { migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' } as const;

function isPrefix(prefix: string[], of: string[]): boolean {
  return prefix.length <= of.length && prefix.every((name, i) => of[i] === name);
}

async function appliedNames(db: QueryExecutorProvider): Promise<string[]> {
  const exists = await sql<{ ok: boolean }>`select to_regclass('schema_migrations') is not null as ok`.execute(db);
  if (!exists.rows[0]?.ok) return [];
  return (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db)).rows.map((r) => r.name);
}

/** What makes a database non-empty: any account or any audit entry (every application write is audited). */
async function contents(db: QueryExecutorProvider): Promise<{ users: number; auditEntries: number }> {
  const exists = await sql<{ users: boolean; audit: boolean }>`select to_regclass('users') is not null as users, to_regclass('audit_log') is not null as audit`.execute(db);
  const row = exists.rows[0];
  const count = async (table: string, present: boolean | undefined) =>
    present ? ((await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(quoteIdent(table))}`.execute(db)).rows[0]?.n ?? 0) : 0;
  return { users: await count('users', row?.users), auditEntries: await count('audit_log', row?.audit) };
}

async function assertEmpty(db: QueryExecutorProvider): Promise<void> {
  const { users, auditEntries } = await contents(db);
  if (users > 0 || auditEntries > 0) {
    throw new CommandFailed(
      `The database is not empty (${users} user(s), ${auditEntries} audit entries): a restore only writes into a new, empty database, and nothing was changed. Use a new TAAMA_DATA_DIR or an empty PostgreSQL database.`,
    );
  }
}

/** Checks that this Taama version and the target database can take the backup's schema, then migrates the target to exactly it. */
async function prepareTarget(handle: DatabaseHandle, header: BackupHeader): Promise<string[]> {
  const known = Object.keys(knownMigrations);
  const last = header.migrations.at(-1);
  if (last === undefined) throw new CommandFailed('The backup has no migrations: it holds no Taama schema.');
  if (!isPrefix(header.migrations, known)) {
    throw new CommandFailed(`The backup was made at migration ${last}, which this Taama version does not have (it knows up to ${known.at(-1) ?? 'none'}). Restore it with the version that made it or a newer one.`);
  }
  const raw = handle.db.withoutPlugins();
  await assertEmpty(raw);
  const applied = await appliedNames(raw);
  if (!isPrefix(applied, header.migrations)) {
    throw new CommandFailed(
      `This database is at migration ${applied.at(-1) ?? '?'}, newer than the backup's ${last}. Restore into a fresh database (a new TAAMA_DATA_DIR or an empty PostgreSQL database); starting the server afterwards upgrades it.`,
    );
  }
  if (applied.length < header.migrations.length) {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => knownMigrations }, ...migrationTables });
    const { error } = await migrator.migrateTo(last);
    if (error) throw new CommandFailed(`Migrating the target to ${last} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return known.slice(header.migrations.length);
}

/** The target's tables must be the backup's, column for column. */
function matchTables(header: BackupHeader, tables: TableInfo[]): Map<string, TableInfo> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const t of header.tables) {
    const target = byName.get(t.name);
    if (!target) {
      problems.push(`table ${t.name} is missing here`);
      continue;
    }
    const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((c, i) => c === [...b].sort()[i]);
    if (!same(t.columns, target.columns) || !same(t.jsonColumns, target.jsonColumns)) problems.push(`table ${t.name} has other columns here`);
  }
  for (const t of tables) if (!header.tables.some((h) => h.name === t.name)) problems.push(`table ${t.name} is not in the backup`);
  if (problems.length > 0) throw new CommandFailed(`The database schema does not match the backup's: ${problems.join('; ')}.`);
  return byName;
}

/** INSERT … SELECT from a JSON array of rows (the one parameter); json values are unwrapped from their one-element arrays. */
function insertRowsSql(into: string, table: TableInfo, overriding: boolean, rowsJson: string) {
  const columns = table.columns.map(quoteIdent).join(', ');
  const values = table.columns.map((c) => (table.jsonColumns.includes(c) ? `(r.${quoteIdent(c)} -> 0)` : `r.${quoteIdent(c)}`)).join(', ');
  const head = `insert into ${into} (${columns})${overriding ? ' overriding system value' : ''} select ${values} from json_populate_recordset(null::${qualified(table)}, `;
  return sql`${sql.raw(head)}${rowsJson}::json) as r`;
}

const STAGE = 'taama_restore_stage';

/** Restores the opened backup into the database behind `handle` (see the file comment). */
export async function restoreBackup(
  handle: DatabaseHandle,
  backup: OpenedBackup,
  options: { acceptBrokenAudit: boolean; onTable?: (name: string, rows: number) => void },
): Promise<RestoreSummary> {
  const started = Date.now();
  const { header } = backup;
  const pendingMigrations = await prepareTarget(handle, header);
  const counts: Record<string, number> = {};
  const audit = await handle.db
    .withoutPlugins()
    .transaction()
    .execute(async (tx) => {
      const tables = await listTables(tx);
      const byName = matchTables(header, tables);
      // Nobody else reads or writes while the copy goes in (PostgreSQL may have a server attached).
      await sql`lock table ${sql.raw(tables.map(qualified).join(', '))} in access exclusive mode`.execute(tx);
      await assertEmpty(tx);
      for (const table of [...tables].reverse()) {
        await sql`delete from ${sql.raw(qualified(table))}`.execute(tx);
      }
      // Rows keep the change-sequence numbers they were saved with (the sync trigger steps aside).
      await sql`select set_config('taama.restoring', 'on', true)`.execute(tx);
      const trailer = await insertRows(tx, backup, byName, counts, options.onTable);
      for (const t of header.tables) {
        if ((counts[t.name] ?? 0) !== trailer.rows[t.name]) {
          throw new CommandFailed(`The backup's table ${t.name} should hold ${trailer.rows[t.name] ?? '?'} rows but ${counts[t.name] ?? 0} were read: the file is damaged.`);
        }
      }
      await restoreSequences(tx, trailer);
      for (const view of await listMaterializedViews(tx)) await sql`refresh materialized view ${sql.raw(qualified(view))}`.execute(tx);
      const result = await verifyAuditChain(tx.withPlugin(new CamelCasePlugin()));
      if (!result.ok && !options.acceptBrokenAudit) {
        throw new CommandFailed(
          `The restored audit chain does not verify (entry ${result.firstBrokenEntry}: ${result.reason}); nothing was restored. Use --accept-broken-audit to restore it anyway, e.g. to investigate.`,
        );
      }
      return result;
    });
  return {
    tables: header.tables.map((t) => ({ name: t.name, rows: counts[t.name] ?? 0 })),
    audit,
    pendingMigrations,
    durationMs: Date.now() - started,
  };
}

/** Streams the table sections into the tables, batch by batch; returns the trailer. */
async function insertRows(
  tx: Transaction<Database>,
  backup: OpenedBackup,
  byName: Map<string, TableInfo>,
  counts: Record<string, number>,
  onTable: ((name: string, rows: number) => void) | undefined,
): Promise<BackupTrailer> {
  const { header } = backup;
  let current: TableInfo | undefined;
  let section = 0;
  let batch: string[] = [];
  let chars = 0;
  let lineNumber = 1;

  const flush = async () => {
    if (!current || batch.length === 0) return;
    const into = current.selfReferencing ? STAGE : qualified(current);
    await insertRowsSql(into, current, !current.selfReferencing && current.identityAlways, `[${batch.join(',')}]`).execute(tx);
    counts[current.name] = (counts[current.name] ?? 0) + batch.length;
    batch = [];
    chars = 0;
  };
  const finishTable = async () => {
    await flush();
    if (!current) return;
    if (current.selfReferencing) {
      // Rows that reference rows of the same table go in with one statement: foreign keys are
      // checked at its end, so the order of rows in the file does not matter.
      const columns = current.columns.map(quoteIdent).join(', ');
      await sql`insert into ${sql.raw(qualified(current))} (${sql.raw(columns)})${sql.raw(current.identityAlways ? ' overriding system value' : '')} select ${sql.raw(columns)} from ${sql.raw(STAGE)}`.execute(tx);
      await sql`drop table ${sql.raw(STAGE)}`.execute(tx);
    }
    onTable?.(current.name, counts[current.name] ?? 0);
    current = undefined;
  };

  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await backup.lines.next();
    } catch (error) {
      throw new CommandFailed(`${backup.file} cannot be read after line ${lineNumber} (${error instanceof Error ? error.message : String(error)}): the file is damaged or incomplete.`);
    }
    if (next.done) break;
    lineNumber++;
    const line = next.value;
    if (line.startsWith('{')) {
      if (!current) throw new CommandFailed(`Backup line ${lineNumber} is a row outside any table: the file is damaged.`);
      batch.push(line);
      chars += line.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      continue;
    }
    const marker = parseMarker(line, lineNumber);
    await finishTable();
    if (marker.kind === 'end') {
      if (section !== header.tables.length) throw new CommandFailed(`The backup ends after ${section} of ${header.tables.length} tables: the file is damaged.`);
      const after = await backup.lines.next();
      if (!after.done) throw new CommandFailed(`Backup line ${lineNumber + 1} follows the end marker: the file is damaged.`);
      return marker.trailer;
    }
    const expected = header.tables[section++];
    const target = byName.get(marker.name);
    if (!expected || expected.name !== marker.name || !target) throw new CommandFailed(`Backup line ${lineNumber} opens table ${marker.name} out of order: the file is damaged.`);
    current = target;
    counts[target.name] = 0;
    if (target.selfReferencing) {
      await sql`create temporary table ${sql.raw(STAGE)} on commit drop as select * from ${sql.raw(qualified(target))} with no data`.execute(tx);
    }
  }
  throw new CommandFailed(`${backup.file} is incomplete: it ends at line ${lineNumber} without the end marker (was the backup interrupted?).`);
}

/** Gives every sequence the value it had when the backup was taken. */
async function restoreSequences(tx: Transaction<Database>, trailer: BackupTrailer): Promise<void> {
  const present = new Map((await listSequences(tx)).map((s) => [s.name, s]));
  for (const [name, state] of Object.entries(trailer.sequences)) {
    const sequence = present.get(name);
    if (!sequence) throw new CommandFailed(`The backup has a sequence ${name} that this database does not: the schemas differ.`);
    await sql`select setval(${qualified(sequence)}::regclass, ${state.value}::bigint, ${state.called})`.execute(tx);
  }
}
