// The service worker's source, generated at build time with the list of files to precache: the app
// shell and every lazy chunk, so the app opens offline after one online visit. The API is never
// cached: personal data lives only in the encrypted device store.

/** The service worker script for one build (`files`: site-absolute paths; `version`: build id). */
export function serviceWorkerSource(files: readonly string[], version: string): string {
  return `// Generated at build time; do not edit.
const CACHE = 'taama-shell-${version}';
const FILES = ${JSON.stringify([...files].sort())};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('taama-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Other origins and the API go to the network untouched (never stored here).
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // Pages: the fresh index.html when online, the stored one offline.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE }).then((r) => r || Response.error())));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
`;
}
