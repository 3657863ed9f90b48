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

export const EMBEDDED_MAX_CONNECTIONS = 4;

/** Locks the data directory, starts PGlite behind a loopback socket and waits until it answers. */
export async function startEmbeddedDatabase(dataDir: string, options: { port?: number } = {}): Promise<EmbeddedDatabase> {
  const lock = acquireLock(dataDir);
  const entry = fileURLToPath(new URL('./embedded-process.ts', import.meta.url));
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
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
