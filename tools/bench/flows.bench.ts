// Flow count import: N valid rows written as a CSV file, imported through Taama's import path
// (streamed parsing, conversion, core's rules, row keys, COPY or batched inserts, one audit entry)
// beside two PostgreSQL COPY baselines measured in the same run (see flowsBench).
// The imported counts are deleted afterwards (the audit log keeps its import entry: append-only).
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createReadStream } from 'node:fs';
import { sql } from 'kysely';
import { type Permission } from '@taama/core';
import { createRng } from '../demo/src/rng';
import type { DatabaseHandle } from '../../apps/server/src/platform/db/database';
import type { RequestContext } from '../../apps/server/src/platform/auth/context';
import { runImport } from '../../apps/server/src/modules/flows/import/import.service';
import type { BenchContext } from './context';
import { copyFile, copyOutToFile } from './copy';
import type { BenchRow } from './rows';
import { count, rate, ratio } from './stats';

/** Rows imported at each scale. */
const ROWS = { demo: 100_000, national: 1_000_000, global: 1_000_000 } as const;

const HEADER = 'fmp_id,date,direction,origin_country,final_destination_country,transport_mode,men,women,boys,girls,sex_age_unknown,total';
const POINTS = Array.from({ length: 13 }, (_, i) => `ML-FMP-${String(i + 1).padStart(2, '0')}`);
const DIRECTIONS = ['incoming', 'outgoing', 'transit'] as const;
const COUNTRIES = ['MLI', 'BFA', 'NER', 'DZA', 'MRT', 'GIN', 'SEN', 'CIV', 'OOO'] as const;
const TRANSPORT = ['bus', 'truck', 'car', 'motorcycle'] as const;

