// Component-test setup: translations loaded, French by default, DOM cleaned between tests, and the
// few browser APIs Mantine uses that happy-dom may lack.
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import i18n, { LAZY_NAMESPACES, SUPPORTED_LOCALES, loadNamespaces } from '../app/i18n';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client';

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { value: ResizeObserverStub });
}
// Mantine's autosizing textarea listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: new EventTarget() });
}
if (!window.HTMLElement.prototype.scrollIntoView) {
  window.HTMLElement.prototype.scrollIntoView = () => undefined;
}

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('fr');
  // The app loads these with its pages, in the language shown; tests render pages on their own
  // and read both languages.
  await loadNamespaces(LAZY_NAMESPACES);
  await i18n.loadLanguages([...SUPPORTED_LOCALES]);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});
