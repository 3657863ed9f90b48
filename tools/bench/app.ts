// The real API on a real port for the benchmarks: requests go through TCP, HTTP parsing, auth,
// validation and serialisation exactly as a browser's would (the load generator shares the machine).
import { buildApp, type App } from '../../apps/server/src/platform/http/app';
import type { Config } from '../../apps/server/src/config';
import type { DatabaseHandle } from '../../apps/server/src/platform/db/database';

export const BENCH_PASSWORD = 'Bench-Password-2025!';

export interface BenchServer {
  app: App;
  base: string;
  /** Signs a demo user in and returns request headers carrying the bearer token. */
  login(username: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** Starts the API on an ephemeral loopback port over an already prepared database. */
export async function startBenchServer(database: DatabaseHandle): Promise<BenchServer> {
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    databaseUrl: database.kind === 'postgres' ? database.url : undefined,
    // The bench database is the demo (published passwords), whose accounts are not forced to set
    // up two-factor sign-in; a real deployment's are.
    demo: true,
    demoPassword: BENCH_PASSWORD,
    demoSeed: 1,
    demoScale: 1,
    secret: 'bench-secret-bench-secret-bench-secret',
    secureCookies: false,
    logLevel: 'silent',
    loginRateLimitPerMinute: 1_000_000,
    webDist: undefined,
    version: 'bench',
  };
  // BENCH_LOG=1 prints the API's errors (a 500's cause) on the console.
  const app = await buildApp({ config: { ...config, logLevel: process.env.BENCH_LOG ? 'error' : 'silent' }, database }, { logger: Boolean(process.env.BENCH_LOG) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}/api/v1`;
  return {
    app,
    base,
    async login(username) {
      const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
      if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
      const { token } = (await res.json()) as { token: string };
      return { authorization: `Bearer ${token}` };
    },
    close: () => app.close(),
  };
}

/** GET or POST a JSON body; throws unless the status is the expected one. */
export async function call(base: string, headers: Record<string, string>, method: 'GET' | 'POST', path: string, body?: unknown, expect = method === 'POST' ? 201 : 200): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { method, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expect) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return text === '' ? null : (JSON.parse(text) as unknown);
}
