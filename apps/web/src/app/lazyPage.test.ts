// The namespaces each lazily loaded page waits for must cover every namespace its code (and the code
// it imports, statically or lazily) uses, unless that code waits for them itself
// (useTranslation(['…'])); otherwise a page would flash raw keys, or show them for good. Read from the sources, so adding a `t('flows:…')` to a shared component without adding
// 'flows' to the pages that use it fails here.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORE_NAMESPACES, LAZY_NAMESPACES } from './i18n';

const appDir = dirname(fileURLToPath(import.meta.url));
const ALL = [...CORE_NAMESPACES, ...LAZY_NAMESPACES];
const USE = new RegExp(`['"\`](${ALL.join('|')}):`, 'g');
const IMPORT = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return ['.tsx', '.ts', '/index.tsx', '/index.ts', ''].map((ext) => base + ext).find((path) => /\.tsx?$/.test(path) && existsSync(path));
}

/** Every namespace used by `entry` and by the modules it reaches through relative imports. */
function namespacesReachedFrom(entry: string): Set<string> {
  const used = new Set<string>();
  const seen = new Set<string>();
  const todo = [entry];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // useTranslation(['…']) makes react-i18next suspend until those namespaces are loaded.
    const awaited = new Set([...text.matchAll(/useTranslation\(([^)]*)\)/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/'([a-z]+)'/g)].map((n) => n[1])));
    for (const match of text.matchAll(USE)) if (!awaited.has(match[1])) used.add(match[1] ?? '');
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveModule(file, match[1] ?? '');
      if (target) todo.push(target);
    }
  }
  return used;
}

/** The lazy pages declared in routes.tsx with the namespaces they wait for. */
function lazyPages(): { module: string; namespaces: string[] }[] {
  const routes = join(appDir, 'routes.tsx');
  const source = readFileSync(routes, 'utf8');
  return [...source.matchAll(/lazyPage(?:<[^>]*>)?\(\s*\(\)\s*=>\s*import\('([^']+)'\)[^,]*,\s*\[([^\]]*)\]\)/g)].map((m) => ({
    module: resolveModule(routes, m[1] ?? '') ?? `missing: ${m[1]}`,
    namespaces: [...(m[2] ?? '').matchAll(/'([a-z]+)'/g)].map((n) => n[1] ?? ''),
  }));
}

describe('lazily loaded pages and their translations', () => {
  it('finds the lazy pages of routes.tsx', () => {
    const pages = lazyPages();
    expect(pages.length).toBeGreaterThan(15);
    expect(pages.map((p) => p.module).filter((m) => m.startsWith('missing'))).toEqual([]);
  });

  it('wait for every namespace their code uses', () => {
    const uncovered = lazyPages().flatMap(({ module, namespaces }) => {
      const loaded = new Set<string>([...CORE_NAMESPACES, ...namespaces]);
      return [...namespacesReachedFrom(module)].filter((ns) => !loaded.has(ns)).map((ns) => `${module.slice(appDir.length - 3)} needs '${ns}'`);
    });
    expect(uncovered).toEqual([]);
  });

  it('keep the first load to the core namespaces', () => {
    // What main.tsx reaches without going through a lazy page: the sign-in page and the guards.
    const main = readFileSync(join(appDir, 'routes.tsx'), 'utf8').replace(/lazyPage(?:<[^>]*>)?\([^;]*;/g, '');
    const direct = [...main.matchAll(IMPORT)].map((m) => resolveModule(join(appDir, 'routes.tsx'), m[1] ?? '')).filter((f): f is string => f !== undefined);
    const used = new Set(direct.flatMap((file) => [...namespacesReachedFrom(file)]));
    expect([...used].filter((ns) => !(CORE_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
  });
});
