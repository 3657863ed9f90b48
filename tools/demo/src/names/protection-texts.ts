// Words and numbers the demo's protection cases are written with: phone numbering plans, places of
// origin, service providers and unit costs, task titles and note texts (French, as field staff write).
import type { ReferralService, ServiceType, TaskKind } from '@taama/core';

/** E.164 country codes, first digits of mobile numbers and national number length. */
export const PHONE_PLANS: Readonly<Record<string, { code: string; prefixes: readonly string[]; length: number }>> = {
  MLI: { code: '223', prefixes: ['66', '76', '79', '65', '75', '70'], length: 8 },
  GIN: { code: '224', prefixes: ['62', '66', '65', '61'], length: 9 },
  BFA: { code: '226', prefixes: ['70', '76', '65', '56'], length: 8 },
  CIV: { code: '225', prefixes: ['07', '05', '01'], length: 10 },
  SEN: { code: '221', prefixes: ['77', '78', '76', '70'], length: 9 },
  GMB: { code: '220', prefixes: ['7', '3', '2'], length: 7 },
  NER: { code: '227', prefixes: ['96', '90', '93', '89'], length: 8 },
  NGA: { code: '234', prefixes: ['80', '70', '81', '90'], length: 10 },
  TGO: { code: '228', prefixes: ['90', '91', '99', '70'], length: 8 },
  GNB: { code: '245', prefixes: ['95', '96'], length: 9 },
  SLE: { code: '232', prefixes: ['76', '77', '88', '30'], length: 8 },
  GHA: { code: '233', prefixes: ['24', '54', '20', '55'], length: 9 },
  BEN: { code: '229', prefixes: ['97', '96', '66', '61'], length: 8 },
  LBR: { code: '231', prefixes: ['77', '88'], length: 9 },
  CMR: { code: '237', prefixes: ['67', '69', '65'], length: 9 },
  MRT: { code: '222', prefixes: ['2', '3', '4'], length: 8 },
  TCD: { code: '235', prefixes: ['66', '99', '63'], length: 8 },
  CPV: { code: '238', prefixes: ['9', '5'], length: 7 },
  CAF: { code: '236', prefixes: ['72', '75', '70'], length: 8 },
};

/** Cercles of origin of Malians in transit, weighted towards the Kayes region's migration belt. */
export const MALI_ORIGIN_PCODES: Readonly<Record<string, number>> = {
  ML0103: 10, ML0107: 8, ML0106: 7, ML0102: 6, ML0101: 3, ML0105: 3, ML0104: 2,
  ML0901: 10, ML0204: 4, ML0207: 3, ML0201: 2, ML0406: 4, ML0405: 2, ML0305: 4, ML0304: 3, ML0302: 2,
  ML0506: 3, ML0501: 2, ML0605: 2, ML0703: 3, ML0701: 1,
};

export const NICKNAMES: readonly string[] = ['Papis', 'Vieux', 'Tonton', 'Pape', 'Djibril', 'Bouba', 'Madou', 'Solo', 'Ablo', 'Baba', 'Petit'];

/** Unit cost in CFA francs (XOF) of each service, as the programme budgets them. */
export const UNIT_COSTS_XOF: Readonly<Record<ServiceType, number>> = {
  shelter_night: 2_000,
  food: 1_500,
  nfi: 12_000,
  hygiene_kit: 6_500,
  medical_consultation: 5_000,
  medical_referral: 35_000,
  psychosocial_support: 5_000,
  legal_counselling: 10_000,
  family_tracing: 0,
  restoring_family_links_call: 500,
  cash: 25_000,
  transport: 10_000,
  clothing: 7_500,
  information_counselling: 0,
};

