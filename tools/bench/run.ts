// `npm run bench [-- --scale demo|national|global --db embedded|postgres]`: fills a throwaway
// database with the demo generator at the chosen scale (bulk path, never the API), starts the API
// over it, runs every measurement module, prints one table and writes docs/benchmarks.md.
//   --db postgres uses DATABASE_URL (a throwaway database: it is filled and written to);
//   --db embedded (default) starts an embedded database in a temporary directory.
//   --only registry,flows,results,dashboard,sync,web  runs some modules only.
//   --runs N (latency repetitions, default 7) · --seconds N (per throughput level, default 5)
//   --conditions "…"  states the machine's conditions in the report (e.g. shared with other work).
//   --no-write  prints without touching docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { startBenchServer } from './app';
import type { BenchContext } from './context';
import { fillBenchDatabase, openBenchDatabase, SCALES, tableSizes, type Engine, type Scale } from './db';
import { dashboardBench } from './dashboard.bench';
import { flowsBench } from './flows.bench';
import { registryBench } from './registry.bench';
import { resultsBench } from './results.bench';
import type { BenchOptions, BenchRow } from './rows';
import { count } from './stats';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    db: { type: 'string', default: 'embedded' },
    only: { type: 'string' },
    runs: { type: 'string', default: '7' },
    seconds: { type: 'string', default: '5' },
    conditions: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const scale = values.scale as Scale;
const engine = values.db as Engine;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
if (engine !== 'embedded' && engine !== 'postgres') throw new Error('--db must be embedded or postgres');
if (engine === 'embedded' && scale !== 'demo') throw new Error('the embedded database runs the demo scale (SPEC §15); use --db postgres for larger scales');
const only = values.only ? new Set(values.only.split(',')) : null;
const wanted = (name: string) => only === null || only.has(name);
const log = (line: string) => console.log(line);

/** A module written by another part of the project, loaded only when its file exists. */
async function optionalModule(file: string, exported: string, options: BenchOptions): Promise<BenchRow[] | null> {
  if (!existsSync(new URL(`./${file}.ts`, import.meta.url))) return null;
  const path = `./${file}`;
  const mod = (await import(path)) as Record<string, unknown>;
  const run = mod[exported];
  if (typeof run !== 'function') throw new Error(`${file}.ts does not export ${exported}`);
  return (await (run as (o: BenchOptions) => Promise<BenchRow[]>)(options)) as BenchRow[];
}

const started = performance.now();
const loadBefore = loadavg();
const bench = await openBenchDatabase(engine);
const rows: BenchRow[] = [];
let sizes: Awaited<ReturnType<typeof tableSizes>> | undefined;
let pgVersion: string | undefined;
try {
  log(`filling the ${engine} database at ${scale} scale…`);
  await fillBenchDatabase(bench.handle, scale, log);
  sizes = await tableSizes(bench.handle);
  pgVersion = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(bench.handle.db)).rows[0]?.v ?? '?';
  const server = await startBenchServer(bench.handle);
  try {
    const ctx: BenchContext = { handle: bench.handle, server, engine, scale, runs: Number(values.runs), seconds: Number(values.seconds), log };
    const modules: [string, (c: BenchContext) => Promise<BenchRow[]>][] = [
      ['registry', registryBench],
      ['results', resultsBench],
      ['flows', flowsBench],
      ['dashboard', dashboardBench],
    ];
    for (const [name, run] of modules) {
      if (!wanted(name)) continue;
      log(`${name}…`);
      // A module that fails is reported as a row, not hidden: the others still run.
      const got = await run(ctx).catch((error: unknown): BenchRow[] => {
        const message = error instanceof Error ? error.message : String(error);
        log(`  ${name} failed: ${message}`);
        return [{ measure: `${name}: the measurement failed`, taama: 'failed', baseline: '–', ratio: '–', met: false, note: message.slice(0, 300) }];
      });
      for (const r of got) log(`  → ${r.measure}: ${r.taama} vs ${r.baseline} (${r.ratio})`);
      rows.push(...got);
    }
    const options: BenchOptions = { databaseUrl: bench.handle.url, db: engine, scale, log, apiBase: server.base };
    // ── sync: tools/bench/sync.bench.ts (written with the sync module) plugs in here ──────────────
    if (wanted('sync')) rows.push(...((await optionalModule('sync.bench', 'runSyncBench', options)) ?? []));
    // ── web: tools/bench/web.bench.ts (written with the web app) plugs in here ────────────────────
    if (wanted('web')) rows.push(...((await optionalModule('web.bench', 'runWebBench', options)) ?? []));
  } finally {
    await server.close();
  }
} finally {
  await bench.close();
}

const minutes = (performance.now() - started) / 60_000;
const cell = (s: string) => s.replace(/\|/g, '\\|');
const table = [
  '| measure | Taama | baseline, same run | ratio | target | met |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${cell(r.measure)} | ${cell(r.taama)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(r.target ?? '')} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`),
].join('\n');
const notes = rows.filter((r) => r.note).map((r) => `- *${r.measure}*: ${r.note}`).join('\n');
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const conditions = values.conditions ?? 'no conditions stated';
const section = `<!-- bench:results:start (written by npm run bench; edit outside these markers) -->
## Latest run

\`npm run bench -- --scale ${scale} --db ${engine}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(1)} minutes.

- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM (${(freemem() / 2 ** 30).toFixed(1)} GB free at the end); load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end.
- Conditions: ${conditions}.
- Versions: Taama ${version}, Node ${process.version}, ${engine === 'embedded' ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL'} ${pgVersion ?? '?'}.
- Data (${scale} scale): ${count(sizes?.people ?? 0)} people, ${count(sizes?.services ?? 0)} service records, ${count(sizes?.flowCounts ?? 0)} flow count rows.

Times are median / p95 of the repetitions; "ratio" is Taama's time over the baseline's (or the
baseline's rate over Taama's), so 1.00× means no overhead over the bare database work.

${table}

${notes}
<!-- bench:results:end -->`;
console.log(`\n${table}\n`);
if (!values['no-write']) {
  const file = new URL('../../docs/benchmarks.md', import.meta.url);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const marked = /<!-- bench:results:start[\s\S]*?<!-- bench:results:end -->/;
  writeFileSync(file, marked.test(current) ? current.replace(marked, section) : `# Benchmarks\n\n${section}\n`);
  log('docs/benchmarks.md written');
}
