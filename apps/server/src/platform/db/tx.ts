// One transaction per service call: everything inside commits together or not at all.
import type { Db, Tx } from './database';

/**
 * The embedded database (PGlite, PostgreSQL 18 in WebAssembly) sometimes fails a statement with the
 * internal error "bad buffer ID: 0" while releasing the previous statement's buffers (decisions 22
 * and 23); the embedded process then restarts the engine (decision 26). The transaction was rolled
 * back whole, so running it again is safe; PostgreSQL never raises it, and any other error is never
 * retried.
 */
const ENGINE_GLITCH_RETRIES = 6;

function isEngineGlitch(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === 'XX000' && typeof e.message === 'string' && e.message.startsWith('bad buffer ID');
}

/** Runs `work` in a transaction (READ COMMITTED; rows that must not race are locked FOR UPDATE). */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= ENGINE_GLITCH_RETRIES || !isEngineGlitch(error)) throw error;
    }
  }
}
