// Fixed vocabularies of the return demo: the corridors movements take, consulates, carriers (all
// fictitious names), witnesses and short notes. Synthetic: no real person or company is named.
import type { MovementKind, ReturnWithdrawalReason } from '@taama/core';

export interface Corridor {
  code: string;
  direction: 'inbound' | 'outbound';
  kind: MovementKind;
  /** Inbound: host countries the passengers return from, weighted. Outbound: destination countries. */
  countries: Readonly<Record<string, number>>;
  /** Stops in order; a leg joins two consecutive stops. */
  stops: readonly string[];
  /** Days from departure to arrival. */
  days: number;
  carriers: readonly string[];
  /** Inbound: the Mali site receiving the arrivals. Outbound: the site the convoy leaves from. */
  site: string;
  /** Seats booked on a movement (passengers, members included). */
  size: readonly [number, number];
  /** Relative number of movements. */
  weight: number;
}

/** Malians come home from Niger (many expelled from Algeria first), Libya and Algeria. */
export const INBOUND_CORRIDORS: readonly Corridor[] = [
  { code: 'NER-GAO', direction: 'inbound', kind: 'bus_convoy', countries: { NER: 65, DZA: 35 }, stops: ['Niamey', 'Ayorou', 'Gao'], days: 2, carriers: ['Sahel Voyageurs', 'Trans-Niger Express'], site: 'gao', size: [30, 90], weight: 40 },
  { code: 'NER-BKO', direction: 'inbound', kind: 'charter_flight', countries: { NER: 60, DZA: 40 }, stops: ['Niamey (NIM)', 'Bamako (BKO)'], days: 0, carriers: ['Air Fleuve Charter', 'Sahel Wings'], site: 'bko-sogoniko', size: [90, 180], weight: 35 },
  { code: 'LBY-BKO', direction: 'inbound', kind: 'charter_flight', countries: { LBY: 100 }, stops: ['Tripoli – Mitiga (MJI)', 'Bamako (BKO)'], days: 0, carriers: ['Mediterranean Charter', 'Air Fleuve Charter'], site: 'bko-sogoniko', size: [100, 180], weight: 20 },
  { code: 'DZA-BKO', direction: 'inbound', kind: 'charter_flight', countries: { DZA: 100 }, stops: ['Alger (ALG)', 'Bamako (BKO)'], days: 0, carriers: ['Sahel Wings'], site: 'bko-sogoniko', size: [60, 150], weight: 5 },
];

/** Migrants in Mali go home by road convoys (and a few grouped commercial flights). */
export const OUTBOUND_CORRIDORS: readonly Corridor[] = [
  { code: 'BKO-GIN', direction: 'outbound', kind: 'bus_convoy', countries: { GIN: 100 }, stops: ['Bamako', 'Kourémalé', 'Siguiri', 'Conakry'], days: 2, carriers: ['Niger-Djoliba Transport', 'Trans-Mandé Voyageurs'], site: 'bko-sogoniko', size: [30, 70], weight: 30 },
  { code: 'BKO-BFA', direction: 'outbound', kind: 'bus_convoy', countries: { BFA: 100 }, stops: ['Bamako', 'Koury', 'Bobo-Dioulasso', 'Ouagadougou'], days: 2, carriers: ['Trans-Mandé Voyageurs', 'Faso Liaisons'], site: 'bko-sogoniko', size: [30, 60], weight: 25 },
  { code: 'BKO-SEN-GMB', direction: 'outbound', kind: 'bus_convoy', countries: { SEN: 55, GMB: 45 }, stops: ['Bamako', 'Diboli', 'Tambacounda', 'Dakar', 'Banjul'], days: 3, carriers: ['Dakar-Niger Routes'], site: 'bko-sogoniko', size: [30, 70], weight: 25 },
  { code: 'BKO-CIV', direction: 'outbound', kind: 'bus_convoy', countries: { CIV: 100 }, stops: ['Bamako', 'Zégoua', 'Korhogo', 'Abidjan'], days: 2, carriers: ['Lagunes Express'], site: 'bko-sogoniko', size: [30, 55], weight: 13 },
  { code: 'BKO-ABJ-AIR', direction: 'outbound', kind: 'commercial_flight', countries: { CIV: 100 }, stops: ['Bamako (BKO)', 'Abidjan (ABJ)'], days: 0, carriers: ['Air Lagune'], site: 'bko-sogoniko', size: [30, 40], weight: 7 },
];

