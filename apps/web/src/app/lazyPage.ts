// Route-level code splitting with the page's translations: a page's chunk and the namespaces its
// text comes from load together, and the page renders only when both are there (no raw keys).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadNamespaces, type LazyNamespace } from './i18n';

/** A lazily loaded page that can also be fetched ahead of being shown. */
export type LazyPage<P extends object> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts loading the page's code and translations (once); rendering it later waits less. */
  preload: () => Promise<unknown>;
};

/**
 * A React.lazy page that also waits for `namespaces` (those of the page and of every module it
 * uses; app/lazyPage.test.ts checks the lists against the code).
 */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, namespaces: readonly LazyNamespace[]): LazyPage<P> {
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const loadAll = () => {
    if (!pending) {
      pending = Promise.all([load(), loadNamespaces(namespaces)]).then(([page]) => page);
      // A failed attempt (offline, a deployment in between) is not remembered: the next one retries.
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
  return Object.assign(lazy(loadAll), { preload: loadAll });
}
