/* global window */
// Installs the service worker that keeps the app shell on the device, so the app opens offline
// (SPEC §12). A separate file because the Content-Security-Policy forbids inline scripts.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js').catch(function () {
      // Without a service worker the app still works online.
    });
  });
}
