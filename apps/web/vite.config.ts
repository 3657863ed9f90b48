// Build and dev server for the web app. The dev server forwards /api to a locally running Taama.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { firstLoad } from './scripts/bundle-size';
import { describeFirstLoad, withinBudget } from './scripts/check-bundle-size';
import { precompress } from './scripts/precompress';

/**
 * After a production build: gzip and brotli copies of every asset for the server to send, then the
 * first-load budget (SPEC §15) — a build whose sign-in page grows past it fails.
 */
function precompressAndCheckBudget(): Plugin {
  let outDir = '';
  return {
    name: 'taama:precompress-and-budget',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const size = firstLoad(outDir);
      const message = describeFirstLoad(size);
      if (!withinBudget(size)) throw new Error(`${message}. Move what the sign-in page does not need behind a lazy import.`);
      this.info(message);
      this.info(`precompressed ${precompress(outDir)} files (gzip, brotli)`);
    },
  };
}

export default defineConfig({
  plugins: [react(), precompressAndCheckBudget()],
  // MapLibre's worker is an ES module (the flows maps).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The manifest lists each page's chunks: the first-load budget check and the benchmark read it.
    manifest: true,
    // Warn when one chunk alone approaches the first-load budget (SPEC §15).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // The shared core package builds TypeBox schemas at module level for the server; the web
        // app mostly needs its code lists and types. Schema construction has no side effects, so
        // unused schemas (and TypeBox with them) can be left out of the browser bundle.
        moduleSideEffects: [
          { test: /packages[\\/]core[\\/]src[\\/]/, sideEffects: false },
          { test: /node_modules[\\/]typebox[\\/]/, sideEffects: false },
        ],
        manualPureFunctions: ['Type', 'Codes', 'Page', 'sensitive'],
      },
      output: {
        codeSplitting: {
          // The two heavy drawing libraries in chunks of their own, loaded only by the pages that
          // draw charts or maps (never by the first load).
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
