// Load test (not a test in the suite): N simulated users (200 by default) working at the same time for
// a bounded time against the real server on the demo data, over loopback only. Each user signs in
// with a demo account and repeats what that role does most (search, open records, lists, dashboards,
// indicators, a registration now and then) with a think time between steps. Prints and writes the
// error rate and latency percentiles to docs/benchmarks-load.md.
//   tsx tools/bench/load.ts [--minutes 10] [--users 200] [--url http://127.0.0.1:PORT]
// Without --url it starts the server itself on a fresh embedded database with the demo loaded.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PASSWORD = 'Load-Test-Password-2025!';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Options {
  minutes: number;
  users: number;
  url: string | undefined;
  password: string;
  out: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      users: { type: 'string', default: '200' },
      url: { type: 'string' },
      password: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'docs/benchmarks-load.md') },
    },
  });
  const minutes = Number(values.minutes);
  const users = Number(values.users);
  if (!(minutes > 0 && minutes <= 120)) throw new Error('--minutes must be between 0 and 120');
  if (!(Number.isInteger(users) && users > 0 && users <= 2000)) throw new Error('--users must be an integer between 1 and 2000');
  // Loopback only: this tool must never be pointed at someone else's server.
  if (values.url && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(values.url)) throw new Error('--url must be a loopback address, e.g. http://127.0.0.1:8213');
  return { minutes, users, url: values.url, password: values.password ?? PASSWORD, out: values.out };
}

