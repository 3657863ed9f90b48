// Benchmark of the web app's first load (not a test), SPEC §15: "first load ≤ 300 KB of compressed
// JavaScript; usable within 5 s on a 3G profile". It builds the web app when its sources changed,
// starts the real server (embedded database, demo data, a throwaway data directory) serving that
// build, and drives the system Chromium through the DevTools protocol:
//   bytes  what Chromium downloads (Network.loadingFinished encodedDataLength) for the JS and CSS of
//          the sign-in page and of the home page after signing in, with gzip and with brotli
//          accepted; baseline: the same pages' files listed by the build manifest, compressed here;
//   time   navigation start → usable, median and p95 of several cold loads, on a throttled 3G
//          profile and unthrottled (the baseline, same run). Usable = the sign-in form is rendered
//          with the cursor in the user-name field; the home page shows the signed-in user's areas.
// The 3G profile is Chrome DevTools' "Regular 3G": 100 ms latency, 750 kbit/s down, 250 kbit/s up,
// with the CPU slowed 4× (Emulation.setCPUThrottlingRate).
//   npm run bench:web [-- --runs 5 --dist path/to/dist --base http://host:port --no-write]
// (--base measures a Taama already running with the demo data and serving that dist.)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type CDPSession } from '@playwright/test';
import { DEFAULT_DEMO_PASSWORD } from '../../apps/server/src/config';
import { chunksFor, firstLoad, kb, measure, readManifest, staticClosure, type LoadSize } from '../../apps/web/scripts/bundle-size';
import type { BenchOptions, BenchRow } from './rows';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Chrome DevTools' "Regular 3G" preset (bytes per second), and the CPU slowdown. */
export const REGULAR_3G = { latency: 100, downloadThroughput: (750 * 1000) / 8, uploadThroughput: (250 * 1000) / 8, cpuSlowdown: 4 };
const TARGET_BYTES = 300_000;
const TARGET_MS = 5_000;
const USER = 'caseworker.gao';

export interface WebBenchOptions extends Partial<BenchOptions> {
  /** A built web app to measure (default: apps/web/dist, rebuilt when its sources changed). */
  dist?: string;
  /** Cold loads per page and network profile (default 5). */
  runs?: number;
  /** Measure an already running Taama serving `dist` with the demo data instead of starting one. */
  base?: string;
}

/** The q-quantile (0..1) of samples, nearest rank. */
function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? Number.NaN;
}

