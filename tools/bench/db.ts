// The benchmark's database: a throwaway embedded database in a temporary directory, or the
// PostgreSQL database named by DATABASE_URL; filled with the demo generator at the chosen scale.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connect, type DatabaseHandle } from '../../apps/server/src/platform/db/database';
import { startEmbeddedDatabase } from '../../apps/server/src/platform/db/embedded';
import { prepareDatabase } from '../../apps/server/src/setup';
import { BENCH_PASSWORD } from './app';
import { fillFlowCounts, fillPeople } from './fill';

export type Scale = 'demo' | 'national' | 'global';
export type Engine = 'embedded' | 'postgres';

/**
 * What each scale holds. demo: the normal demo (SPEC §14). national: SPEC §15's one-country
 * programme, 1,000,000 people (≈4.8 services each) and 10,000,000 flow count rows. global: the same
 * registry with 30,000,000 flow count rows (flows are what grows with more countries' points).
 */
export const SCALES: Record<Scale, { people: number | null; flowRows: number | null }> = {
  demo: { people: null, flowRows: null },
  national: { people: 1_000_000, flowRows: 10_000_000 },
  global: { people: 1_000_000, flowRows: 30_000_000 },
};

export interface BenchDatabase {
  handle: DatabaseHandle;
  engine: Engine;
  close(): Promise<void>;
}

/** Opens the engine's database; the embedded one lives in a temporary directory removed at close. */
export async function openBenchDatabase(engine: Engine): Promise<BenchDatabase> {
  if (engine === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('--db postgres needs DATABASE_URL (a throwaway database: the benchmark fills it)');
    const handle = connect(url, 'postgres', { max: 60 });
    return { handle, engine, close: () => handle.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'taama-bench-'));
  const embedded = await startEmbeddedDatabase(dir);
  const handle = connect(embedded.url, 'pglite');
  return {
    handle,
    engine,
    async close() {
      await handle.close();
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Loads the demo (every scale starts from it), then tops up people and flow rows to the scale. */
export async function fillBenchDatabase(handle: DatabaseHandle, scale: Scale, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const report = await prepareDatabase(handle, { demo: true, demoPassword: BENCH_PASSWORD, demoSeed: 1, demoScale: 1 });
  log(`  demo ${report.demoLoaded ? 'loaded' : 'already there'} (${Math.round((performance.now() - started) / 1000)} s)`);
  const target = SCALES[scale];
  if (target.people !== null) await fillPeople(handle, target.people, log);
  if (target.flowRows !== null) await fillFlowCounts(handle, target.flowRows, log);
  if (target.people !== null || target.flowRows !== null) await sql`analyze`.execute(handle.db);
}

/** Row counts of the tables the figures depend on, for the report. */
export async function tableSizes(handle: DatabaseHandle): Promise<{ people: number; services: number; flowCounts: number }> {
  const n = async (table: 'people' | 'services' | 'flow_counts') => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(handle.db)).rows[0]?.n ?? 0);
  return { people: await n('people'), services: await n('services'), flowCounts: await n('flow_counts') };
}