/** Where travel documents are issued: Mali's consulates abroad for inbound, embassies in Bamako for outbound. */
export const CONSULATES: Readonly<Record<string, readonly string[]>> = {
  NER: ['Consulat général du Mali à Niamey'],
  DZA: ['Ambassade du Mali à Alger', 'Consulat général du Mali à Tamanrasset'],
  LBY: ['Ambassade du Mali à Tripoli'],
  GIN: ['Ambassade de Guinée à Bamako'],
  CIV: ['Ambassade de Côte d’Ivoire à Bamako'],
  BFA: ['Consulat général du Burkina Faso à Bamako'],
  SEN: ['Ambassade du Sénégal à Bamako'],
  GMB: ['Consulat de Gambie à Bamako'],
};

/** Staff of partner offices who witness a declaration of voluntariness (fictitious). */
export const WITNESSES: readonly string[] = ['Hadiza Abdou (OIM Niamey)', 'Salif Konaté (OIM Bamako)', 'Nadia Benali (OIM Alger)', 'Omar Zidane (OIM Tripoli)', 'Aïcha Maïga (OIM Gao)', 'Issa Diakité (DGME)', 'Mamadou Sow (OIM Bamako)'];

/** Escorts on movements (fictitious staff). */
export const ESCORTS: Readonly<Record<'medical' | 'operations' | 'child_protection', readonly string[]>> = {
  medical: ['Dr Awa Traoré', 'Dr Ousmane Sangaré', 'Inf. Mariam Kanté'],
  operations: ['Yacouba Diarra', 'Abdoulaye Cissé', 'Fatim Doumbia', 'Hamidou Touré', 'Kadidia Sylla'],
  child_protection: ['Assétou Coulibaly', 'Binta Keïta'],
};

export const MEDICAL_CONDITIONS: readonly string[] = ['Diabète sous traitement, besoin d’insuline pendant le voyage', 'Fracture de la jambe en cours de consolidation', 'Hypertension sévère', 'Suites d’une blessure par balle, pansements quotidiens', 'Grossesse au troisième trimestre', 'Trouble psychique, traitement en cours', 'Tuberculose sous traitement, non contagieuse'];

export const WITHDRAWAL_NOTES: Readonly<Record<ReturnWithdrawalReason, readonly string[]>> = {
  changed_mind: ['A décidé de rester et de chercher du travail sur place.', 'Souhaite réfléchir encore avec sa famille.'],
  continued_journey: ['A quitté le centre pour poursuivre sa route.', 'Parti vers le nord avec un groupe.'],
  no_show: ['Ne s’est pas présenté au départ.'],
  regularised: ['A obtenu un titre de séjour dans le pays d’accueil.'],
  deceased: ['Décédé pendant l’attente du départ ; famille informée.'],
  other: ['Diligence raisonnable : risque signalé dans la zone de retour, retour non organisé.', 'Autre raison, voir le dossier papier.'],
};

export const INELIGIBLE_NOTES: readonly string[] = ['Ne remplit pas les critères du programme (séjour régulier).', 'Déjà assisté pour un retour en 2018.', 'Nationalité non confirmée par le consulat.'];

/** Onward transport from the reception site to the home region, in CFA francs. */
export const ONWARD_TRANSPORT_XOF: Readonly<Record<string, number>> = { ML01: 15_000, ML02: 7_500, ML03: 12_500, ML04: 10_000, ML05: 15_000, ML06: 25_000, ML07: 20_000, ML08: 25_000, ML09: 2_500, ML10: 30_000 };

/** Relatives travelling with a returnee (a few families). */
export const FAMILY_MEMBER_RELATIONSHIPS = { spouse: 'spouse', child: 'child' } as const;
