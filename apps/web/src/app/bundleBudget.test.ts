// The first-load budget check the build runs (vite.config.ts → scripts/bundle-size.ts): it must count
// what the sign-in page preloads and its stylesheets, leave out what loads with later pages, and
// refuse a first load above 300 KB compressed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET_BYTES, firstLoad, staticClosure, type Manifest } from '../../scripts/bundle-size';
import { withinBudget } from '../../scripts/check-bundle-size';

const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/Home.tsx'], css: ['assets/index.css'] },
  '_vendor.js': { file: 'assets/vendor.js', imports: ['_shared.js'] },
  '_shared.js': { file: 'assets/shared.js', imports: ['_vendor.js'] },
  'src/Home.tsx': { file: 'assets/Home.js', isDynamicEntry: true, imports: ['_charts.js'], css: ['assets/Home.css'] },
  '_charts.js': { file: 'assets/charts.js' },
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A build folder with these files; sizes in bytes of incompressible content unless text is given. */
function build(files: Record<string, number | string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'taama-budget-'));
  dirs.push(dist);
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dist, name), typeof content === 'number' ? randomBytes(content) : content);
  return dist;
}

describe('first-load budget', () => {
  it('follows static imports (cycles included) and stylesheets, never the lazily loaded pages', () => {
    expect(staticClosure(manifest, ['index.html']).sort()).toEqual(['assets/index.css', 'assets/index.js', 'assets/shared.js', 'assets/vendor.js']);
    expect(staticClosure(manifest, ['src/Home.tsx']).sort()).toEqual(['assets/Home.css', 'assets/Home.js', 'assets/charts.js']);
    expect(() => staticClosure(manifest, ['src/Missing.tsx'])).toThrow(/no chunk "src\/Missing.tsx"/);
  });

  it('measures the compressed bytes, so text that compresses well fits and the rest does not', () => {
    const text = `export const x = ${JSON.stringify('abc '.repeat(200_000))};`;
    const small = firstLoad(build({ 'assets/index.js': text, 'assets/vendor.js': 'export {}', 'assets/shared.js': 'export {}', 'assets/index.css': 'body{margin:0}', 'assets/Home.js': 900_000 }));
    expect(small.js.raw).toBeGreaterThan(800_000);
    expect(small.js.gzip).toBeLessThan(10_000);
    expect(small.js.brotli).toBeLessThanOrEqual(small.js.gzip);
    expect(withinBudget(small)).toBe(true);

    // Random bytes do not compress: 200 KB of script and 110 KB of style is over 300 KB.
    const big = firstLoad(build({ 'assets/index.js': 100_000, 'assets/vendor.js': 100_000, 'assets/shared.js': 'export {}', 'assets/index.css': 110_000 }));
    expect(big.js.gzip + big.css.gzip).toBeGreaterThan(FIRST_LOAD_BUDGET_BYTES);
    expect(withinBudget(big)).toBe(false);
  });
});
