// Starts the embedded database (PGlite in a child process) and hands back a PostgreSQL URL.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { acquireLock } from './lock';
import type { EmbeddedReply, EmbeddedStartMessage } from './embedded-process';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// The socket accepts a spare connection so a pool can replace a dropped client; the API itself uses
// exactly one (EMBEDDED_POOL_SIZE), see docs/decisions.md.
export const EMBEDDED_MAX_CONNECTIONS = 2;

/**
 * pglite-socket serialises whole transactions, but outside a transaction it interleaves protocol
 * messages from different connections one by one, so one client's Parse/Bind/Execute can be split
 * by another's: measured here as wrong rows returned to the wrong query. One connection is safe.
 */
export const EMBEDDED_POOL_SIZE = 1;

/** Locks the data directory, starts PGlite behind a loopback socket and waits until it answers. */
export async function startEmbeddedDatabase(dataDir: string, options: { port?: number } = {}): Promise<EmbeddedDatabase> {
  const lock = acquireLock(dataDir);
  const entry = fileURLToPath(new URL('./embedded-process.ts', import.meta.url));
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (child.pid !== undefined) lock.update({ childPid: child.pid });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (reply: EmbeddedReply) => {
        if (reply.type === 'ready') resolve(reply.port);
        else reject(new Error(`Embedded database failed to start: ${reply.message}`));
      });
      child.once('exit', (code) => reject(new Error(`Embedded database exited during start-up (code ${code})`)));
      child.send({ type: 'start', dataDir, maxConnections: EMBEDDED_MAX_CONNECTIONS, port: options.port ?? 0 } satisfies EmbeddedStartMessage);
    });
    lock.update({ port });
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        if (!exited) {
          child.send({ type: 'stop' });
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exit;
          clearTimeout(timer);
        }
        lock.release();
      },
    };
  } catch (error) {
    if (!exited) child.kill('SIGKILL');
    lock.release();
    throw error;
  }
}