/** Who delivers a service; the organisation's own staff when a type is not listed. */
export const PROVIDERS: Partial<Record<ServiceType, readonly string[]>> = {
  food: ['OIM Mali', 'Restauration du centre de transit'],
  medical_consultation: ['CSCOM du quartier', 'Croix-Rouge malienne', 'OIM Mali – infirmerie'],
  medical_referral: ['Hôpital de Gao', 'CHU Gabriel Touré', 'Hôpital Fousseyni Daou de Kayes', 'CSRéf Commune VI'],
  psychosocial_support: ['OIM Mali – psychologue', 'Sahel Solidarité'],
  legal_counselling: ['Clinique juridique DEME SO', 'Sahel Solidarité'],
  family_tracing: ['Croix-Rouge malienne'],
  restoring_family_links_call: ['Croix-Rouge malienne'],
  transport: ['Compagnie de transport Sonef', 'Bani Transport', 'OIM Mali'],
  clothing: ['OIM Mali', 'Kayes Avenir'],
};

export const TASK_TITLES: Readonly<Record<TaskKind, readonly string[]>> = {
  follow_up: ['Appel de suivi après le départ', 'Vérifier la situation au retour', 'Entretien de suivi'],
  best_interest_determination: ['Détermination de l’intérêt supérieur de l’enfant', 'DIS : entretien et recommandation'],
  family_tracing: ['Recherche familiale avec la Croix-Rouge', 'Contacter la famille dans le pays d’origine'],
  document_request: ['Demande de laissez-passer au consulat', 'Obtenir un document de voyage'],
  other: ['Autre démarche'],
};

export const NOTE_TEXTS: {
  intake: readonly string[];
  convoy: readonly string[];
  followUp: readonly string[];
  sensitive: readonly string[];
  outcome: readonly string[];
  feedback: Partial<Record<string, readonly string[]>>;
  referralReason: Partial<Record<ReferralService, readonly string[]>>;
} = {
  intake: [
    'Entretien d’accueil réalisé ; la personne souhaite rentrer dans son pays.',
    'Arrivé seul, fatigué par la route ; orienté vers l’hébergement.',
    'Souhaite poursuivre son voyage ; informé des risques sur la route du nord.',
    'Arrivé à la gare routière sans ressources ; enregistré et hébergé.',
    'Demande une aide au retour volontaire ; dossier ouvert.',
  ],
  convoy: ['Arrivé avec le convoi de personnes refoulées d’Algérie ; accueil et enregistrement.', 'Débarqué du convoi ; a marché plusieurs jours dans le désert, pris en charge au centre.'],
  followUp: ['Appel au numéro indiqué : la personne est bien arrivée.', 'Famille contactée ; attend le retour de son fils.', 'Rendez-vous manqué ; nouvel appel prévu.', 'Documents de voyage en cours auprès du consulat.'],
  sensitive: ['Signes de détresse psychologique ; soutien psychosocial proposé.', 'Déclare avoir été retenu(e) contre son gré pendant le trajet ; orientation protection.', 'Violences subies en route ; prise en charge confidentielle.'],
  outcome: ['Fait.', 'Réalisé, voir notes.', 'Terminé avec la famille.', 'Recommandation transmise au superviseur.'],
  feedback: {
    accepted: ['Prise en charge acceptée, rendez-vous fixé.'],
    declined: ['Hors de notre mandat pour ce profil.', 'Capacité atteinte ce mois-ci.'],
    completed: ['Service rendu, dossier clos de notre côté.', 'Départ organisé et effectué.'],
    closed_without_service: ['La personne ne s’est pas présentée.', 'Départ avant la prise en charge.'],
  },
  referralReason: {
    avr: ['Souhaite rentrer dans son pays d’origine.'],
    protection: ['Besoin de protection spécifique identifié au dépistage.'],
    medical: ['Besoin de soins au-delà des premiers secours.'],
    psychosocial: ['Suivi psychosocial au-delà du séjour au centre.'],
    legal: ['Conseil juridique sur ses documents.'],
    shelter: ['Hébergement à plus long terme.'],
    family_tracing: ['Recherche de la famille.'],
    livelihood: ['Appui à un projet de subsistance.'],
    other: ['Autre besoin.'],
  },
};
