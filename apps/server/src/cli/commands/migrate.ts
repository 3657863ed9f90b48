// `taama migrate`: brings the schema to this version, then loads reference data and default roles.
import { appliedMigrations, migrateToLatest } from '../../platform/db/migrate';
import { loadReferenceData } from '../../modules/reference/reference.load';
import { ensureDefaultRoles } from '../../modules/admin/roles.seed';
import type { DatabaseHandle } from '../../platform/db/database';
import { EXIT_OK, expectPositionals, HELP_OPTION, INVOCATION, parseCommand, type CommandRun, type Io } from '../args';
import { describeDatabase, withDatabase } from '../runtime';

const HELP = `Usage: ${INVOCATION} migrate

Applies the pending database migrations, then adds missing reference data (P-codes, countries,
flow monitoring points) and missing default roles. Safe to run at any time: what exists is kept.
The server does the same at every start; this command lets you do it ahead of an upgrade.`;

/** Migrations, reference data and default roles: what every database needs before use. */
export async function prepareSchema(handle: DatabaseHandle, io: Io): Promise<void> {
  const applied = await migrateToLatest(handle.db);
  const all = await appliedMigrations(handle.db);
  io.out(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : `Schema up to date (${all.length} migration(s) applied, latest ${all.at(-1) ?? 'none'})`);
  const reference = await loadReferenceData(handle.db);
  const added = Object.entries(reference).filter(([, n]) => n > 0);
  io.out(added.length > 0 ? `Reference data added: ${added.map(([table, n]) => `${table} ${n}`).join(', ')}` : 'Reference data up to date');
  const roles = await ensureDefaultRoles(handle.db);
  io.out(roles.length > 0 ? `Default roles added: ${roles.join(', ')}` : 'Default roles present');
}

export const runMigrate: CommandRun = async (args, io) => {
  const { values, positionals } = parseCommand(args, HELP_OPTION);
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  expectPositionals(positionals, []);
  return withDatabase(io, async (handle, config) => {
    io.err(`Migrating the ${describeDatabase(handle, config)}`);
    await prepareSchema(handle, io);
    return EXIT_OK;
  });
};
