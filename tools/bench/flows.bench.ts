// Benchmark of the flow-count import (not a test): generates N valid rows as a CSV file, then times
// Taama's import path (streamed parsing, conversion, core's rules, jsonb batch inserts with row
// keys) against PostgreSQL's COPY of the same file into a scratch table, and prints rows/s and the
// ratio. Run against a scratch PostgreSQL database:
//   DATABASE_URL=postgres://… tsx tools/bench/flows.bench.ts [rows]
// The counts it imports are deleted afterwards; the audit log keeps one import entry (append-only).
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { sql } from 'kysely';
import { newId, type Permission } from '@taama/core';
import { createRng } from '../demo/src/rng';
import { connect, type DatabaseHandle } from '../../apps/server/src/platform/db/database';
import { migrateToLatest } from '../../apps/server/src/platform/db/migrate';
import { loadReferenceData } from '../../apps/server/src/modules/reference/reference.load';
import type { RequestContext } from '../../apps/server/src/platform/auth/context';
import { runImport } from '../../apps/server/src/modules/flows/import/import.service';

export interface FlowsBenchOptions {
  databaseUrl: string;
  /** Rows to generate (default 1,000,000). */
  rows?: number;
  seed?: number;
  /** Progress lines go here (default: none). */
  log?: (line: string) => void;
}

export interface FlowsBenchResult {
  rows: number;
  fileBytes: number;
  importSeconds: number;
  importRowsPerSecond: number;
  imported: number;
  rejected: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  /** How many times slower the import path is than COPY. */
  ratio: number;
}

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

/**
 * COPY … FROM STDIN over pg's connection, fed from a file: pg hands a "submittable" the
 * connection and forwards the COPY sub-protocol messages to it.
 */
function copyFromFile(client: pg.PoolClient, statement: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | null = null;
    type Connection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void; sendCopyFail(message: string): void };
    const submittable = {
      submit(connection: Connection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: Connection) {
        const file = createReadStream(path);
        file.on('data', (chunk) => connection.sendCopyFromChunk(chunk as Buffer));
        file.on('end', () => connection.endCopyFrom());
        file.on('error', (error) => connection.sendCopyFail(error.message));
      },
      handleCommandComplete() {},
      handleError(error: Error) {
        failed = error;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
    };
    (client as unknown as { query(s: unknown): void }).query(submittable);
  });
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

/** Runs the benchmark and returns the numbers. */
export async function runFlowsBench(options: FlowsBenchOptions): Promise<FlowsBenchResult> {
  const rows = options.rows ?? 1_000_000;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'taama-flows-bench-'));
  const path = join(dir, 'counts.csv');
  const handle = connect(options.databaseUrl, 'postgres', { max: 2 });
  try {
    await migrateToLatest(handle.db);
    await loadReferenceData(handle.db);
    log(`generating ${rows} rows…`);
    await writeCsv(path, rows, options.seed ?? 1);
    const fileBytes = statSync(path).size;
    const organisationId =
      (await handle.db.selectFrom('organisations').select('id').where('code', '=', 'bench-flows').executeTakeFirst())?.id ??
      (await handle.db.insertInto('organisations').values({ id: newId(), code: 'bench-flows', name: 'Benchmark', kind: 'other', countryCode: null, createdBy: null, updatedBy: null }).returning('id').executeTakeFirstOrThrow()).id;

    log('import path (valid-only)…');
    const importId = randomUUID();
    const t0 = performance.now();
    const report = await runImport(benchContext(handle, organisationId), { kind: 'counts', mode: 'valid-only', fileName: 'bench.csv', source: null, mapping: null, importId, totalBytes: fileBytes, file: createReadStream(path) });
    const importSeconds = (performance.now() - t0) / 1000;

    log('COPY into a scratch table…');
    await sql`drop table if exists bench_flow_counts_copy`.execute(handle.db);
    await sql`create unlogged table bench_flow_counts_copy (fmp_id text, date date, direction text, origin_country text, final_destination_country text, transport_mode text, men int, women int, boys int, girls int, sex_age_unknown int, total int)`.execute(handle.db);
    const client = await handle.pool.connect();
    let copySeconds: number;
    try {
      const t1 = performance.now();
      await copyFromFile(client, 'copy bench_flow_counts_copy from stdin with (format csv, header true)', path);
      copySeconds = (performance.now() - t1) / 1000;
    } finally {
      client.release();
    }

    await sql`drop table bench_flow_counts_copy`.execute(handle.db);
    await handle.db.deleteFrom('flowCounts').where('importId', '=', importId).execute();
    await handle.db.deleteFrom('flowImports').where('id', '=', importId).execute();
    return {
      rows,
      fileBytes,
      importSeconds,
      importRowsPerSecond: Math.round(rows / importSeconds),
      imported: report.imported,
      rejected: report.rejected.length,
      copySeconds,
      copyRowsPerSecond: Math.round(rows / copySeconds),
      ratio: Math.round((importSeconds / copySeconds) * 10) / 10,
    };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run from the command line: DATABASE_URL=… tsx tools/bench/flows.bench.ts [rows]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('Set DATABASE_URL to a scratch PostgreSQL database.');
    process.exit(2);
  }
  const rows = process.argv[2] ? Number(process.argv[2]) : undefined;
  runFlowsBench({ databaseUrl, rows, log: (line) => console.log(line) })
    .then((r) => {
      console.log(`rows ${r.rows} (${(r.fileBytes / 1e6).toFixed(1)} MB), imported ${r.imported}, rejected ${r.rejected}`);
      console.log(`import path: ${r.importSeconds.toFixed(1)} s, ${r.importRowsPerSecond} rows/s`);
      console.log(`COPY:        ${r.copySeconds.toFixed(1)} s, ${r.copyRowsPerSecond} rows/s`);
      console.log(`ratio: the import path takes ${r.ratio}× the time of COPY`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
