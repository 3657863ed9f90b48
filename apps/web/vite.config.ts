// Build and dev server for the web app. The dev server forwards /api to a locally running Taama.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // MapLibre's worker is an ES module (the flows maps).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
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
