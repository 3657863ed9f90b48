// Child process that owns the embedded PGlite database and serves it over the PostgreSQL protocol
// on loopback, so the API reaches it through the same pg.Pool as a real server and a slow query
// never blocks the API's event loop.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';

export interface EmbeddedStartMessage {
  type: 'start';
  dataDir: string;
  maxConnections: number;
  port: number;
}
export type EmbeddedReply = { type: 'ready'; port: number } | { type: 'error'; message: string };

async function start(message: EmbeddedStartMessage): Promise<void> {
  const dir = join(message.dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Read streams without look-ahead: on PGlite (PostgreSQL 18, io_method=sync) the look-ahead of
  // sequential and bitmap heap scans made the next statement fail with "bad buffer ID: 0" once the
  // demo held a few thousand people (decision 22). One block at a time avoids it; the embedded
  // database is small enough that prefetching gains little.
  const db = await PGlite.create(dir, {
    extensions: { pg_trgm, fuzzystrmatch, unaccent, pgcrypto },
    startParams: [...PGlite.defaultStartParams, '-c', 'effective_io_concurrency=0', '-c', 'maintenance_io_concurrency=0', '-c', 'io_combine_limit=1'],
  });
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: message.port,
    maxConnections: message.maxConnections,
  });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await db.close(); // flushes and closes the data directory cleanly
    process.exit(0);
  };
  process.on('message', (m: { type?: string }) => {
    if (m.type === 'stop') void stop();
  });
  // The parent died without telling us: close the database cleanly rather than linger.
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => undefined); // the parent decides when we stop
  process.send?.({ type: 'ready', port } satisfies EmbeddedReply);
}

process.once('message', (message: EmbeddedStartMessage) => {
  start(message).catch((error: unknown) => {
    process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies EmbeddedReply);
    process.exit(1);
  });
});
