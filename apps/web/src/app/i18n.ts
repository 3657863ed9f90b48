// Translations: French by default, English complete. Every user-visible string lives in locales/.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@taama/core';
import frCommon from '../locales/fr/common.json';
import frAuth from '../locales/fr/auth.json';
import frAreas from '../locales/fr/areas.json';
import frEnums from '../locales/fr/enums.json';
import frAdmin from '../locales/fr/admin.json';
import frRegistry from '../locales/fr/registry.json';
import frProtection from '../locales/fr/protection.json';
import frFlows from '../locales/fr/flows.json';
import frAwareness from '../locales/fr/awareness.json';
import frMobility from '../locales/fr/mobility.json';
import frReintegration from '../locales/fr/reintegration.json';
import frReturns from '../locales/fr/returns.json';
import frResults from '../locales/fr/results.json';
import frOffline from '../locales/fr/offline.json';
import frAccount from '../locales/fr/account.json';
import enCommon from '../locales/en/common.json';
import enAuth from '../locales/en/auth.json';
import enAreas from '../locales/en/areas.json';
import enEnums from '../locales/en/enums.json';
import enAdmin from '../locales/en/admin.json';
import enRegistry from '../locales/en/registry.json';
import enProtection from '../locales/en/protection.json';
import enFlows from '../locales/en/flows.json';
import enAwareness from '../locales/en/awareness.json';
import enMobility from '../locales/en/mobility.json';
import enReintegration from '../locales/en/reintegration.json';
import enReturns from '../locales/en/returns.json';
import enResults from '../locales/en/results.json';
import enOffline from '../locales/en/offline.json';
import enAccount from '../locales/en/account.json';

export const SUPPORTED_LOCALES: readonly Locale[] = ['fr', 'en'];
export const DEFAULT_LOCALE: Locale = 'fr';
const STORAGE_KEY = 'taama.locale';

export const resources = {
  fr: { common: frCommon, auth: frAuth, areas: frAreas, enums: frEnums, admin: frAdmin, registry: frRegistry, protection: frProtection, flows: frFlows, awareness: frAwareness, mobility: frMobility, returns: frReturns, reintegration: frReintegration, results: frResults, offline: frOffline, account: frAccount },
  en: { common: enCommon, auth: enAuth, areas: enAreas, enums: enEnums, admin: enAdmin, registry: enRegistry, protection: enProtection, flows: enFlows, awareness: enAwareness, mobility: enMobility, returns: enReturns, reintegration: enReintegration, results: enResults, offline: enOffline, account: enAccount },
} as const;

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
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The current interface language. */
export function currentLocale(): Locale {
  return asLocale(i18n.language) ?? DEFAULT_LOCALE;
}

const initial = storedLocale() ?? DEFAULT_LOCALE;
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...SUPPORTED_LOCALES],
  ns: ['common', 'auth', 'areas', 'enums', 'admin', 'registry', 'protection', 'flows', 'awareness', 'mobility', 'returns', 'reintegration', 'results', 'offline', 'account'],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  initAsync: false,
});

export default i18n;
