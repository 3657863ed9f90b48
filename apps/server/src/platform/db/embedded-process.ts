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
const GLITCH = Buffer.from('bad buffer ID');

/**
 * The engine behind the socket, restarted when it reports the "bad buffer ID: 0" glitch (decision
 * 26). Once an engine instance raised it, every later statement of the same shape failed the same way
 * until the process restarted, while a fresh instance on the same files ran them cleanly. So after a
 * glitch, the next message that arrives outside a transaction (the failed one has been rolled back
 * by then) first closes the instance and opens a new one on the same data directory; committed data
 * is on disk, and the client's retry (tx.ts) runs on the fresh instance.
 */
class RestartingEngine {
  private glitched = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private current: PGlite,
    private readonly reopen: () => Promise<PGlite>,
  ) {}

  /** What the socket server sees: the live instance, with our serialisation and glitch watch. */
  readonly facade = new Proxy({} as PGlite, {
    get: (_target, prop) => {
      if (prop === 'runExclusive') return <T>(work: () => Promise<T>) => this.runExclusive(work);
      if (prop === 'execProtocolRawStream') return this.execProtocolRawStream;
      const value: unknown = Reflect.get(this.current, prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(this.current) : value;
    },
  });

  private runExclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.glitched && !this.current.isInTransaction()) await this.restart();
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private readonly execProtocolRawStream = (message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }) =>
    this.current.execProtocolRawStream(message, {
      ...options,
      onRawData: (data: Uint8Array) => {
        if (!this.glitched && Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(GLITCH)) this.glitched = true;
        options.onRawData(data);
      },
    });

  private async restart(): Promise<void> {
    this.glitched = false;
    await this.current.close();
    this.current = await this.reopen();
    process.stderr.write('embedded database: engine restarted after a "bad buffer ID" error\n');
  }

  /** Closes the live instance, after any work already queued. */
  async close(): Promise<void> {
    await this.queue;
    await this.current.close();
  }
}

export type EmbeddedReply = { type: 'ready'; port: number } | { type: 'error'; message: string };

async function start(message: EmbeddedStartMessage): Promise<void> {
  const dir = join(message.dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Read streams without look-ahead: on PGlite (PostgreSQL 18, io_method=sync) the look-ahead of
  // sequential and bitmap heap scans made the next statement fail with "bad buffer ID: 0" once the
  // demo held a few thousand people (decision 22). One block at a time avoids most of it; the
  // embedded database is small enough that prefetching gains little.
  const open = () =>
    PGlite.create(dir, {
      extensions: { pg_trgm, fuzzystrmatch, unaccent, pgcrypto },
      startParams: [...PGlite.defaultStartParams, '-c', 'effective_io_concurrency=0', '-c', 'maintenance_io_concurrency=0', '-c', 'io_combine_limit=1'],
    });
  const engine = new RestartingEngine(await open(), open);
  const server = new PGLiteSocketServer({
    db: engine.facade,
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
    await engine.close(); // flushes and closes the data directory cleanly
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
