// Vocabulary of the reintegration demo: assistance costs and providers, plan goals, visit findings,
// project names. Amounts are in CFA francs (XOF); names of organisations are fictitious.
import type { AssistanceType, BusinessStatus } from '@taama/core';

/** Planned cost range of an individual item of each type; [0, 0] for a free referral. */
export const ITEM_COST_XOF: Readonly<Record<AssistanceType, readonly [number, number]>> = {
  business_startup: [600_000, 1_450_000],
  microcredit_access: [0, 0],
  job_placement: [50_000, 150_000],
  apprenticeship: [150_000, 350_000],
  vocational_training: [200_000, 450_000],
  financial_counselling: [20_000, 50_000],
  housing: [150_000, 450_000],
  documentation: [10_000, 35_000],
  social_protection: [0, 0],
  education: [50_000, 200_000],
  health: [25_000, 150_000],
  food_water: [30_000, 90_000],
  justice_rights: [0, 60_000],
  individual_counselling: [15_000, 45_000],
  group_activity: [10_000, 30_000],
  clinical_referral: [0, 0],
};

/** Types handed to another service rather than paid for by the programme. */
export const REFERRAL_TYPES: ReadonlySet<AssistanceType> = new Set(['microcredit_access', 'social_protection', 'clinical_referral']);

export const PROVIDERS: Readonly<Record<'economic' | 'social' | 'psychosocial', readonly string[]>> = {
  economic: ['Kayes Avenir (ONG)', 'Centre de formation professionnelle de Kayes', 'Chambre des métiers', 'Caisse mutuelle Jigiya', 'Atelier Diarra & fils'],
  social: ['Sahel Solidarité (ONG)', 'Centre de santé communautaire', 'Mairie (état civil)', 'Service local du développement social'],
  psychosocial: ['Sahel Solidarité (ONG)', 'Centre de santé de référence', 'Groupe de parole des rapatriés'],
};

export const ITEM_DESCRIPTIONS: Partial<Record<AssistanceType, readonly string[]>> = {
  business_startup: ['Boutique d’alimentation générale', 'Élevage de petits ruminants', 'Atelier de couture', 'Moulin à céréales', 'Vente de pièces de moto', 'Maraîchage irrigué', 'Atelier de soudure', 'Transport par tricycle'],
  vocational_training: ['Formation en électricité du bâtiment', 'Formation en mécanique moto', 'Formation en maçonnerie'],
  apprenticeship: ['Apprentissage en menuiserie', 'Apprentissage en plomberie'],
  housing: ['Réhabilitation d’une chambre', 'Loyer de six mois'],
  health: ['Prise en charge de soins', 'Lunettes et consultation'],
  documentation: ['Acte de naissance et carte d’identité'],
  education: ['Scolarité des enfants (une année)'],
};

export const PLAN_GOALS: readonly string[] = ['Créer une activité génératrice de revenus', 'Subvenir aux besoins de la famille', 'Apprendre un métier', 'Retrouver un logement stable', 'Obtenir ses documents d’identité', 'Se soigner', 'Retrouver sa place dans la communauté'];

export const VISIT_FINDINGS: Readonly<Record<BusinessStatus | 'none', readonly string[]>> = {
  operating: ['Activité en cours, clientèle régulière.', 'Stock renouvelé, revenus suffisants pour la famille.'],
  struggling: ['Ventes faibles pendant la saison des pluies.', 'Difficultés d’approvisionnement, conseils donnés.'],
  closed: ['Activité arrêtée, matériel vendu.', 'Activité fermée après un problème de santé.'],
  sold: ['Commerce cédé à un parent, le bénéficiaire travaille ailleurs.'],
  none: ['Bénéficiaire rencontré à domicile, suit sa formation.', 'Situation stable, pas de besoin urgent.'],
};

/** Names of collective and community projects, by the type of assistance they give. */
export const PROJECT_NAMES: Partial<Record<AssistanceType, readonly string[]>> = {
  business_startup: ['Coopérative maraîchère', 'Embouche bovine collective', 'Atelier de transformation du karité', 'Groupement de pêche', 'Boulangerie communautaire', 'Unité de fabrication de savon'],
  vocational_training: ['Formation collective en couture', 'Chantier-école de maçonnerie', 'Formation en mécanique agricole'],
  food_water: ['Jardin communautaire', 'Forage et abreuvoir', 'Banque de céréales'],
  group_activity: ['Groupe de soutien psychosocial', 'Causeries communautaires'],
};

export const COMMUNITY_MEMBERS: readonly string[] = ['Awa Sidibé', 'Moussa Camara', 'Fanta Diallo', 'Oumar Koné', 'Bintou Traoré', 'Sékou Doumbia', 'Rokia Sangaré', 'Lassana Diakité'];

export const SATISFACTION_COMMENTS: readonly string[] = ['Merci pour l’accompagnement.', 'Le matériel est arrivé en retard.', 'J’aurais aimé plus de formation.', 'Très satisfait du suivi.'];
