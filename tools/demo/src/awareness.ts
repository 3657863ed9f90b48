// Synthetic awareness-raising data (SPEC §9, §14): about 200 communities in high-emigration communes,
// 5 campaigns, about 300 activities in 2018–2021 reaching about 70,000 people counted (plus separate
// mass-media estimates), a few dozen named participant lists with repeat attendees, and before/after
// surveys in about 30 communities. Names are combined at random: never real people. Deterministic
// for a seed; `scale` multiplies the volumes.
import { readFileSync } from 'node:fs';
import { DEFAULT_SURVEY_INSTRUMENT, MASS_MEDIA_TYPES, type ActivityType, type CampaignTheme, type Channel, type MessageLanguage } from '@taama/core';
import { MALI } from './names/sahel';
import { createRng, type Rng } from './rng';

export interface DemoCommunity {
  key: string;
  name: string;
  communePcode: string;
  highEmigrationZone: boolean;
  population: number | null;
  focalPoints: { name: string; role: string; phone?: string }[];
}

export interface DemoCampaign {
  key: string;
  name: string;
  theme: CampaignTheme;
  startsOn: string;
  endsOn: string;
  /** Code of the partner organisation. */
  partner: string | null;
  messages: { language: MessageLanguage; text: string }[];
  channels: Channel[];
  targetCommunityKeys: string[];
}

export interface DemoParticipant {
  name: string;
  sex: 'male' | 'female';
  ageGroup: 'child' | 'adult';
}

export interface DemoActivity {
  campaignKey: string | null;
  type: ActivityType;
  date: string;
  communityKey: string | null;
  routeLocation: { name: string; communePcode: string } | null;
  facilitator: string;
  reached: { total: number; men: number; women: number; boys: number; girls: number } | { estimatedAudience: number };
  materials: { type: string; quantity: number }[];
  participants: DemoParticipant[] | null;
}

export interface DemoSurvey {
  communityKey: string;
  phase: 'before' | 'after';
  surveyedOn: string;
  instrumentVersion: string;
  responses: Record<string, string>[];
}

export interface DemoAwareness {
  /** Code of the organisation that records the awareness work (the demo awareness officer's). */
  organisation: string;
  communities: DemoCommunity[];
  campaigns: DemoCampaign[];
  activities: DemoActivity[];
  surveys: DemoSurvey[];
}

const PCODES_FILE = new URL('../../../reference-data/mali-pcodes.csv', import.meta.url);

/** Shares of communities by region: the high-emigration regions of the action. */
const REGION_WEIGHTS: Readonly<Record<string, number>> = { ML01: 38, ML02: 18, ML03: 14, ML04: 10, ML09: 14, ML05: 6 };
const QUARTERS = ['Liberté', 'Plateau', 'Médine', 'Légal Ségou', 'Khasso', 'Sountoucoule', 'Lafiabougou', 'Banconi', 'Hamdallaye', 'Sabalibougou', 'Dar Salam', 'Fadjiguila', 'Koulouba', 'Sébénikoro', 'Niamana', 'Kalaban', 'Missira', 'Bagadadji', 'Torokorobougou', 'Djélibougou'];

/** Counted reach range and sex × age shares by activity type. */
const TYPE_PROFILE: Readonly<Record<string, { weight: number; min: number; max: number; childShare: number }>> = {
  community_dialogue: { weight: 26, min: 60, max: 260, childShare: 0.1 },
  caravan: { weight: 8, min: 400, max: 1400, childShare: 0.25 },
  theatre_forum: { weight: 10, min: 120, max: 450, childShare: 0.2 },
  video_screening: { weight: 8, min: 80, max: 350, childShare: 0.2 },
  school_session: { weight: 12, min: 40, max: 160, childShare: 0.85 },
  migrants_as_messengers_testimony: { weight: 8, min: 30, max: 140, childShare: 0.15 },
  door_to_door: { weight: 6, min: 20, max: 90, childShare: 0.1 },
  football_tournament: { weight: 5, min: 300, max: 900, childShare: 0.45 },
  radio_broadcast: { weight: 9, min: 0, max: 0, childShare: 0 },
  social_media_post: { weight: 4, min: 0, max: 0, childShare: 0 },
  sms_blast: { weight: 2, min: 0, max: 0, childShare: 0 },
  other: { weight: 2, min: 30, max: 120, childShare: 0.2 },
};
const TYPE_WEIGHTS = Object.fromEntries(Object.entries(TYPE_PROFILE).map(([t, p]) => [t, p.weight])) as Record<ActivityType, number>;
const LISTED_TYPES: readonly ActivityType[] = ['community_dialogue', 'school_session', 'door_to_door', 'migrants_as_messengers_testimony'];
const MATERIALS = ['dépliant', 'affiche', 't-shirt', 'casquette', 'carnet'];

