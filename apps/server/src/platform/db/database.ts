// One database path for both engines: a pg.Pool + Kysely over PostgreSQL or the embedded server.
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from './schema';
import { EMBEDDED_POOL_SIZE, startEmbeddedDatabase } from './embedded';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  kind: DatabaseKind;
  url: string;
  close(): Promise<void>;
}

// int8 (bigint, count(*)) arrives as a string by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// Dates stay YYYY-MM-DD strings (SPEC §2): no local-time Date objects.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Connects to a PostgreSQL URL (a real server, or the embedded one). */
export function connect(url: string, kind: DatabaseKind, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: kind === 'pglite' ? EMBEDDED_POOL_SIZE : (options.max ?? 10),
    idleTimeoutMillis: 30_000,
    application_name: 'taama',
  });
  pool.on('error', () => undefined); // a dropped idle client is replaced on next use
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return {
    db,
    pool,
    kind,
    url,
    async close() {
      await db.destroy();
    },
  };
}

/** Opens the configured database: PostgreSQL when a URL is given, else the embedded one in dataDir. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) return connect(options.databaseUrl, 'postgres');
  const embedded = await startEmbeddedDatabase(options.dataDir);
  const handle = connect(embedded.url, 'pglite');
  return {
    ...handle,
    async close() {
      await handle.close();
      await embedded.stop();
    },
  };
}
