// Build and dev server for the web app. The dev server forwards /api to a locally running Taama.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorkerSource } from './src/offline/pwa/serviceWorker';
import { firstLoad } from './scripts/bundle-size';
import { describeFirstLoad, withinBudget } from './scripts/check-bundle-size';
import { precompress } from './scripts/precompress';

const publicDir = join(import.meta.dirname, 'public');

/** Every file of the public directory, as site-absolute paths. */
function publicFiles(): string[] {
  return readdirSync(publicDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(publicDir, file)).isFile())
    .map((file) => `/${relative(publicDir, join(publicDir, file)).split(sep).join('/')}`);
}

/**
 * The installable app (SPEC §12): the web manifest and icons in the page, and a service worker that
 * precaches this build's shell and every lazy chunk so the app opens offline. Written here rather
 * than with a PWA plugin: the needs are small and the usual plugin brings a large build toolchain.
 */
function offlineShell(): Plugin {
  return {
    name: 'taama-offline-shell',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: '#364fc7' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' }, injectTo: 'head' },
      { tag: 'script', attrs: { src: '/register-sw.js', defer: true }, injectTo: 'head' },
    ],
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((file) => !file.endsWith('.map'));
      const files = [...new Set(['/', '/index.html', ...built.filter((file) => !file.startsWith('.vite/')).map((file) => `/${file}`), ...publicFiles()])].filter((file) => file !== '/sw.js');
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(files, version) });
    },
  };
}

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
  plugins: [react(), offlineShell(), precompressAndCheckBudget()],
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
