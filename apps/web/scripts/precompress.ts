// Writes a gzip and a brotli copy beside every compressible file of the build, once, at build time
// (maximum compression costs seconds here instead of CPU on every request). The server sends them
// to browsers that accept them (apps/server/src/platform/http/web.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|geojson|txt|webmanifest)$/;
/** Below this, compression saves less than the header costs. */
const MIN_BYTES = 1024;

/** Every file below `dir`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/** Writes `<file>.gz` and `<file>.br` for the compressible files of `dir`; returns how many. */
export function precompress(dir: string): number {
  let written = 0;
  for (const file of filesBelow(dir)) {
    if (!COMPRESSIBLE.test(file) || file.includes(`${join('.vite', '')}`)) continue;
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const gzip = gzipSync(bytes, { level: 9 });
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    });
    // A copy that is not smaller is not worth sending.
    if (gzip.length < bytes.length) writeFileSync(`${file}.gz`, gzip);
    if (brotli.length < bytes.length) writeFileSync(`${file}.br`, brotli);
    written += 1;
  }
  return written;
}