const CAMPAIGNS: readonly Omit<DemoCampaign, 'key' | 'targetCommunityKeys'>[] = [
  { name: 'Partir en connaissance de cause', theme: 'irregular_migration_risks', startsOn: '2018-03-01', endsOn: '2019-02-28', partner: 'ngo-kayes-avenir', messages: [{ language: 'fr', text: 'Avant de partir, informe-toi sur les risques de la route.' }, { language: 'bm', text: 'Sani i ka taa, i ka sira kɔrɔbɔ.' }, { language: 'snk', text: 'Message en soninké (demo).' }], channels: ['radio', 'community_meeting', 'theatre'] },
  { name: 'Les voies légales existent', theme: 'legal_pathways', startsOn: '2018-09-01', endsOn: '2019-12-31', partner: 'iom', messages: [{ language: 'fr', text: 'Des voies régulières existent : renseigne-toi auprès des services officiels.' }, { language: 'bm', text: 'Sira ɲumanw bɛ yen.' }], channels: ['radio', 'social_media', 'school'] },
  { name: 'Revenir et réussir chez soi', theme: 'return_reintegration', startsOn: '2019-06-01', endsOn: '2020-12-31', partner: 'iom', messages: [{ language: 'fr', text: 'Le retour volontaire est possible et accompagné.' }, { language: 'ff', text: 'Message en fulfulde (demo).' }], channels: ['community_meeting', 'radio', 'tv'] },
  { name: 'Les droits des migrants', theme: 'migrant_rights', startsOn: '2020-01-15', endsOn: '2021-06-30', partner: 'ngo-sahel-solidarite', messages: [{ language: 'fr', text: 'Tout migrant a des droits, où qu’il soit.' }, { language: 'son', text: 'Message en songhay (demo).' }], channels: ['radio', 'sms', 'print'] },
  { name: 'Circuler librement dans la CEDEAO', theme: 'free_movement', startsOn: '2021-01-01', endsOn: '2021-12-31', partner: 'mmeia', messages: [{ language: 'fr', text: 'Avec tes documents en règle, tu circules sans payer aux postes.' }, { language: 'bm', text: 'I ka sɛbɛnw ta i yɛrɛ fɛ.' }], channels: ['radio', 'social_media', 'community_meeting'] },
];

interface Commune {
  pcode: string;
  name: string;
}

/** The Mali communes (admin-3) of the reference data, by region. */
export function maliCommunes(): Map<string, Commune[]> {
  const byRegion = new Map<string, Commune[]>();
  for (const line of readFileSync(PCODES_FILE, 'utf8').split(/\r?\n/).slice(1)) {
    const [pcode, name, level] = line.split(',');
    if (!pcode || !name || level !== '3') continue;
    const list = byRegion.get(pcode.slice(0, 4)) ?? [];
    list.push({ pcode, name });
    byRegion.set(pcode.slice(0, 4), list);
  }
  return byRegion;
}

function personName(rng: Rng, sex: 'male' | 'female'): string {
  return `${rng.pick(sex === 'male' ? MALI.male : MALI.female)} ${rng.pick(MALI.family)}`;
}

function phone(rng: Rng): string {
  return `+223 ${rng.pick(['66', '76', '79', '65', '70'])} ${String(rng.int(10, 99))} ${String(rng.int(10, 99))} ${String(rng.int(10, 99))}`;
}

function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

/** Splits a total into men, women, boys and girls with a given share of children. */
function split(rng: Rng, total: number, childShare: number) {
  const children = Math.round(total * childShare * (0.8 + rng.next() * 0.4));
  const kids = Math.min(children, total);
  const adults = total - kids;
  const men = Math.round(adults * (0.4 + rng.next() * 0.2));
  const boys = Math.round(kids * (0.45 + rng.next() * 0.1));
  return { total, men, women: adults - men, boys, girls: kids - boys };
}

