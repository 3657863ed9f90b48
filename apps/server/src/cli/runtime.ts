// Opens the configured database for one command and always closes it, even on Ctrl-C, so the
// embedded database's child process never outlives the command and its lock is released.
import type pg from 'pg';
import { ConfigError, loadConfig, type Config } from '../config';
import { openDatabase, type DatabaseHandle } from '../platform/db/database';
import { DataDirInUseError } from '../platform/db/lock';
import { MigrationError } from '../platform/db/migrate';
import { CommandFailed, EXIT_INTERRUPTED, Interrupted, type Io } from './args';

// After an interrupt, stopping gets this long; past it the process exits anyway. The embedded
// database stops by itself when its parent goes away, and either engine rolls back an open
// transaction when its connection drops, so nothing half-done is committed.
const STOP_GRACE_MS = 15_000;

/** Reads the configuration from the same environment variables as the server. */
export function cliConfig(io: Io): Config {
  try {
    return loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CommandFailed(`configuration: ${error.message}`);
    throw error;
  }
}

/** Where the data lives, for messages. */
export function describeDatabase(handle: DatabaseHandle, config: Config): string {
  return handle.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL database (DATABASE_URL)';
}

/**
 * Runs `work` with the configured database open and closes it when `work` settles. SIGINT/SIGTERM
 * ends the connections in use, so the running statement fails and its transaction rolls back; the
 * database is then closed normally and the command ends with Interrupted (exit 130). With
 * `ownSignals`, `work` handles signals itself once the database is open (an interactive psql).
 */
export async function withDatabase<T>(io: Io, work: (handle: DatabaseHandle, config: Config) => Promise<T>, options: { ownSignals?: boolean } = {}): Promise<T> {
  const config = cliConfig(io);
  let handle: DatabaseHandle | undefined;
  const inUse = new Set<pg.PoolClient>();
  let interrupted: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      process.exit(EXIT_INTERRUPTED); // asked twice: do not wait any longer
    }
    interrupted = signal;
    io.err(`\n${signal}: stopping, rolling back and closing the database…`);
    for (const client of inUse) void client.end().catch(() => undefined);
    setTimeout(() => process.exit(EXIT_INTERRUPTED), STOP_GRACE_MS).unref();
  };
  const release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    handle.pool.on('acquire', (client) => {
      if (interrupted) void client.end().catch(() => undefined);
      else inUse.add(client);
    });
    handle.pool.on('release', (_error, client) => inUse.delete(client));
    if (interrupted) throw new Interrupted(interrupted);
    if (options.ownSignals) release();
    return await work(handle, config);
  } catch (error) {
    if (interrupted) throw new Interrupted(interrupted);
    // Errors whose message is the whole story for the operator.
    if (error instanceof DataDirInUseError || error instanceof MigrationError) throw new CommandFailed(error.message);
    throw error;
  } finally {
    await handle?.close();
    release();
  }
}
