// Synthetic free-movement and border-governance data (SPEC §10, §14): about 20 border posts on
// Mali's main corridors, about 40 institutions, about 15 trainings with about 150 trainees, equipment
// handovers and about 150 incidents in 2018–2021. Trainees and reporters are random name combinations,
// never real people. Border posts are real crossings; their coordinates are the centroid of the
// P-code they are filed under (approximate). Deterministic for a seed; `scale` multiplies volumes.
import { readFileSync } from 'node:fs';
import type { BorderPostType, Corridor, IncidentAgency, IncidentType, InstitutionKind, TrainingTopic, PresentedDocument } from '@taama/core';
import { MALI } from './names/sahel';
import { createRng, type Rng } from './rng';

export interface DemoBorderPost {
  key: string;
  name: string;
  pcode: string;
  neighbourCountry: string;
  type: BorderPostType;
  corridor: Corridor;
  lat: number | null;
  lon: number | null;
}

export interface DemoInstitution {
  key: string;
  name: string;
  kind: InstitutionKind;
  parentKey: string | null;
}

export interface DemoTrainee {
  name: string;
  sex: 'male' | 'female';
  institutionKey: string;
  rank: string | null;
  daysAttended: number;
  completed: boolean;
  preScore: number | null;
  postScore: number | null;
}

export interface DemoTraining {
  title: string;
  topic: TrainingTopic;
  startsOn: string;
  endsOn: string;
  days: number;
  place: string;
  pcode: string | null;
  borderPostKey: string | null;
  trainees: DemoTrainee[];
}

export interface DemoEquipment {
  type: string;
  quantity: number;
  valueXof: number;
  recipientKey: string;
  borderPostKey: string | null;
  handedOverOn: string;
}

export interface DemoIncident {
  occurredOn: string;
  borderPostKey: string | null;
  place: { name: string; pcode: string } | null;
  corridor: Corridor;
  agency: IncidentAgency;
  types: IncidentType[];
  amountDemandedXof: number | null;
  documentsPresented: PresentedDocument[];
  victimNationality: string;
  victimSex: 'male' | 'female' | 'mixed';
  victimsCount: number;
  reporter: { anonymous: boolean; name: string | null; phone: string | null };
  followUp: string | null;
}

export interface DemoMobility {
  /** Code of the organisation that records the work. */
  organisation: string;
  borderPosts: DemoBorderPost[];
  institutions: DemoInstitution[];
  trainings: DemoTraining[];
  equipment: DemoEquipment[];
  incidents: DemoIncident[];
}

