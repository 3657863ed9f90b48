// Translations: French by default, English complete. Every user-visible string lives in locales/.
// Only the namespaces the sign-in page and the frame need are in the first load (both languages:
// they are small, and switching language then needs no download). Every other namespace is a
// chunk of its own, loaded with the pages that use it (see lazyPage.ts), so the first load does
// not carry every module's text in two languages (SPEC §15).
import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@taama/core';
import frCommon from '../locales/fr/common.json';
import frAuth from '../locales/fr/auth.json';
import frEnums from '../locales/fr/enums.json';
import enCommon from '../locales/en/common.json';
import enAuth from '../locales/en/auth.json';
import enEnums from '../locales/en/enums.json';

export const SUPPORTED_LOCALES: readonly Locale[] = ['fr', 'en'];
export const DEFAULT_LOCALE: Locale = 'fr';
const STORAGE_KEY = 'taama.locale';

/** Namespaces in the first load: the sign-in page, the language menu and the shared words. */
export const CORE_NAMESPACES = ['common', 'auth', 'enums'] as const;
/** Namespaces loaded on demand, with the pages that use them. */
export const LAZY_NAMESPACES = ['areas', 'admin', 'registry', 'protection', 'flows', 'awareness', 'mobility', 'returns', 'reintegration', 'results', 'offline', 'account'] as const;
export type LazyNamespace = (typeof LAZY_NAMESPACES)[number];

// One loader per locale file; the core ones are excluded so they are not also split off.
const loaders = import.meta.glob<ResourceKey>(['../locales/*/*.json', '!../locales/*/common.json', '!../locales/*/auth.json', '!../locales/*/enums.json'], {
  import: 'default',
});

/** Reads a lazily loaded namespace from its chunk. */
const chunkBackend: BackendModule = {
  type: 'backend',
  callbackApi: false,
  init() {},
  read(language: string, namespace: string) {
    const load = loaders[`../locales/${language}/${namespace}.json`];
    if (!load) return Promise.reject(new Error(`No translations for ${language}/${namespace}`));
    return load();
  },
};

/** Narrows any string to a supported locale, or undefined. */
export function asLocale(value: string | null | undefined): Locale | undefined {
  return SUPPORTED_LOCALES.find((l) => l === value);
}

function storedLocale(): Locale | undefined {
  try {
    return asLocale(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined; // storage disabled: fall back to the default
  }
}

/** Switches the interface language, remembers it on this device and updates <html lang>. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  document.documentElement.lang = locale;
  // i18next loads every namespace already in use in the new language before it switches, so the
  // page never shows raw keys in between.
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The current interface language. */
export function currentLocale(): Locale {
  return asLocale(i18n.language) ?? DEFAULT_LOCALE;
}

/**
 * Loads namespaces in the current language (and French, the fallback). Rejects when one could not
 * be loaded, so a page waiting for it shows an error instead of untranslated keys.
 */
export async function loadNamespaces(namespaces: readonly LazyNamespace[]): Promise<void> {
  const missing = () => namespaces.filter((ns) => !i18n.hasResourceBundle(i18n.language, ns));
  if (missing().length === 0) return;
  await i18n.loadNamespaces([...namespaces]);
  // A failed read is not retried by i18next on its own: ask again once (e.g. after a network blip).
  if (missing().length > 0) await i18n.reloadResources([i18n.language], missing());
  const still = missing();
  if (still.length > 0) throw new Error(`Translations could not be loaded: ${still.join(', ')}`);
}

const initial = storedLocale() ?? DEFAULT_LOCALE;
document.documentElement.lang = initial;

void i18n
  .use(initReactI18next)
  .use(chunkBackend)
  .init({
    resources: {
      fr: { common: frCommon, auth: frAuth, enums: frEnums },
      en: { common: enCommon, auth: enAuth, enums: enEnums },
    },
    // Bundled resources for the core namespaces, the backend for the rest.
    partialBundledLanguages: true,
    lng: initial,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    ns: [...CORE_NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
    initAsync: false,
  });

export default i18n;
