// Demo organisations, sites and one user per role of SPEC §1 (synthetic, never real people).

export interface DemoOrganisation {
  code: string;
  name: string;
  kind: 'international_organisation' | 'government' | 'ngo' | 'donor' | 'un_agency' | 'other';
  countryCode: string | null;
}

export interface DemoSite {
  code: string;
  name: string;
  kind: 'transit_centre' | 'office' | 'reception_centre';
  organisation: string;
  pcode: string;
  capacity: number | null;
  caseCodePrefix: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  organisation: string;
  site: string | null;
  regionPcode: string | null;
  roles: string[];
  locale: 'fr' | 'en';
}

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { code: 'iom', name: 'OIM Mali', kind: 'international_organisation', countryCode: 'MLI' },
  { code: 'aecid', name: 'AECID (Coopération espagnole)', kind: 'international_organisation', countryCode: 'MLI' },
  { code: 'mmeia', name: 'MMEIA / DGME', kind: 'government', countryCode: 'MLI' },
  { code: 'ngo-sahel-solidarite', name: 'Sahel Solidarité (ONG)', kind: 'ngo', countryCode: 'MLI' },
  { code: 'ngo-kayes-avenir', name: 'Kayes Avenir (ONG)', kind: 'ngo', countryCode: 'MLI' },
  { code: 'eu-delegation', name: "Délégation de l'Union européenne au Mali", kind: 'donor', countryCode: 'MLI' },
];

// P-codes: Bamako district ML09 (commune VI ML090106, commune V ML090105), Gao ML07, Kayes ML01,
// Mopti ML05, Tombouctou ML06 — cercle-level codes of the regional capitals.
export const DEMO_SITES: readonly DemoSite[] = [
  { code: 'bko-sogoniko', name: 'Bamako – Sogoniko', kind: 'transit_centre', organisation: 'iom', pcode: 'ML090106', capacity: 120, caseCodePrefix: 'BKO' },
  { code: 'bko-niamakoro', name: 'Bamako – Niamakoro', kind: 'transit_centre', organisation: 'iom', pcode: 'ML090106', capacity: 80, caseCodePrefix: 'BKN' },
  { code: 'gao', name: 'Gao', kind: 'transit_centre', organisation: 'iom', pcode: 'ML0701', capacity: 150, caseCodePrefix: 'GAO' },
  { code: 'kayes', name: 'Kayes', kind: 'office', organisation: 'iom', pcode: 'ML0101', capacity: null, caseCodePrefix: 'KAY' },
  { code: 'mopti', name: 'Mopti', kind: 'office', organisation: 'iom', pcode: 'ML0505', capacity: null, caseCodePrefix: 'MPT' },
  { code: 'tombouctou', name: 'Tombouctou', kind: 'office', organisation: 'iom', pcode: 'ML0605', capacity: null, caseCodePrefix: 'TBT' },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: 'Aminata Diarra', organisation: 'iom', site: null, regionPcode: null, roles: ['administrator'], locale: 'fr' },
  { username: 'caseworker.gao', displayName: 'Moussa Maïga', organisation: 'iom', site: 'gao', regionPcode: null, roles: ['caseworker'], locale: 'fr' },
  { username: 'caseworker.bamako', displayName: 'Fatoumata Coulibaly', organisation: 'iom', site: 'bko-sogoniko', regionPcode: null, roles: ['caseworker'], locale: 'fr' },
  { username: 'return.officer', displayName: 'Ibrahim Keïta', organisation: 'iom', site: 'bko-sogoniko', regionPcode: null, roles: ['return_officer'], locale: 'fr' },
  { username: 'reintegration.kayes', displayName: 'Kadiatou Sissoko', organisation: 'iom', site: 'kayes', regionPcode: 'ML01', roles: ['reintegration_officer'], locale: 'fr' },
  // A second officer of the region, so that plans are approved by someone other than who submitted them.
  { username: 'reintegration.supervisor', displayName: 'Adama Konaté', organisation: 'iom', site: 'kayes', regionPcode: 'ML01', roles: ['reintegration_officer'], locale: 'fr' },
  { username: 'protection.officer', displayName: 'Mariam Touré', organisation: 'iom', site: 'bko-sogoniko', regionPcode: null, roles: ['protection_officer'], locale: 'fr' },
  { username: 'awareness.officer', displayName: 'Seydou Traoré', organisation: 'aecid', site: null, regionPcode: null, roles: ['awareness_officer'], locale: 'fr' },
  { username: 'data.officer', displayName: 'Oumar Cissé', organisation: 'iom', site: null, regionPcode: null, roles: ['data_officer'], locale: 'fr' },
  { username: 'me.officer', displayName: 'Awa Dembélé', organisation: 'iom', site: null, regionPcode: null, roles: ['me_officer'], locale: 'fr' },
  { username: 'gov.partner', displayName: 'Boubacar Diallo', organisation: 'mmeia', site: null, regionPcode: null, roles: ['government_partner'], locale: 'fr' },
  { username: 'donor', displayName: 'Claire Dubois', organisation: 'eu-delegation', site: null, regionPcode: null, roles: ['donor'], locale: 'en' },
];
