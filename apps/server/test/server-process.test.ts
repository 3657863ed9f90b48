// The real server process on the embedded database: starts, serves, stops cleanly on SIGTERM and
// SIGINT (lock released, database closed), and finds its data again after a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../src/platform/db/lock';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'taama-proc-'));
const started: ChildProcess[] = [];
afterAll(() => {
  // A failed assertion must not leave a server (and its embedded database) running.
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startServer(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, TAAMA_DATA_DIR: dir, PORT: '0', DATABASE_URL: '', TAAMA_DEMO: '1', TAAMA_DEMO_PASSWORD: 'Process-Test-Pass-1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = /running at (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('server process', () => {
  it('serves, stops cleanly on SIGTERM, and keeps its data across a restart', async () => {
    const first = await startServer();
    expect(first.output()).toContain('demo users');
    const health = await fetch(`${first.url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const login = await fetch(`${first.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Process-Test-Pass-1' }) });
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${first.url}/api/v1/organisations`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ code: 'kept-after-restart', name: 'Kept', kind: 'ngo' }) });
    expect(created.status).toBe(201);
    expect(existsSync(lockPath(dir))).toBe(true);

    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(lockPath(dir))).toBe(false);

    const second = await startServer();
    const relogin = await fetch(`${second.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Process-Test-Pass-1' }) });
    const again = (await relogin.json()) as { token: string };
    const orgs = await fetch(`${second.url}/api/v1/organisations?q=kept-after-restart`, { headers: { authorization: `Bearer ${again.token}` } });
    expect(((await orgs.json()) as { items: { code: string }[] }).items.map((o) => o.code)).toEqual(['kept-after-restart']);
    const loads = await fetch(`${second.url}/api/v1/audit?action=demo.load`, { headers: { authorization: `Bearer ${again.token}` } });
    expect(((await loads.json()) as { items: unknown[] }).items).toHaveLength(1); // the demo is loaded once, not at every start
    const stopped = exitOf(second.child);
    second.child.kill('SIGINT');
    expect(await stopped).toBe(0);
    expect(existsSync(lockPath(dir))).toBe(false);
  });
});
