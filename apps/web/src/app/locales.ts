// Every translation file of both languages, imported statically. Only tests use this (the parity
// and label checks); the app loads its namespaces on demand (i18n.ts), so nothing here may be
// imported by application code.
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

/** All namespaces of both languages, keyed by language then namespace. */
export const resources = {
  fr: { common: frCommon, auth: frAuth, areas: frAreas, enums: frEnums, admin: frAdmin, registry: frRegistry, protection: frProtection, flows: frFlows, awareness: frAwareness, mobility: frMobility, returns: frReturns, reintegration: frReintegration, results: frResults },
  en: { common: enCommon, auth: enAuth, areas: enAreas, enums: enEnums, admin: enAdmin, registry: enRegistry, protection: enProtection, flows: enFlows, awareness: enAwareness, mobility: enMobility, returns: enReturns, reintegration: enReintegration, results: enResults },
} as const;
