import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness';

const dist = mkdtempSync(join(tmpdir(), 'taama-web-'));
const BIG = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `mot ${i % 17}`))};\n`;
let h: Harness;
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Taama</title>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  // As the build leaves them: a plain file with its brotli and gzip copies.
  writeFileSync(join(dist, 'assets', 'big-1.js'), BIG);
  writeFileSync(join(dist, 'assets', 'big-1.js.br'), brotliCompressSync(BIG));
  writeFileSync(join(dist, 'assets', 'big-1.js.gz'), gzipSync(BIG));
  writeFileSync(join(dist, 'index.html.br'), brotliCompressSync('<!doctype html><title>Taama</title>'));
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

  it('sends the precompressed copy a browser accepts, with its encoding, and the plain file otherwise', async () => {
    const br = await h.app.inject({ method: 'GET', url: '/assets/big-1.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BIG);
    expect(br.rawPayload.length).toBeLessThan(BIG.length / 4);

    const gzip = await h.app.inject({ method: 'GET', url: '/assets/big-1.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toContain('accept-encoding');

    const plain = await h.app.inject({ method: 'GET', url: '/assets/big-1.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    expect(plain.body).toBe(BIG);

    // A file the build did not compress (too small) is sent as it is to every browser.
    const small = await h.app.inject({ method: 'GET', url: '/assets/app-1.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe('console.log(1)');
  });

  it('never lets index.html be cached without asking, compressed or not, and keeps the CSP on it', async () => {
    for (const url of ['/', '/index.html', '/protection/cases']) {
      const res = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload).toString() : res.body;
      expect(body, url).toContain('<title>Taama</title>');
    }
  });
});