/** Milliseconds as text. */
function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value).toLocaleString('en')} ms` : '–';
}

type Encoding = 'br' | 'gzip' | 'identity';
type PageName = 'sign-in page' | 'home page after sign-in';
interface Load {
  ms: number;
  js: number;
  css: number;
}

/** The newest modification time below `paths` (files or folders, node_modules and dist skipped). */
function newest(paths: string[]): number {
  let latest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isFile()) latest = Math.max(latest, stat.mtimeMs);
    else for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
  };
  paths.forEach(visit);
  return latest;
}

/** Builds apps/web when the build is missing or older than its sources; returns the dist folder. */
function ensureBuild(log: (line: string) => void): string {
  const dist = join(root, 'apps/web/dist');
  const manifest = join(dist, '.vite/manifest.json');
  const sources = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/scripts', 'packages/core/src'].map((p) => join(root, p));
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest(sources)) return dist;
  log('web: building the web app…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@taama/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the web app failed to build');
  return dist;
}

/** Starts `npm run serve`'s server on a free port over a fresh embedded database with the demo. */
async function startServer(dist: string, log: (line: string) => void): Promise<{ base: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taama-web-bench-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', TAAMA_DATA_DIR: dataDir, TAAMA_DEMO: '1', TAAMA_WEB_DIST: dist, TAAMA_LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  log('web: starting the server with the demo data (embedded database)…');
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let output = '';
      const seen = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /is running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      child.stdout?.on('data', seen);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`the server stopped (${code}) before it was ready:\n${output.slice(-2000)}`)));
    });
    return { base, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// Runs in the page before any of its scripts: notes when the page became usable (performance.now(),
// whose origin is the navigation start). Injected by the browser driver, so the CSP does not apply to it.
const READINESS_PROBE = `(() => {
  const ready = () => {
    const login = document.querySelector('input[name="username"]');
    if (login && document.activeElement === login) return 'sign-in page';
    if (document.querySelector('#main li a[href]')) return 'home page after sign-in';
    return undefined;
  };
  const marks = {};
  window.__taamaReady = marks;
  new MutationObserver(() => {
    const page = ready();
    if (page && marks[page] === undefined) marks[page] = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('focusin', () => {
    const page = ready();
    if (page && marks[page] === undefined) marks[page] = performance.now();
  }, true);
})();`;

/** JS and CSS bytes received (encoded, as they came over the wire), by DevTools request id. */
function recordBytes(cdp: CDPSession): () => { js: number; css: number } {
  const kinds = new Map<string, 'js' | 'css'>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') kinds.set(event.requestId, 'js');
    else if (event.type === 'Stylesheet') kinds.set(event.requestId, 'css');
  });
  cdp.on('Network.loadingFinished', (event) => bytes.set(event.requestId, event.encodedDataLength));
  return () => {
    const total = { js: 0, css: 0 };
    for (const [id, kind] of kinds) total[kind] += bytes.get(id) ?? 0;
    return total;
  };
}

/** One cold load of `path` in a new browser context: time to usable and the JS/CSS bytes by then. */
async function coldLoad(browser: Browser, base: string, page: PageName, opts: { throttled: boolean; encoding?: Encoding; signedIn?: Awaited<ReturnType<BrowserContext['storageState']>> }): Promise<Load> {
  const context = await browser.newContext({
    storageState: opts.signedIn,
    extraHTTPHeaders: opts.encoding ? { 'Accept-Encoding': opts.encoding } : undefined,
  });
  try {
    await context.addInitScript({ content: READINESS_PROBE });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (opts.throttled) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: REGULAR_3G.latency, downloadThroughput: REGULAR_3G.downloadThroughput, uploadThroughput: REGULAR_3G.uploadThroughput });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: REGULAR_3G.cpuSlowdown });
    }
    const bytes = recordBytes(cdp);
    await tab.goto(`${base}${page === 'sign-in page' ? '/login' : '/'}`, { waitUntil: 'commit' });
    const handle = await tab.waitForFunction((name) => (globalThis as unknown as { __taamaReady?: Record<string, number> }).__taamaReady?.[name], page, { timeout: 120_000, polling: 50 });
    const readyMs = Number(await handle.jsonValue());
    return { ms: readyMs, ...bytes() };
  } finally {
    await context.close();
  }
}

/** Signs the demo user in through the sign-in page once and returns the session for cold loads. */
async function signIn(browser: Browser, base: string) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${base}/login`);
    await tab.locator('input[name="username"]').fill(USER);
    await tab.locator('input[name="password"]').fill(process.env.TAAMA_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
    await tab.locator('button[type="submit"]').click();
    await tab.locator('#main li a[href]').first().waitFor({ timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** The manifest's files for each page: the first load; the home page adds its chunk and translations. */
function manifestSizes(dist: string, locale: string): Record<PageName, LoadSize> {
  const manifest = readManifest(dist);
  const login = firstLoad(dist, manifest);
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry).map(([k]) => k);
  // The home page's lazy chunk and the namespace it waits for (routes.tsx), in the user's language.
  const home = [...chunksFor(manifest, 'features/home/HomePage.tsx'), ...chunksFor(manifest, `locales/${locale}/areas.json`)];
  const files = staticClosure(manifest, [...entries, ...home]);
  return { 'sign-in page': login, 'home page after sign-in': measure(dist, files) };
}

/** Runs the web benchmark and returns its rows (the runner in run.ts calls this). */
export async function runWebBench(opts: WebBenchOptions = {}): Promise<BenchRow[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const runs = opts.runs ?? 5;
  const dist = opts.dist ?? ensureBuild(log);
  const expected = manifestSizes(dist, 'fr');
  const server = opts.base ? { base: opts.base.replace(/\/$/, ''), stop: async () => undefined } : await startServer(dist, log);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: BenchRow[] = [];
  try {
    const session = await signIn(browser, server.base);
    const pages: PageName[] = ['sign-in page', 'home page after sign-in'];
    for (const page of pages) {
      const signedIn = page === 'sign-in page' ? undefined : session;
      log(`web: ${page}, bytes…`);
      const wire: Record<Encoding, Load> = {
        br: await coldLoad(browser, server.base, page, { throttled: false, encoding: 'br', signedIn }),
        gzip: await coldLoad(browser, server.base, page, { throttled: false, encoding: 'gzip', signedIn }),
        identity: await coldLoad(browser, server.base, page, { throttled: false, encoding: 'identity', signedIn }),
      };
      const listed = expected[page];
      for (const encoding of ['gzip', 'br'] as const) {
        const key = encoding === 'br' ? 'brotli' : 'gzip';
        const got = wire[encoding];
        rows.push({
          measure: `Web ${page}: JS downloaded (${key})`,
          taama: kb(got.js),
          baseline: `${kb(listed.js[key])} (build manifest's files, ${key})`,
          ratio: `${(got.js / listed.js[key]).toFixed(2)}×`,
          target: '≤ 300 KB compressed JS',
          met: got.js <= TARGET_BYTES,
          note: `CSS ${kb(got.css)} downloaded (${kb(listed.css[key])} listed); uncompressed the same page is JS ${kb(wire.identity.js)} + CSS ${kb(wire.identity.css)}. Counted: Chromium's encodedDataLength of every script and stylesheet (headers included) received by the time the page is usable.`,
        });
      }
      log(`web: ${page}, ${runs} cold loads on 3G and ${runs} unthrottled…`);
      const slow: number[] = [];
      const fast: number[] = [];
      for (let i = 0; i < runs; i++) {
        slow.push((await coldLoad(browser, server.base, page, { throttled: true, signedIn })).ms);
        fast.push((await coldLoad(browser, server.base, page, { throttled: false, signedIn })).ms);
      }
      const median = quantile(slow, 0.5);
      rows.push({
        measure: `Web ${page}: usable on Regular 3G + 4× CPU (median / p95)`,
        taama: `${ms(median)} / ${ms(quantile(slow, 0.95))}`,
        baseline: `${ms(quantile(fast, 0.5))} / ${ms(quantile(fast, 0.95))} (unthrottled)`,
        ratio: `${(median / quantile(fast, 0.5)).toFixed(2)}×`,
        target: 'usable ≤ 5 s on 3G',
        met: quantile(slow, 0.95) <= TARGET_MS,
        note: `${runs} cold loads each (new browser context, cache disabled). 3G: ${REGULAR_3G.latency} ms latency, 750 kbit/s down, 250 kbit/s up, CPU ${REGULAR_3G.cpuSlowdown}× slower. Usable: ${page === 'sign-in page' ? 'the sign-in form rendered with the cursor in the user-name field' : `the signed-in user's (${USER}) area links rendered (needs GET /me, the page's chunk and its translations)`}.`,
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return rows;
}

/** The "Web app" section of the benchmarks, as Markdown. */
export function webSection(rows: readonly BenchRow[], runs: number): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const table = [
    '| measure | Taama | baseline, same run | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.measure)} | ${cell(r.taama)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(r.target ?? '')} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`),
  ].join('\n');
  const notes = rows.filter((r) => r.note).map((r) => `- *${r.measure}*: ${r.note}`).join('\n');
  return `## Latest run\n\n\`npm run bench:web -- --runs ${runs}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end.\n\n${table}\n\n${notes}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, dist: { type: 'string' }, base: { type: 'string' }, 'no-write': { type: 'boolean', default: false } } });
  const runs = Number(values.runs);
  const rows = await runWebBench({ runs, dist: values.dist, base: values.base });
  const section = webSection(rows, runs);
  console.log(`\n${section}`);
  if (!values['no-write']) {
    // The run's figures replace the marked part of docs/benchmarks-web.md; the text around stays.
    const file = join(root, 'docs/benchmarks-web.md');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Web app: first load and 3G\n\n';
    const marked = /<!-- bench:web:start[\s\S]*?<!-- bench:web:end -->/;
    const block = `<!-- bench:web:start (written by npm run bench:web) -->\n${section}<!-- bench:web:end -->`;
    writeFileSync(file, marked.test(current) ? current.replace(marked, block) : `${current.trimEnd()}\n\n${block}\n`);
    console.log('docs/benchmarks-web.md written');
  }
}