/** Writes `rows` valid flow-count lines (dates 2017–2024, all points active then). */
async function writeCsv(path: string, rows: number, seed: number): Promise<void> {
  const rng = createRng(seed);
  const out = createWriteStream(path);
  const start = Date.UTC(2017, 0, 1);
  let chunk = `${HEADER}\n`;
  for (let i = 0; i < rows; i += 1) {
    const men = rng.int(0, 60);
    const women = rng.int(0, 10);
    const boys = rng.int(0, 5);
    const girls = rng.int(0, 5);
    const unknown = rng.int(0, 1);
    const date = new Date(start + rng.int(0, 8 * 365 - 1) * 86_400_000).toISOString().slice(0, 10);
    chunk += `${rng.pick(POINTS)},${date},${rng.pick(DIRECTIONS)},${rng.pick(COUNTRIES)},${rng.pick(COUNTRIES)},${rng.pick(TRANSPORT)},${men},${women},${boys},${girls},${unknown},${men + women + boys + girls + unknown}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function benchContext(handle: DatabaseHandle, organisationId: string): RequestContext {
  const permissions = new Set<Permission>(['flow.read', 'flow.manage', 'flow.validate']);
  return {
    db: handle.db,
    user: { id: randomUUID(), username: 'bench', displayName: 'Benchmark', email: null, locale: 'en', organisationId, siteId: null, regionPcode: null, mustChangePassword: false },
    session: { id: 'bench', expiresAt: new Date(Date.now() + 3_600_000), csrfToken: 'bench', viaCookie: false },
    roles: ['bench'],
    permissions,
    grants: new Map([...permissions].map((p) => [p, 'all' as const])),
    maxSensitivity: 'internal',
    requestId: 'bench',
    ip: '127.0.0.1',
    scope: { kind: 'all' },
  };
}

/**
 * The import rows: valid-only and all-or-nothing imports of the same file, each beside two COPY
 * baselines measured in the same run: (1) COPY of the CSV file into a bare unlogged table of the
 * CSV's columns (the database's fastest load, no indexes or logging), and (2) COPY of the very rows
 * the import stored (every column, dumped from the first import) into a logged table made
 * `like flow_counts including all` (same indexes, checks and defaults; foreign keys are not copied
 * by LIKE). The target check uses (2), the database's own bulk path to the same destination.
 */
export async function flowsBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows = ROWS[ctx.scale];
  const handle = ctx.handle;
  const dir = mkdtempSync(join(tmpdir(), 'taama-flows-bench-'));
  const path = join(dir, 'counts.csv');
  const stored = join(dir, 'stored.tsv');
  try {
    await writeCsv(path, rows, 1);
    const fileBytes = statSync(path).size;
    const organisationId = (await handle.db.selectFrom('organisations').select('id').where('code', '=', 'iom').executeTakeFirstOrThrow()).id;
    const out: BenchRow[] = [];
    const bareSeconds = await timedCopy(handle, path);
    let likeSeconds: number | null = null;
    for (const mode of ['valid-only', 'all-or-nothing'] as const) {
      ctx.log(`  import of ${count(rows)} rows (${mode})…`);
      const importId = randomUUID();
      const t0 = performance.now();
      const report = await runImport(benchContext(handle, organisationId), { kind: 'counts', mode, fileName: 'bench.csv', source: null, mapping: null, importId, totalBytes: fileBytes, file: createReadStream(path) });
      const seconds = (performance.now() - t0) / 1000;
      if (report.imported !== rows) throw new Error(`the import took ${report.imported} of ${rows} rows (${report.rejected.length} rejected)`);
      // The stored rows, dumped once, are what baseline (2) loads; the embedded database's socket
      // server has no COPY, so there the bare-table COPY is not run either and (2) is absent.
      if (likeSeconds === null && handle.kind === 'postgres') likeSeconds = await timedCopyLike(handle, importId, stored);
      await handle.db.deleteFrom('flowCounts').where('importId', '=', importId).execute();
      await handle.db.deleteFrom('flowImports').where('id', '=', importId).execute();
      const perSecond = rows / seconds;
      const baselines = [bareSeconds === null ? null : `${rate(rows / bareSeconds, 'rows')} (1: COPY of the CSV into a bare unlogged table)`, likeSeconds === null ? null : `${rate(rows / likeSeconds, 'rows')} (2: COPY of the stored rows into a logged copy of flow_counts with its indexes)`].filter((b) => b !== null);
      const ratios = [bareSeconds === null ? null : `${ratio(seconds, bareSeconds)} of (1)`, likeSeconds === null ? null : `${ratio(seconds, likeSeconds)} of (2)`].filter((r) => r !== null);
      out.push({
        measure: `Flow count import, ${mode} (${count(rows)} rows, ${(fileBytes / 1e6).toFixed(1)} MB CSV)`,
        taama: rate(perSecond, 'rows'),
        baseline: baselines.length > 0 ? baselines.join('; ') : 'no COPY on the embedded database',
        ratio: ratios.length > 0 ? ratios.join('; ') : '–',
        target: likeSeconds === null ? '≥ 50,000 rows/s (no COPY baseline on this engine)' : '≥ 50,000 rows/s and ≤ 3× baseline (2)',
        met: perSecond >= 50_000 && (likeSeconds === null || seconds <= 3 * likeSeconds),
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Baseline (1): COPY of the file into an unlogged table with the same columns and types as the CSV. */
async function timedCopy(handle: DatabaseHandle, path: string): Promise<number | null> {
  if (handle.kind !== 'postgres') return null;
  await sql`drop table if exists bench_flow_counts_copy`.execute(handle.db);
  await sql`create unlogged table bench_flow_counts_copy (fmp_id text, date date, direction text, origin_country text, final_destination_country text, transport_mode text, men int, women int, boys int, girls int, sex_age_unknown int, total int)`.execute(handle.db);
  const client = await handle.pool.connect();
  try {
    const t = performance.now();
    await copyFile(client, 'copy bench_flow_counts_copy from stdin with (format csv, header true)', path);
    return (performance.now() - t) / 1000;
  } finally {
    client.release();
    await sql`drop table bench_flow_counts_copy`.execute(handle.db);
  }
}

/** Baseline (2): the rows an import stored, dumped to a file, then COPYed (timed) into a logged table like flow_counts. */
async function timedCopyLike(handle: DatabaseHandle, importId: string, path: string): Promise<number> {
  await sql`drop table if exists bench_flow_counts_like`.execute(handle.db);
  await sql`create table bench_flow_counts_like (like flow_counts including all)`.execute(handle.db);
  const client = await handle.pool.connect();
  try {
    // COPY takes no parameters: the id is one this benchmark made, checked before it is spliced in.
    if (!/^[0-9a-f-]{36}$/.test(importId)) throw new Error('unexpected import id');
    await copyOutToFile(client, `copy (select * from flow_counts where import_id = '${importId}') to stdout`, path);
    const t = performance.now();
    await copyFile(client, 'copy bench_flow_counts_like from stdin', path);
    return (performance.now() - t) / 1000;
  } finally {
    client.release();
    await sql`drop table bench_flow_counts_like`.execute(handle.db);
  }
}
