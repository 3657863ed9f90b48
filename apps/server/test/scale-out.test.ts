// The production topology (docs/operations-scale.md): several stateless API processes on one
// PostgreSQL. Two real server processes share the test database; registrations, sign-ins and audit
// writes go through both at once, then: no case number twice, the audit chain intact, and a session
// opened on one process valid (and ended) on the other. PostgreSQL only: the embedded database is
// one process's own (a lock file keeps a second one out), so there is nothing to scale out.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { TEST_DEMO_PASSWORD, TEST_SECRET } from './constants';

const postgres = inject('databaseKind') === 'postgres';
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const started: ChildProcess[] = [];
const dirs: string[] = [];

interface Api {
  base: string;
  child: ChildProcess;
}

/** Starts one API process on the test database; resolves with its base URL once it listens. */
async function startApi(): Promise<Api> {
  const dir = mkdtempSync(join(tmpdir(), 'taama-scale-'));
  dirs.push(dir);
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrl'), TAAMA_DATA_DIR: dir, PORT: '0', TAAMA_DEMO: '1', TAAMA_DEMO_PASSWORD: TEST_DEMO_PASSWORD, TAAMA_SECRET: TEST_SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    child.stdout?.on('data', () => {
      const match = /running at (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { base: `${url}/api/v1`, child };
}

async function request(api: Api, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: () => unknown }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${api.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: () => (text === '' ? null : (JSON.parse(text) as unknown)) };
}

async function login(api: Api, username: string): Promise<string> {
  const res = await request(api, 'POST', '/auth/login', undefined, { username, password: TEST_DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return (res.json() as { token: string }).token;
}

describe.skipIf(postgres)('scale-out', () => {
  it.skip('needs PostgreSQL (set DATABASE_URL): the embedded database belongs to one process', () => undefined);
});

describe.runIf(postgres)('scale-out: two API processes on one PostgreSQL', () => {
  let a: Api;
  let b: Api;
  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(), startApi()]);
  }, 120_000);
  afterAll(() => {
    // A failed assertion must not leave a server running.
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a session opened on one process works on the other, and ending it there ends it everywhere', async () => {
    const token = await login(a, 'caseworker.gao');
    expect((await request(b, 'GET', '/me', token)).status).toBe(200);
    expect((await request(a, 'GET', '/me', token)).status).toBe(200);
    expect((await request(b, 'POST', '/auth/logout', token)).status).toBeLessThan(300);
    expect((await request(a, 'GET', '/me', token)).status).toBe(401);
    expect((await request(b, 'GET', '/me', token)).status).toBe(401);
  });

  it('concurrent registrations through both processes get distinct numbers of one series, and the audit chain stays intact', async () => {
    const [onA, onB] = await Promise.all([login(a, 'caseworker.gao'), login(b, 'caseworker.gao')]);
    const register = (api: Api, token: string, i: number) =>
      request(api, 'POST', '/people', token, { givenName: `Scale${i}`, familyName: i % 2 === 0 ? 'Traoré' : 'Keïta', sex: i % 2 === 0 ? 'male' : 'female', nationality: 'MLI', dateOfBirth: '1992-04-05', registeredOn: '2025-06-01' });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? register(a, onA, i) : register(b, onB, i))));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 40 }, () => 201));
    const numbers = results.map((r) => (r.json() as { caseNumber: string }).caseNumber);
    expect(new Set(numbers).size).toBe(40);
    // One series (the site's, the year's), forty distinct values: no number was handed out twice.
    expect(new Set(numbers.map((n) => n.slice(0, n.lastIndexOf('-'))))).toEqual(new Set(['ML-GAO-2025']));

    // Audit writes from both processes at once (reads of personal records are audited), then the
    // chain is checked from either process.
    const ids = results.map((r) => (r.json() as { id: string }).id);
    const reads = await Promise.all(ids.map((id, i) => request(i % 2 === 0 ? b : a, 'GET', `/people/${id}`, i % 2 === 0 ? onB : onA)));
    expect(reads.every((r) => r.status === 200)).toBe(true);
    const admin = await login(b, 'admin');
    const verified = await request(a, 'POST', '/audit/verify', admin);
    expect(verified.status).toBe(200);
    expect(verified.json()).toMatchObject({ ok: true });
  });
});
