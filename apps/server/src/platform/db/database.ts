// One database path for both engines: a pg.Pool + Kysely over PostgreSQL or the embedded server.
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from './schema';
import { EMBEDDED_POOL_SIZE, startEmbeddedDatabase } from './embedded';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DatabaseKind = 'pglite' | 'postgres';

/** The pool and engine behind each Kysely instance made by `connect` (and each pinned one). */
const origins = new WeakMap<Db, { pool: pg.Pool; kind: DatabaseKind }>();

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
  origins.set(db, { pool, kind });
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

/** Which engine a database made by `connect` runs on (undefined for any other Kysely instance). */
export function engineOf(db: Db): DatabaseKind | undefined {
  return origins.get(db)?.kind;
}

/** One pool connection held for a whole job: a Kysely instance bound to it, and the raw client. */
export interface PinnedConnection {
  db: Db;
  client: pg.PoolClient;
  /** Gives the connection back; `broken` closes it instead (e.g. after a failed COPY). */
  release(broken?: boolean): void;
}

/**
 * Takes one connection from the pool behind `db` for work that mixes Kysely statements (and
 * transactions) with what only the raw client can do (COPY): both go through the same session, in
 * order. Returns null for a Kysely instance not made by `connect`.
 */
export async function pinConnection(db: Db): Promise<PinnedConnection | null> {
  const origin = origins.get(db);
  if (!origin) return null;
  const client = await origin.pool.connect();
  // Kysely asks its pool for a client per statement or transaction and releases it after: this
  // pool always answers the pinned client, and its release keeps it.
  const held = { query: (text: string, values: unknown[]) => client.query(text, values), release: () => undefined };
  const pool = { connect: () => Promise.resolve(held), end: () => Promise.resolve() };
  const pinned = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }), plugins: [new CamelCasePlugin()] });
  origins.set(pinned, origin);
  let released = false;
  return {
    db: pinned,
    client,
    release(broken = false) {
      if (released) return;
      released = true;
      client.release(broken);
    },
  };
}
