// A second server on the same embedded data directory must refuse to start, clearly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, DataDirInUseError, lockPath, readLock } from './lock';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taama-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dir = tempDir();
    const lock = acquireLock(dir);
    expect(() => acquireLock(dir)).toThrow(DataDirInUseError);
    lock.update({ port: 5555 });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, port: 5555 });
    lock.release();
    expect(readLock(dir)).toBeUndefined();
    acquireLock(dir).release();
  });

  it('replaces a stale lock whose process is gone', () => {
    const dir = tempDir();
    writeFileSync(lockPath(dir), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: '2020-01-01T00:00:00Z' }));
    const lock = acquireLock(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('a second Taama server on the same directory exits with a clear message', async () => {
    const dir = tempDir();
    const lock = acquireLock(dir); // stands for the first server
    try {
      const main = fileURLToPath(new URL('../../main.ts', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', main], {
        env: { ...process.env, TAAMA_DATA_DIR: dir, PORT: '0', DATABASE_URL: '', TAAMA_DEMO: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`already in use by another Taama process (pid ${process.pid})`);
    } finally {
      lock.release();
    }
  });
});