function communities(rng: Rng, count: number): DemoCommunity[] {
  const communes = maliCommunes();
  const out: DemoCommunity[] = [];
  const used = new Set<string>();
  while (out.length < count) {
    const region = rng.weighted(REGION_WEIGHTS);
    const commune = rng.pick(communes.get(region) ?? []);
    // Bamako's six communes hold many neighbourhoods; elsewhere a community is a village of the commune.
    const name = region === 'ML09' ? `${commune.name} – ${rng.pick(QUARTERS)}` : `${rng.pick(['Village de', 'Quartier de', 'Hameau de'])} ${commune.name} ${out.length + 1}`;
    if (used.has(name)) continue;
    used.add(name);
    const sex = rng.next() < 0.7 ? 'male' : 'female';
    out.push({
      key: `community-${out.length + 1}`,
      name,
      communePcode: commune.pcode,
      highEmigrationZone: region === 'ML01' || rng.next() < 0.6,
      population: rng.next() < 0.7 ? rng.int(400, 12_000) : null,
      focalPoints: [{ name: personName(rng, sex), role: rng.pick(['chef de village', 'relais communautaire', 'président des jeunes', 'présidente des femmes']), phone: phone(rng) }],
    });
  }
  return out;
}

/** Generates the awareness demo for a seed and scale. */
export function generateAwareness(seed: number, scale = 1): DemoAwareness {
  const rng = createRng(seed * 7919 + 41);
  const communityList = communities(rng, Math.round(200 * scale));
  const campaignList: DemoCampaign[] = CAMPAIGNS.map((c, i) => ({
    ...c,
    key: `campaign-${i + 1}`,
    messages: [...c.messages],
    channels: [...c.channels],
    targetCommunityKeys: Array.from({ length: 12 }, () => rng.pick(communityList).key).filter((k, j, all) => all.indexOf(k) === j),
  }));

  // Every community gets at least one activity (200 reached); the rest go to communities at random.
  const activityCount = Math.round(300 * scale);
  const listedCommunities = communityList.slice(0, Math.max(6, Math.round(15 * scale))).map((c) => c.key);
  const pools = new Map<string, DemoParticipant[]>();
  const activities: DemoActivity[] = [];
  for (let i = 0; i < activityCount; i += 1) {
    const first = i < communityList.length;
    // Communities with named lists hold more activities, so repeat attendance shows.
    const community = first ? (communityList[i] as DemoCommunity) : rng.next() < 0.35 ? (communityList[rng.int(0, listedCommunities.length - 1)] as DemoCommunity) : rng.pick(communityList);
    const campaign = rng.next() < 0.8 ? rng.pick(campaignList) : null;
    const date = campaign ? dateBetween(rng, campaign.startsOn, campaign.endsOn) : dateBetween(rng, '2018-01-15', '2021-12-15');
    let type = rng.weighted(TYPE_WEIGHTS);
    // A community's first activity is a head count, so every community counts as reached.
    while (first && (MASS_MEDIA_TYPES as readonly string[]).includes(type)) type = rng.weighted(TYPE_WEIGHTS);
    const massMedia = (MASS_MEDIA_TYPES as readonly string[]).includes(type);
    const listed = !massMedia && listedCommunities.includes(community.key) && rng.next() < 0.8;
    if (listed) type = rng.pick(LISTED_TYPES);
    const profile = TYPE_PROFILE[type] ?? { min: 30, max: 100, childShare: 0.2 };
    const facilitator = personName(rng, rng.next() < 0.6 ? 'male' : 'female');
    const base = { campaignKey: campaign?.key ?? null, type, date, facilitator, materials: [] as { type: string; quantity: number }[] };
    if (massMedia) {
      const audience = type === 'radio_broadcast' ? rng.int(8_000, 60_000) : type === 'sms_blast' ? rng.int(2_000, 20_000) : rng.int(1_500, 25_000);
      const station = type === 'radio_broadcast' ? `Radio communautaire de ${community.name.replace(/^(Village|Quartier|Hameau) de /, '').replace(/ \d+$/, '')}` : 'Diffusion en ligne';
      activities.push({ ...base, communityKey: null, routeLocation: { name: station, communePcode: community.communePcode }, reached: { estimatedAudience: audience }, participants: null });
      continue;
    }
    if (rng.next() < 0.5) base.materials.push({ type: rng.pick(MATERIALS), quantity: rng.int(20, 300) });
    if (listed) {
      // A named list: some of the community's earlier participants come back.
      const pool = pools.get(community.key) ?? [];
      const size = rng.int(10, 30);
      const list: DemoParticipant[] = [];
      const names = new Set<string>();
      for (const p of pool) {
        if (list.length < size / 3 && rng.next() < 0.4 && !names.has(p.name)) {
          names.add(p.name);
          list.push(p);
        }
      }
      while (list.length < size) {
        const sex = rng.next() < 0.5 ? 'male' : 'female';
        const ageGroup = type === 'school_session' ? 'child' : rng.next() < 0.15 ? 'child' : 'adult';
        const name = personName(rng, sex);
        if (names.has(name)) continue;
        names.add(name);
        const p: DemoParticipant = { name, sex, ageGroup };
        list.push(p);
        pool.push(p);
      }
      pools.set(community.key, pool);
      const men = list.filter((p) => p.sex === 'male' && p.ageGroup === 'adult').length;
      const women = list.filter((p) => p.sex === 'female' && p.ageGroup === 'adult').length;
      const boys = list.filter((p) => p.sex === 'male' && p.ageGroup === 'child').length;
      activities.push({ ...base, communityKey: community.key, routeLocation: null, reached: { total: list.length, men, women, boys, girls: list.length - men - women - boys }, participants: list });
      continue;
    }
    activities.push({ ...base, communityKey: community.key, routeLocation: null, reached: split(rng, rng.int(profile.min, profile.max), profile.childShare), participants: null });
  }
  scaleCountedReach(rng, activities, 70_000 * scale);
  activities.sort((a, b) => a.date.localeCompare(b.date));
  return { organisation: 'aecid', communities: communityList, campaigns: campaignList, activities, surveys: surveys(rng, communityList.slice(0, Math.round(30 * scale))) };
}

