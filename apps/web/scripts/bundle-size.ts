// What the browser downloads before the sign-in page can run, read from the build manifest, and its
// compressed size: the figure SPEC §15 budgets ("first load ≤ 300 KB of compressed JavaScript").
// Used by the build (vite.config.ts fails the build above the budget), by check-bundle-size.ts and
// by the web benchmark as its baseline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The first load's budget in bytes, compressed (gzip), JavaScript and CSS together. */
export const FIRST_LOAD_BUDGET_BYTES = 300_000;

/** One entry of Vite's build manifest (`build.manifest`). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Reads the manifest Vite writes into `<dist>/.vite/manifest.json`. */
export function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * The files fetched before the chunks `keys` run: each chunk, what it imports statically (which
 * the browser preloads), transitively, and their stylesheets. Dynamic imports are not followed:
 * they load later, with their pages.
 */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest has no chunk "${key}"`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files];
}

/** The manifest keys of the chunks whose source path ends with `suffix` (e.g. 'HomePage.tsx'). */
export function chunksFor(manifest: Manifest, suffix: string): string[] {
  return Object.entries(manifest)
    .filter(([key, chunk]) => (chunk.src ?? key).endsWith(suffix))
    .map(([key]) => key);
}

/** Sizes of a set of files: raw, gzip (level 9) and brotli (quality 11), split by kind. */
export interface LoadSize {
  files: string[];
  js: { raw: number; gzip: number; brotli: number };
  css: { raw: number; gzip: number; brotli: number };
}

/** Measures `files` (paths relative to `dist`) as a server would send them compressed. */
export function measure(dist: string, files: readonly string[]): LoadSize {
  const size: LoadSize = { files: [...files], js: { raw: 0, gzip: 0, brotli: 0 }, css: { raw: 0, gzip: 0, brotli: 0 } };
  for (const file of files) {
    const kind = file.endsWith('.css') ? size.css : file.endsWith('.js') || file.endsWith('.mjs') ? size.js : undefined;
    if (!kind) continue;
    const bytes = readFileSync(join(dist, file));
    kind.raw += bytes.length;
    kind.gzip += gzipSync(bytes, { level: 9 }).length;
    kind.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return size;
}

/** The sign-in page's first load: index.html's entry and everything it preloads. */
export function firstLoad(dist: string, manifest: Manifest = readManifest(dist)): LoadSize {
  const entries = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key]) => key);
  return measure(dist, staticClosure(manifest, entries));
}

/** Kilobytes (1,000 bytes) with one decimal, for reports. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