/** Mali's main crossings and checkpoints, filed under the reference P-code of their cercle or commune. */
const POSTS: readonly Omit<DemoBorderPost, 'key' | 'lat' | 'lon'>[] = [
  { name: 'Diboli', pcode: 'ML0103', neighbourCountry: 'SEN', type: 'land_border', corridor: 'bamako_dakar' },
  { name: 'Kayes (contrôle routier)', pcode: 'ML010312', neighbourCountry: 'SEN', type: 'checkpoint', corridor: 'bamako_dakar' },
  { name: 'Kati (contrôle routier)', pcode: 'ML020418', neighbourCountry: 'SEN', type: 'checkpoint', corridor: 'bamako_dakar' },
  { name: 'Kourémalé', pcode: 'ML0203', neighbourCountry: 'GIN', type: 'land_border', corridor: 'bamako_conakry' },
  { name: 'Kéniéba', pcode: 'ML010409', neighbourCountry: 'GIN', type: 'land_border', corridor: 'other' },
  { name: 'Zégoua', pcode: 'ML030209', neighbourCountry: 'CIV', type: 'land_border', corridor: 'bamako_abidjan' },
  { name: 'Kadiolo (contrôle routier)', pcode: 'ML030204', neighbourCountry: 'CIV', type: 'checkpoint', corridor: 'bamako_abidjan' },
  { name: 'Bougouni (contrôle routier)', pcode: 'ML030102', neighbourCountry: 'CIV', type: 'checkpoint', corridor: 'bamako_abidjan' },
  { name: 'Hérémakono', pcode: 'ML0305', neighbourCountry: 'BFA', type: 'land_border', corridor: 'sikasso_bobo_dioulasso' },
  { name: 'Sikasso (contrôle routier)', pcode: 'ML030536', neighbourCountry: 'BFA', type: 'checkpoint', corridor: 'sikasso_bobo_dioulasso' },
  { name: 'Koury', pcode: 'ML030705', neighbourCountry: 'BFA', type: 'land_border', corridor: 'bamako_ouagadougou' },
  { name: 'Yorosso (contrôle routier)', pcode: 'ML030709', neighbourCountry: 'BFA', type: 'checkpoint', corridor: 'bamako_ouagadougou' },
  { name: 'Koro', pcode: 'ML050512', neighbourCountry: 'BFA', type: 'land_border', corridor: 'mopti_ouagadougou' },
  { name: 'Mopti – Sévaré (contrôle routier)', pcode: 'ML0506', neighbourCountry: 'BFA', type: 'checkpoint', corridor: 'mopti_ouagadougou' },
  { name: 'Benena', pcode: 'ML040701', neighbourCountry: 'BFA', type: 'land_border', corridor: 'other' },
  { name: 'Labbezanga', pcode: 'ML0701', neighbourCountry: 'NER', type: 'river_crossing', corridor: 'gao_niamey' },
  { name: 'Gao (contrôle routier)', pcode: 'ML0703', neighbourCountry: 'NER', type: 'checkpoint', corridor: 'gao_niamey' },
  { name: 'Anderamboukane', pcode: 'ML1002', neighbourCountry: 'NER', type: 'land_border', corridor: 'other' },
  { name: 'Gogui', pcode: 'ML010606', neighbourCountry: 'MRT', type: 'land_border', corridor: 'kayes_nouakchott' },
  { name: 'Nioro du Sahel (contrôle routier)', pcode: 'ML010610', neighbourCountry: 'MRT', type: 'checkpoint', corridor: 'kayes_nouakchott' },
  { name: 'In-Khalil', pcode: 'ML0803', neighbourCountry: 'DZA', type: 'land_border', corridor: 'gao_algeria' },
];

/** Incidents follow the traffic: weights by corridor. */
const CORRIDOR_WEIGHTS: Readonly<Record<string, number>> = { bamako_dakar: 22, bamako_abidjan: 20, sikasso_bobo_dioulasso: 12, bamako_ouagadougou: 12, bamako_conakry: 10, gao_niamey: 10, mopti_ouagadougou: 6, kayes_nouakchott: 5, gao_algeria: 3 };
const TOPICS: readonly TrainingTopic[] = ['integrated_border_management', 'free_movement_protocol', 'document_fraud', 'smuggling_trafficking', 'humanitarian_border_management', 'data_systems', 'migrant_rights'];
const RANKS: Readonly<Record<string, readonly string[]>> = {
  police: ['gardien de la paix', 'sergent', 'inspecteur', 'commissaire'],
  customs: ['préposé', 'contrôleur', 'inspecteur des douanes'],
  gendarmerie: ['gendarme', 'maréchal des logis', 'adjudant', 'lieutenant'],
  civil_protection: ['sapeur', 'sergent', 'lieutenant'],
  ministry: ['chargé de mission', 'chef de division', 'conseiller technique'],
  ngo: ['animateur', 'chargé de programme'],
  other: ['agent'],
};

function loadCentroids(): Map<string, { lat: number; lon: number }> {
  const out = new Map<string, { lat: number; lon: number }>();
  const text = readFileSync(new URL('../../../reference-data/mali-pcodes.csv', import.meta.url), 'utf8');
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [pcode, , , , lon, lat] = line.split(',');
    if (pcode && lon && lat) out.set(pcode, { lat: Number(lat), lon: Number(lon) });
  }
  return out;
}