/** Scales the head counts of unlisted activities so the counted reach lands near the target. */
function scaleCountedReach(rng: Rng, activities: DemoActivity[], target: number): void {
  const listedTotal = activities.reduce((n, a) => n + (a.participants ? a.participants.length : 0), 0);
  const free = activities.filter((a) => !a.participants && 'total' in a.reached);
  const freeTotal = free.reduce((n, a) => n + ('total' in a.reached ? a.reached.total : 0), 0);
  if (freeTotal === 0) return;
  const factor = (target - listedTotal) / freeTotal;
  for (const a of free) {
    if (!('total' in a.reached)) continue;
    const r = a.reached;
    const childShare = r.total === 0 ? 0 : (r.boys + r.girls) / r.total;
    a.reached = split(rng, Math.max(5, Math.round(r.total * factor)), childShare);
  }
}

/** Before/after survey rounds: knowledge improves after the activities, by a varying margin. */
function surveys(rng: Rng, surveyed: readonly DemoCommunity[]): DemoSurvey[] {
  const items = DEFAULT_SURVEY_INSTRUMENT.items;
  const answer = (pCorrect: number) =>
    Object.fromEntries(items.map((item) => [item.code, rng.next() < pCorrect ? item.correct : (item.options.find((o) => o.value !== item.correct)?.value ?? item.correct)]));
  const out: DemoSurvey[] = [];
  for (const community of surveyed) {
    const before = 0.35 + rng.next() * 0.25;
    const after = Math.min(0.95, before + 0.05 + rng.next() * 0.3);
    const year = rng.int(2018, 2020);
    out.push({ communityKey: community.key, phase: 'before', surveyedOn: `${year}-0${rng.int(1, 4)}-1${rng.int(0, 9)}`, instrumentVersion: DEFAULT_SURVEY_INSTRUMENT.version, responses: Array.from({ length: rng.int(20, 40) }, () => answer(before)) });
    out.push({ communityKey: community.key, phase: 'after', surveyedOn: `${year + 1}-0${rng.int(5, 9)}-1${rng.int(0, 9)}`, instrumentVersion: DEFAULT_SURVEY_INSTRUMENT.version, responses: Array.from({ length: rng.int(20, 40) }, () => answer(after)) });
  }
  return out;
}