/** Starts the server on a fresh embedded database with the demo; resolves with its URL. */
function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')], {
    env: { ...process.env, TAAMA_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', TAAMA_DEMO: '1', TAAMA_DEMO_PASSWORD: PASSWORD, TAAMA_LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: ROOT,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 10 minutes:\n${output}`)), 600_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

interface Sample {
  action: string;
  ms: number;
  ok: boolean;
}

type Step = (call: Caller) => Promise<void>;
type Caller = (action: string, path: string, init?: { method?: string; body?: unknown }) => Promise<unknown>;

const SEARCH_NAMES = ['traore', 'keita', 'diallo', 'coulibaly', 'toure', 'sangare', 'maiga', 'cisse', 'konate', 'mamadou', 'fatoumata', 'aminata'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

const searchAndOpen: Step = async (call) => {
  const page = (await call('people.search', `/people?q=${pick(SEARCH_NAMES)}&limit=20`)) as { items?: { id: string }[] } | undefined;
  const first = page?.items?.[0];
  if (first) await call('people.read', `/people/${first.id}`);
};
const register: Step = async (call) => {
  await call('people.register', '/people', { method: 'POST', body: { givenName: pick(['Moussa', 'Awa', 'Oumar', 'Kadiatou']), familyName: `${pick(['Traoré', 'Keïta', 'Diarra'])}`, sex: pick(['male', 'female']), nationality: pick(['MLI', 'GIN', 'CIV', 'NER']), dateOfBirth: '1996-05-12' } });
};

/** What each demo account does, weighted by how often. */
const ROLES: { username: string; steps: Step[] }[] = [
  { username: 'caseworker.gao', steps: [searchAndOpen, searchAndOpen, (c) => c('transit.list', '/transit-cases?limit=20').then(() => undefined), register] },
  { username: 'caseworker.bamako', steps: [searchAndOpen, (c) => c('transit.list', '/transit-cases?limit=20').then(() => undefined), (c) => c('protection.dashboard', '/protection/dashboard').then(() => undefined)] },
  { username: 'return.officer', steps: [(c) => c('returns.list', '/returns?limit=20').then(() => undefined), searchAndOpen, (c) => c('movements.list', '/movements?limit=20').then(() => undefined)] },
  { username: 'reintegration.kayes', steps: [(c) => c('reintegration.list', '/reintegration-cases?limit=20').then(() => undefined), (c) => c('reintegration.dashboard', '/reintegration/dashboard').then(() => undefined)] },
  { username: 'data.officer', steps: [(c) => c('flows.counts', '/flows/counts?limit=50').then(() => undefined), (c) => c('flows.trends', '/flows/stats/trends').then(() => undefined)] },
  { username: 'me.officer', steps: [(c) => c('indicators', '/indicators?from=2018-01-01&to=2021-12-31').then(() => undefined), (c) => c('indicators.definitions', '/indicators/definitions').then(() => undefined)] },
  { username: 'awareness.officer', steps: [(c) => c('awareness.activities', '/awareness/activities?limit=20').then(() => undefined), (c) => c('awareness.dashboard', '/awareness/dashboard').then(() => undefined)] },
  { username: 'donor', steps: [(c) => c('indicators', '/indicators?from=2018-01-01&to=2021-12-31').then(() => undefined)] },
];

async function simulatedUser(base: string, password: string, index: number, until: number, samples: Sample[]): Promise<void> {
  const role = ROLES[index % ROLES.length] ?? ROLES[0];
  if (!role) return;
  // Sign-ins are spread over the first seconds, as people arriving at work.
  await new Promise((r) => setTimeout(r, Math.random() * 5_000));
  const started = performance.now();
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: role.username, password }) }).catch(() => undefined);
  samples.push({ action: 'auth.login', ms: performance.now() - started, ok: login?.status === 200 });
  if (login?.status !== 200) return;
  const { token } = (await login.json()) as { token: string };
  const call: Caller = async (action, path, init = {}) => {
    const t0 = performance.now();
    try {
      const res = await fetch(`${base}/api/v1${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        body: init.body ? JSON.stringify(init.body) : undefined,
      });
      const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer();
      samples.push({ action, ms: performance.now() - t0, ok: res.status < 400 });
      return body;
    } catch {
      samples.push({ action, ms: performance.now() - t0, ok: false });
      return undefined;
    }
  };
  while (Date.now() < until) {
    await pick(role.steps)(call);
    // Think time: a person reads the screen before the next click.
    await new Promise((r) => setTimeout(r, 1_000 + Math.random() * 4_000));
  }
}

function percentile(sorted: number[], p: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 10) / 10;
}

function table(samples: Sample[], seconds: number): { lines: string[]; errorRate: number; p95: number } {
  const groups = new Map<string, Sample[]>();
  for (const s of samples) groups.set(s.action, [...(groups.get(s.action) ?? []), s]);
  const row = (name: string, list: Sample[]) => {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b);
    const errors = list.filter((s) => !s.ok).length;
    return `| ${name} | ${list.length} | ${((errors / Math.max(1, list.length)) * 100).toFixed(2)} % | ${percentile(ms, 0.5)} | ${percentile(ms, 0.95)} | ${percentile(ms, 0.99)} | ${Math.round(ms[ms.length - 1] ?? 0)} |`;
  };
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errorRate = samples.filter((s) => !s.ok).length / Math.max(1, samples.length);
  const lines = [
    '| action | requests | errors | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => row(name, list)),
    row('**all**', samples),
    '',
    `Throughput: ${(samples.length / seconds).toFixed(1)} requests/s over ${Math.round(seconds)} s.`,
  ];
  return { lines, errorRate, p95: percentile(all, 0.95) };
}

async function main(): Promise<void> {
  const opts = options();
  let server: { child: ChildProcess; url: string } | undefined;
  let dir: string | undefined;
  let base = opts.url;
  if (!base) {
    dir = mkdtempSync(join(tmpdir(), 'taama-load-'));
    console.log('Starting the server with the demo data (embedded database)…');
    server = await startServer(dir);
    base = server.url;
  }
  try {
    const health = (await (await fetch(`${base}/api/v1/health`)).json()) as { database: string; version: string };
    console.log(`${opts.users} users for ${opts.minutes} min against ${base} (${health.database})`);
    const samples: Sample[] = [];
    const begin = Date.now();
    const until = begin + opts.minutes * 60_000;
    await Promise.all(Array.from({ length: opts.users }, (_, i) => simulatedUser(base ?? '', server ? PASSWORD : opts.password, i, until, samples)));
    const seconds = (Date.now() - begin) / 1000;
    const result = table(samples, seconds);
    console.log(result.lines.join('\n'));
    const section = [
      '# Load test',
      '',
      'Written by `tsx tools/bench/load.ts` (simulated users on the demo data, loopback only; each user signs in with a demo',
      'account and repeats what that role does most, with 1–5 s of think time between steps).',
      '',
      `- Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${opts.users} users for ${opts.minutes} min, ${health.database} database, ${cpus().length} CPU cores, Taama ${health.version}`,
      `- **Error rate ${(result.errorRate * 100).toFixed(2)} %, p95 latency ${result.p95} ms** (all requests, sign-ins included)`,
      '',
      ...result.lines,
      '',
    ].join('\n');
    writeFileSync(opts.out, section);
    console.log(`Written to ${opts.out}`);
  } finally {
    if (server) {
      const exited = new Promise((r) => server?.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