function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function institutions(posts: readonly DemoBorderPost[]): DemoInstitution[] {
  const central: DemoInstitution[] = [
    { key: 'inst-police-nationale', name: 'Direction générale de la Police nationale', kind: 'police', parentKey: null },
    { key: 'inst-douanes', name: 'Direction générale des Douanes', kind: 'customs', parentKey: null },
    { key: 'inst-gendarmerie', name: 'Direction générale de la Gendarmerie nationale', kind: 'gendarmerie', parentKey: null },
    { key: 'inst-protection-civile', name: 'Direction générale de la Protection civile', kind: 'civil_protection', parentKey: null },
    { key: 'inst-ministere-maliens-exterieur', name: 'Ministère des Maliens établis à l’extérieur', kind: 'ministry', parentKey: null },
    { key: 'inst-ong-droits', name: 'Association malienne des expulsés (demo)', kind: 'ngo', parentKey: null },
  ];
  const local: DemoInstitution[] = [];
  // A police post and a customs office at each border crossing (checkpoints are gendarmerie).
  for (const p of posts) {
    if (p.type === 'checkpoint') {
      local.push({ key: `inst-gend-${p.key}`, name: `Brigade de gendarmerie – ${p.name}`, kind: 'gendarmerie', parentKey: 'inst-gendarmerie' });
    } else {
      local.push({ key: `inst-police-${p.key}`, name: `Poste de police frontière – ${p.name}`, kind: 'police', parentKey: 'inst-police-nationale' });
      local.push({ key: `inst-douane-${p.key}`, name: `Bureau des douanes – ${p.name}`, kind: 'customs', parentKey: 'inst-douanes' });
    }
  }
  return [...central, ...local];
}

function name(rng: Rng, sex: 'male' | 'female'): string {
  return `${rng.pick(sex === 'male' ? MALI.male : MALI.female)} ${rng.pick(MALI.family)}`;
}

