// Reads interface labels from the web app's translation files by i18n key (`ns:path.to.key`), so
// the screenshot list and tests name buttons the way users see them in each language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const cache = new Map<string, unknown>();

/** The text of an i18n key in a language; throws when the key does not exist. */
export function label(language: 'fr' | 'en', key: string): string {
  const [ns, path] = key.split(':');
  if (!ns || !path) throw new Error(`not an i18n key: ${key}`);
  const file = join(root, 'apps/web/src/locales', language, `${ns}.json`);
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')));
  let node = cache.get(file);
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no label ${key} in ${language}`);
  return node;
}
