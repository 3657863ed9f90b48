// The default results framework of the reference action (SPEC §0, §11): the EUTF common output
// indicators it reports on and the programme's own targets. This is seed configuration: the server
// stores it as data, an administrator edits it, and another programme replaces it.
import type { CountingKind } from './counting';

export type Localised = { fr: string; en: string };

/** The record-based rules the engine knows; a rule is versioned configuration naming one of these. */
export const INDICATOR_SOURCES = [
  'protection.first_service',
  'awareness.people_reached',
  'returns.outbound_departed',
  'returns.arrival_assistance',
  'reintegration.first_assistance_delivered',
  'mobility.institutions_supported',
  'mobility.trainees_completed',
  'awareness.activities_held',
  'mobility.equipment_items',
  'flows.collections_completed',
  'awareness.communities_reached',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export interface IndicatorDefinition {
  code: string;
  title: Localised;
  /** The logframe node it is attached to (`GO`, `OS1`…`OS5`, or an output code). */
  level: string;
  unit: Localised;
  baseline: number;
  target: number | null;
  /** Targets per period code (`2025Q1`…), when the programme sets them. */
  periodTargets?: Record<string, number>;
  partner: string;
  dataSource: Localised;
  computation: { mode: 'automatic'; source: IndicatorSource; kind: CountingKind; version: number } | { mode: 'manual' };
}

const persons = { fr: 'personnes', en: 'persons' };
const auto = (source: IndicatorSource, kind: CountingKind) => ({ mode: 'automatic' as const, source, kind, version: 1 });

export const DEFAULT_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: '3.2',
    title: {
      en: 'Number of migrants in transit, refugees/asylum seekers and IDPs protected and/or assisted',
      fr: 'Nombre de migrants en transit, réfugiés/demandeurs d’asile et personnes déplacées protégés et/ou assistés',
    },
    level: 'OS1', unit: persons, baseline: 0, target: 1600, partner: 'iom',
    dataSource: { fr: 'Dossiers de protection : premier service délivré', en: 'Protection cases: first service delivered' },
    computation: auto('protection.first_service', 'distinct'),
  },
  {
    code: '3.3',
    title: { en: 'Number of (potential) migrants, reached by information campaigns on migration', fr: 'Nombre de migrants (potentiels) touchés par des campagnes d’information sur la migration' },
    level: 'OS4', unit: persons, baseline: 0, target: 70000, partner: 'aecid',
    dataSource: { fr: 'Activités de sensibilisation : participants comptés', en: 'Awareness activities: counted participants' },
    computation: auto('awareness.people_reached', 'sum'),
  },
  {
    code: '3.4',
    title: { en: 'Number of voluntary returns supported', fr: 'Nombre de retours volontaires soutenus' },
    level: 'OS1', unit: persons, baseline: 0, target: 4000, partner: 'iom',
    dataSource: { fr: 'Dossiers de retour sortants partis', en: 'Outbound return cases departed' },
    computation: auto('returns.outbound_departed', 'distinct'),
  },
  {
    code: '3.5',
    title: { en: 'Number of returning migrants benefitting from post-arrival assistance', fr: 'Nombre de migrants de retour bénéficiant d’une assistance post-arrivée' },
    level: 'OS1', unit: persons, baseline: 0, target: null, partner: 'iom',
    dataSource: { fr: 'Arrivées : au moins une assistance à l’arrivée', en: 'Arrivals: at least one arrival assistance item' },
    computation: auto('returns.arrival_assistance', 'distinct'),
  },
  {
    code: '3.5 bis',
    title: { en: 'Number of returning migrants benefitting from reintegration assistance', fr: 'Nombre de migrants de retour bénéficiant d’une assistance à la réintégration' },
    level: 'OS2', unit: persons, baseline: 0, target: 1900, partner: 'iom',
    dataSource: { fr: 'Réintégration : première assistance délivrée', en: 'Reintegration: first assistance item delivered' },
    computation: auto('reintegration.first_assistance_delivered', 'distinct'),
  },
  {
    code: '3.6',
    title: {
      en: 'Number of institutions and non-state actors strengthened through capacity building or operational support on protection and migration management',
      fr: 'Nombre d’institutions et d’acteurs non étatiques renforcés par un renforcement des capacités ou un appui opérationnel en matière de protection et de gestion des migrations',
    },
    level: 'OS5', unit: { fr: 'institutions', en: 'institutions' }, baseline: 0, target: null, partner: 'aecid',
    dataSource: { fr: 'Formations et équipements remis', en: 'Trainings and equipment handed over' },
    computation: auto('mobility.institutions_supported', 'distinct'),
  },
  {
    code: '3.7',
    title: { en: 'Number of individuals trained on migration management and protection', fr: 'Nombre de personnes formées à la gestion des migrations et à la protection' },
    level: 'OS5', unit: persons, baseline: 0, target: 120, partner: 'aecid',
    dataSource: { fr: 'Formations achevées', en: 'Trainings completed' },
    computation: auto('mobility.trainees_completed', 'distinct'),
  },
  {
    code: '3.11',
    title: { en: 'Number of awareness raising events on migration', fr: 'Nombre d’événements de sensibilisation sur la migration' },
    level: 'OS4', unit: { fr: 'événements', en: 'events' }, baseline: 0, target: null, partner: 'aecid',
    dataSource: { fr: 'Activités de sensibilisation tenues', en: 'Awareness activities held' },
    computation: auto('awareness.activities_held', 'sum'),
  },
  {
    code: '4.1 bis',
    title: { en: 'Number of items of equipment provided to strengthen governance', fr: 'Nombre d’équipements fournis pour renforcer la gouvernance' },
    level: 'OS5', unit: { fr: 'équipements', en: 'items' }, baseline: 0, target: null, partner: 'aecid',
    dataSource: { fr: 'Équipements remis (quantités)', en: 'Equipment handed over (quantities)' },
    computation: auto('mobility.equipment_items', 'sum'),
  },
  {
    code: '4.6',
    title: { en: 'Number of strategies, laws, policies and plans developed and / or directly supported', fr: 'Nombre de stratégies, lois, politiques et plans élaborés et/ou directement soutenus' },
    level: 'OS5', unit: { fr: 'documents', en: 'documents' }, baseline: 0, target: null, partner: 'aecid',
    dataSource: { fr: 'Saisie manuelle avec justificatif', en: 'Manual entry with evidence' },
    computation: { mode: 'manual' },
  },
  {
    code: '5.1',
    title: { en: 'Number of multi-stakeholder groups and learning mechanisms formed and regularly gathering', fr: 'Nombre de groupes multipartites et de mécanismes d’apprentissage constitués et se réunissant régulièrement' },
    level: 'OS1', unit: { fr: 'mécanismes', en: 'mechanisms' }, baseline: 0, target: 1, partner: 'iom',
    dataSource: { fr: 'Saisie manuelle avec justificatif (mécanisme d’orientation)', en: 'Manual entry with evidence (referral mechanism)' },
    computation: { mode: 'manual' },
  },
  {
    code: '5.2',
    title: {
      en: 'Number of planning, monitoring, learning, data-collection and analysis systems set up, implemented and / or strengthened',
      fr: 'Nombre de systèmes de planification, de suivi, d’apprentissage, de collecte et d’analyse de données mis en place, mis en œuvre et/ou renforcés',
    },
    level: 'OS3', unit: { fr: 'systèmes', en: 'systems' }, baseline: 0, target: 1, partner: 'iom',
    dataSource: { fr: 'Saisie manuelle avec justificatif (plateforme d’information)', en: 'Manual entry with evidence (information platform)' },
    computation: { mode: 'manual' },
  },
  {
    code: '5.3',
    title: { en: 'Number of field studies, surveys and other research conducted', fr: 'Nombre d’études de terrain, d’enquêtes et d’autres recherches menées' },
    level: 'OS3', unit: { fr: 'collectes', en: 'collections' }, baseline: 0, target: 6, partner: 'iom',
    dataSource: { fr: 'Exercices de collecte de données achevés', en: 'Data collection exercises completed' },
    computation: auto('flows.collections_completed', 'distinct'),
  },
  {
    code: 'OS1.centres',
    title: { en: 'Number of centres for migrants in transit supported', fr: 'Nombre de centres pour migrants en transit appuyés' },
    level: 'OS1', unit: { fr: 'centres', en: 'centres' }, baseline: 0, target: 3, partner: 'iom',
    dataSource: { fr: 'Saisie manuelle avec justificatif', en: 'Manual entry with evidence' },
    computation: { mode: 'manual' },
  },
  {
    code: 'OS4.communities',
    title: { en: 'Number of communities reached by awareness-raising', fr: 'Nombre de communautés touchées par la sensibilisation' },
    level: 'OS4', unit: { fr: 'communautés', en: 'communities' }, baseline: 0, target: 200, partner: 'aecid',
    dataSource: { fr: 'Communautés avec au moins une activité tenue', en: 'Communities with at least one activity held' },
    computation: auto('awareness.communities_reached', 'distinct'),
  },
];
