import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness';

const dist = mkdtempSync(join(tmpdir(), 'taama-web-'));
let h: Harness;
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Taama</title>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  h = await createHarness({ webDist: dist });
});
afterAll(async () => {
  await h.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('web app serving', () => {
  it('serves index.html for client routes and the files themselves', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/admin/users' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Taama</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await h.app.inject({ method: 'GET', url: '/assets/app-1.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('serves a file added after start (a rebuild) and 404s a missing asset instead of index.html', async () => {
    writeFileSync(join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await h.app.inject({ method: 'GET', url: '/assets/app-2.js' })).statusCode).toBe(200);
    const missing = await h.app.inject({ method: 'GET', url: '/assets/gone-123.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
  });

  it('never serves files outside the web folder', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/../../etc/passwd' });
    expect(res.body).not.toContain('root:');
  });
});
