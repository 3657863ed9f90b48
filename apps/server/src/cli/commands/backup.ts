// `taama backup <file>` and `taama restore <file>`: a logical copy of the whole database that
// restores on either engine (embedded ↔ PostgreSQL, both ways).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeBackup } from '../backup/dump';
import { openBackup, restoreBackup } from '../backup/restore';
import { CommandFailed, EXIT_OK, expectPositionals, HELP_OPTION, INVOCATION, parseCommand, type CommandRun, type Io } from '../args';
import { describeDatabase, withDatabase } from '../runtime';

const BACKUP_HELP = `Usage: ${INVOCATION} backup <file> [--force]

Writes a consistent backup of the whole database (every table, read in one snapshot, plus sequence
values) to <file>: gzip'd JSON lines, readable by \`restore\` on the embedded database or on
PostgreSQL, whichever this one is. The file appears only once complete; it is created readable by
its owner only, since it holds personal data and password hashes.

On PostgreSQL a backup can run while servers are up. The embedded database accepts one process at
a time, so stop the server first.

Options:
  --force   overwrite <file> if it exists`;

const RESTORE_HELP = `Usage: ${INVOCATION} restore <file> [--accept-broken-audit]

Restores a backup into an EMPTY database (no users, no audit entries): a new TAAMA_DATA_DIR, or an
empty PostgreSQL database named by DATABASE_URL. The schema is first migrated to the backup's
migrations; then, in one transaction, every table is replaced by the backup's rows, sequences get
their saved values and the audit chain is verified. Any problem rolls everything back.
A database that is not empty is refused and left unchanged.

Sessions survive only if the server keeps the same TAAMA_SECRET (or data-directory secret file).

Options:
  --accept-broken-audit   restore even if the backup's audit chain does not verify (reported)`;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function printTables(io: Io, tables: { name: string; rows: number }[]): void {
  const width = Math.max(...tables.map((t) => t.name.length));
  for (const t of tables) io.out(`  ${t.name.padEnd(width)}  ${t.rows}`);
}

export const runBackup: CommandRun = async (args, io) => {
  const { values, positionals } = parseCommand(args, { ...HELP_OPTION, force: { type: 'boolean' } });
  if (values.help) {
    io.out(BACKUP_HELP);
    return EXIT_OK;
  }
  const [target = ''] = expectPositionals(positionals, ['file']);
  const file = resolve(target);
  if (existsSync(file) && !values.force) throw new CommandFailed(`${file} exists; choose another name or pass --force to overwrite it.`);
  return withDatabase(io, async (handle, config) => {
    io.err(`Backing up the ${describeDatabase(handle, config)}…`);
    const summary = await writeBackup(handle, file, config.version);
    io.out(`Backup written to ${summary.file} (${formatBytes(summary.bytes)}, ${seconds(summary.durationMs)})`);
    io.out(`Migrations: ${summary.migrations.join(', ')}`);
    io.out(`Rows per table (${summary.tables.length} tables, ${summary.sequences} sequences):`);
    printTables(io, summary.tables);
    return EXIT_OK;
  });
};

export const runRestore: CommandRun = async (args, io) => {
  const { values, positionals } = parseCommand(args, { ...HELP_OPTION, 'accept-broken-audit': { type: 'boolean' } });
  if (values.help) {
    io.out(RESTORE_HELP);
    return EXIT_OK;
  }
  const [source = ''] = expectPositionals(positionals, ['file']);
  // The header is checked before the database is opened: a wrong file costs nothing.
  const backup = await openBackup(resolve(source));
  try {
    const { header } = backup;
    return await withDatabase(io, async (handle, config) => {
      io.err(`Restoring ${backup.file} (taken ${header.createdAt} from ${header.source === 'pglite' ? 'an embedded database' : 'PostgreSQL'}) into the ${describeDatabase(handle, config)}…`);
      const summary = await restoreBackup(handle, backup, { acceptBrokenAudit: values['accept-broken-audit'] ?? false });
      io.out(`Restored ${backup.file} in ${seconds(summary.durationMs)}`);
      io.out(`Rows per table (${summary.tables.length} tables):`);
      printTables(io, summary.tables);
      if (summary.audit.ok) io.out(`Audit chain: ok: ${summary.audit.entries} entries`);
      else io.out(`Audit chain: BROKEN at entry ${summary.audit.firstBrokenEntry}: ${summary.audit.reason}`);
      if (summary.pendingMigrations.length > 0) {
        io.out(`This version has ${summary.pendingMigrations.length} newer migration(s) (${summary.pendingMigrations.join(', ')}): run \`${INVOCATION} migrate\` or start the server to apply them.`);
      }
      return EXIT_OK;
    });
  } finally {
    backup.close();
  }
};