function trainings(rng: Rng, posts: readonly DemoBorderPost[], insts: readonly DemoInstitution[], count: number): DemoTraining[] {
  const out: DemoTraining[] = [];
  const alumni: DemoTrainee[] = [];
  for (let i = 0; i < count; i += 1) {
    const topic = TOPICS[i % TOPICS.length] as TrainingTopic;
    const days = rng.int(2, 5);
    const startsOn = dateBetween(rng, '2018-04-01', '2021-10-31');
    const post = rng.next() < 0.6 ? rng.pick(posts) : null;
    const trainees: DemoTrainee[] = [];
    const size = rng.int(8, 13);
    const names = new Set<string>();
    while (trainees.length < size) {
      // About one trainee in twelve already attended an earlier training: counted once as an official.
      const again = alumni.length > 0 && rng.next() < 0.08 ? rng.pick(alumni) : null;
      const sex = again?.sex ?? (rng.next() < 0.78 ? 'male' : 'female');
      const institution = again ? (insts.find((x) => x.key === again.institutionKey) ?? rng.pick(insts)) : rng.pick(insts);
      const traineeName = again?.name ?? name(rng, sex);
      if (names.has(traineeName)) continue;
      names.add(traineeName);
      const daysAttended = rng.next() < 0.88 ? days : rng.int(0, days - 1);
      const completed = daysAttended >= Math.ceil(days * 0.8) && rng.next() < 0.97;
      const pre = rng.int(25, 65);
      const trainee: DemoTrainee = {
        name: traineeName,
        sex,
        institutionKey: institution.key,
        rank: rng.pick(RANKS[institution.kind] ?? ['agent']),
        daysAttended,
        completed,
        preScore: pre,
        postScore: daysAttended === 0 ? null : Math.min(100, pre + rng.int(5, 35)),
      };
      trainees.push(trainee);
      if (!again) alumni.push(trainee);
    }
    out.push({
      title: `Formation ${topic.replace(/_/g, ' ')} – session ${i + 1}`,
      topic,
      startsOn,
      endsOn: addDays(startsOn, days - 1),
      days,
      place: post ? post.name : rng.pick(['Bamako', 'Kayes', 'Sikasso', 'Ségou']),
      pcode: post ? post.pcode : null,
      borderPostKey: post?.key ?? null,
      trainees,
    });
  }
  return out.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

function incidents(rng: Rng, posts: readonly DemoBorderPost[], count: number): DemoIncident[] {
  const out: DemoIncident[] = [];
  for (let i = 0; i < count; i += 1) {
    const corridor = rng.weighted(CORRIDOR_WEIGHTS) as Corridor;
    const onCorridor = posts.filter((p) => p.corridor === corridor);
    const post = onCorridor.length > 0 && rng.next() < 0.85 ? rng.pick(onCorridor) : null;
    const first = rng.weighted({ extortion: 55, harassment: 15, refused_entry_with_valid_documents: 8, document_confiscation: 10, detention: 8, violence: 4 }) as IncidentType;
    const types: IncidentType[] = [first];
    if (first !== 'harassment' && rng.next() < 0.25) types.push('harassment');
    const anonymous = rng.next() < 0.6;
    const sex = rng.next() < 0.8 ? 'male' : 'female';
    const documents: PresentedDocument[] = [rng.weighted({ national_id: 40, ecowas_card: 20, passport: 20, laissez_passer: 5, none: 10, other: 5 }) as PresentedDocument];
    if (documents[0] !== 'none' && rng.next() < 0.3) documents.push('health_certificate');
    out.push({
      occurredOn: dateBetween(rng, '2018-01-01', '2021-12-31'),
      borderPostKey: post?.key ?? null,
      place: post ? null : { name: `Contrôle routier sur l’axe ${corridor.replace(/_/g, '–')}`, pcode: (onCorridor[0] ?? rng.pick(posts)).pcode },
      corridor,
      agency: rng.weighted({ police: 35, customs: 25, gendarmerie: 25, military: 5, other_official: 4, non_state: 3, unknown: 3 }) as IncidentAgency,
      types,
      amountDemandedXof: types.includes('extortion') ? rng.pick([1000, 2000, 2500, 5000, 10000, 15000, 25000]) : null,
      documentsPresented: documents,
      victimNationality: rng.weighted({ MLI: 55, GIN: 10, CIV: 8, SEN: 8, BFA: 8, NER: 5, GMB: 3, NGA: 3 }),
      victimSex: rng.next() < 0.1 ? 'mixed' : sex,
      victimsCount: rng.next() < 0.75 ? 1 : rng.int(2, 12),
      reporter: anonymous ? { anonymous: true, name: null, phone: null } : { anonymous: false, name: name(rng, sex), phone: `+223 ${rng.pick(['66', '76', '79'])} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}` },
      followUp: rng.next() < 0.3 ? rng.pick(['Signalé au comité de suivi de la libre circulation', 'Transmis à la hiérarchie du poste', 'Orientation vers une assistance juridique']) : null,
    });
  }
  return out.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
}

/** Generates the free-movement demo for a seed and scale. */
export function generateMobility(seed: number, scale = 1): DemoMobility {
  const rng = createRng(seed * 104_729 + 7);
  const centroids = loadCentroids();
  const posts: DemoBorderPost[] = POSTS.map((p, i) => ({ ...p, key: `post-${i + 1}`, lat: centroids.get(p.pcode)?.lat ?? null, lon: centroids.get(p.pcode)?.lon ?? null }));
  const insts = institutions(posts);
  const equipment: DemoEquipment[] = Array.from({ length: Math.round(20 * scale) }, () => {
    const post = rng.pick(posts);
    const recipient = insts.find((x) => x.key.endsWith(post.key)) ?? rng.pick(insts);
    const item = rng.pick([
      { type: 'Lecteur de documents de voyage', unit: 1_800_000 },
      { type: 'Ordinateur portable', unit: 450_000 },
      { type: 'Kit de détection de fraude documentaire', unit: 350_000 },
      { type: 'Motocyclette', unit: 900_000 },
      { type: 'Panneau solaire et batterie', unit: 600_000 },
      { type: 'Radio VHF', unit: 250_000 },
    ]);
    const quantity = rng.int(1, 6);
    return { type: item.type, quantity, valueXof: item.unit * quantity, recipientKey: recipient.key, borderPostKey: post.key, handedOverOn: dateBetween(rng, '2018-06-01', '2021-11-30') };
  });
  return {
    organisation: 'aecid',
    borderPosts: posts,
    institutions: insts,
    trainings: trainings(rng, posts, insts, Math.round(15 * scale)),
    equipment: equipment.sort((a, b) => a.handedOverOn.localeCompare(b.handedOverOn)),
    incidents: incidents(rng, posts, Math.round(150 * scale)),
  };
}
