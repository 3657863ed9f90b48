// Synthetic flow monitoring data for Mali, 2018–2021: about 40,000 flow counts over the 13 Mali
// flow monitoring points and about 3,000 flow surveys, shaped by the rough shares of
// reference-data/mali-flow-demo-params.json (never by record-level data). Deterministic for a seed.
import { readFileSync } from 'node:fs';
import type { FlowCountInput, FlowSurveyInput, MigrationReason, MovementType, TransportMode } from '@taama/core';
import { createRng, type Rng } from './rng';

/** A demo flow count: the API input plus the status it reached. */
export interface DemoFlowCount extends Omit<FlowCountInput, 'status'> {
  status: 'draft' | 'submitted' | 'validated' | 'rejected';
  rejectionReason: string | null;
}

export interface DemoFlows {
  counts: DemoFlowCount[];
  surveys: FlowSurveyInput[];
}

interface Params {
  fmr_mali_total_2018_2024: { by_year: Record<string, number> };
  fmr_by_fmp: Record<string, { mean_individuals_per_observed_day: number; observed_days_in_reference_year: number; from_to_shares_pct_all_years_2018_2024: Record<string, number> }>;
  fmr_sex_age_pct: Record<string, number>;
  fmr_unaccompanied_children_pct_of_under18: number;
  fms_mali: {
    nationality_pct: Record<string, number>;
    final_destination_pct: Record<string, number>;
    next_country_pct: Record<string, number>;
    sex_pct: Record<string, number>;
    age_group_pct: Record<string, number>;
    reason_cited_pct_multi: Record<string, number>;
  };
}

const PARAMS_FILE = new URL('../../../reference-data/mali-flow-demo-params.json', import.meta.url);

/** The 13 Mali points and their kind (reference-data/dtm-fmps-wca.csv); the last three have no published shares. */
const MALI_POINTS: readonly { id: string; kind: 'border' | 'hub' | 'station' }[] = [
  { id: 'ML-FMP-01', kind: 'border' },
  { id: 'ML-FMP-02', kind: 'border' },
  { id: 'ML-FMP-03', kind: 'border' },
  { id: 'ML-FMP-04', kind: 'hub' },
  { id: 'ML-FMP-05', kind: 'hub' },
  { id: 'ML-FMP-06', kind: 'station' },
  { id: 'ML-FMP-07', kind: 'station' },
  { id: 'ML-FMP-08', kind: 'station' },
  { id: 'ML-FMP-09', kind: 'hub' },
  { id: 'ML-FMP-10', kind: 'border' },
  { id: 'ML-FMP-11', kind: 'hub' },
  { id: 'ML-FMP-12', kind: 'station' },
  { id: 'ML-FMP-13', kind: 'hub' },
];

/** Shares for the three points the parameters do not cover: a plausible northbound/return mix. */
const FALLBACK = { mean_individuals_per_observed_day: 25, observed_days_in_reference_year: 250, from_to_shares_pct_all_years_2018_2024: { 'MLI>DZA': 45, 'DZA>MLI': 25, 'MLI>MLI': 20, 'NER>MLI': 5, 'MLI>OOO': 5 } };

const TRANSPORT_BY_KIND: Record<'border' | 'hub' | 'station', Readonly<Record<string, number>>> = {
  border: { bus: 45, truck: 15, car: 12, motorcycle: 20, on_foot: 5, bicycle: 3 },
  hub: { truck: 45, car: 25, bus: 20, motorcycle: 10 },
  station: { bus: 80, truck: 10, car: 10 },
};
const MOVEMENT: Readonly<Record<string, number>> = { economic_long_term: 40, seasonal: 25, short_term_local: 15, family_visit: 10, return: 5, forced_conflict: 2, other: 3 };

/** FMS reason codes of the parameters → Taama's codes. */
const REASON_CODES: Record<string, MigrationReason> = {
  economic: 'economic',
  war: 'conflict',
  violence: 'violence_persecution',
  natural_disasters: 'natural_disaster',
  climate_change: 'climate_change',
  formation: 'education_training',
  covid_19: 'other',
  medical_care: 'medical_care',
  gold_seeker: 'gold_mining',
  agriculture: 'agriculture',
  transhumance: 'transhumance',
  access_services: 'access_services',
  access_food_water: 'access_food_water',
  wedding_rejoin_family: 'family_reunion',
};
const AGE_RANGES: Record<string, [number, number]> = { '<18': [14, 17], '18-24': [18, 24], '25-34': [25, 34], '35-44': [35, 44], '45-59': [45, 59], '60+': [60, 75] };

function loadParams(): Params {
  return JSON.parse(readFileSync(PARAMS_FILE, 'utf8')) as Params;
}

/** Keeps positive weights, upper-cased keys (the parameters hold an `ooo>OOO` typo). */
function weights(shares: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(shares)) if (v > 0 && k !== 'None') out[k.toUpperCase()] = (out[k.toUpperCase()] ?? 0) + v;
  return out;
}

function direction(origin: string, destination: string): FlowCountInput['direction'] {
  if (origin !== 'MLI' && destination === 'MLI') return 'incoming';
  if (origin === 'MLI') return 'outgoing';
  return 'transit';
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Splits a group's size into sex/age counts and sub-counts that satisfy every rule of core. */
function figures(rng: Rng, total: number, p: Params): Pick<FlowCountInput, 'men' | 'women' | 'boys' | 'girls' | 'sexAgeUnknown' | 'total' | 'childrenUnder5' | 'unaccompaniedChildren' | 'pregnantWomen' | 'elderly60plus' | 'personsWithDisability'> {
  const share = (pct: number) => Math.round(total * (pct / 100) * (0.6 + rng.next() * 0.8));
  const unknown = rng.next() < 0.05 ? Math.min(total, rng.int(1, 3)) : 0;
  const children = Math.min(total - unknown, share(p.fmr_sex_age_pct['unknown|under 18'] ?? 6));
  const women = Math.min(total - unknown - children, share(p.fmr_sex_age_pct['female|18+'] ?? 8));
  const men = total - unknown - children - women;
  const boys = Math.round(children * 0.6);
  const girls = children - boys;
  const unaccompanied = children === 0 ? 0 : Math.min(children, Math.round(children * (p.fmr_unaccompanied_children_pct_of_under18 / 100) * rng.next() * 2));
  return {
    men,
    women,
    boys,
    girls,
    sexAgeUnknown: unknown,
    total,
    childrenUnder5: Math.min(children, Math.round(children * 0.2 * rng.next() * 2)),
    unaccompaniedChildren: rng.next() < 0.1 ? null : unaccompanied,
    pregnantWomen: Math.min(women, Math.round(women * 0.04 * rng.next() * 2)),
    elderly60plus: Math.min(men + women, Math.round((men + women) * 0.01 * rng.next() * 2)),
    personsWithDisability: Math.min(total, Math.round(total * 0.005 * rng.next() * 2)),
  };
}

function nationalities(rng: Rng, origin: string, total: number, p: Params): FlowCountInput['nationalities'] {
  if (total === 0) return [];
  const main = origin === 'OOO' ? rng.weighted(weights(p.fms_mali.nationality_pct)) : origin;
  const mainCount = Math.round(total * (0.6 + rng.next() * 0.3));
  const out = [{ country: main, count: mainCount }];
  const rest = total - mainCount;
  const other = rng.weighted(weights(p.fms_mali.nationality_pct));
  // The remainder stays unstated half of the time (Σ nationalities ≤ total, rest = unknown).
  if (rest > 0 && other !== main && rng.next() < 0.5) out.push({ country: other, count: rest });
  return out;
}

/** Generates the flow counts: per point, the observed days of 2018–2021, 2–4 strata per day × scale. */
function generateCounts(rng: Rng, p: Params, scale: number): DemoFlowCount[] {
  return [...countsOf(rng, p, scale)];
}

/** The flow counts one at a time, so a benchmark scale of ten million rows never sits in memory. */
function* countsOf(rng: Rng, p: Params, scale: number): Generator<DemoFlowCount> {
  const years = p.fmr_mali_total_2018_2024.by_year;
  const reference = years['2023'] ?? 1;
  const start = Date.UTC(2018, 0, 1);
  const end = Date.UTC(2021, 11, 31);
  for (const point of MALI_POINTS) {
    const params = p.fmr_by_fmp[point.id] ?? FALLBACK;
    const od = weights(params.from_to_shares_pct_all_years_2018_2024);
    const observed = Math.max(0.5, Math.min(0.9, params.observed_days_in_reference_year / 365));
    const enumerators = [1, 2, 3].map((n) => `ENQ-${point.id.slice(-2)}-${n}`);
    for (let t = start; t <= end; t += 86_400_000) {
      if (rng.next() > observed) continue;
      const day = new Date(t);
      const yearFactor = (years[String(day.getUTCFullYear())] ?? reference) / reference;
      const dayTotal = Math.max(1, Math.round(params.mean_individuals_per_observed_day * yearFactor * (0.5 + rng.next())));
      const strata = rng.int(2, 4) * scale;
      for (let s = 0; s < strata; s += 1) {
        const [origin = 'MLI', destination = 'OOO'] = rng.weighted(od).split('>');
        const total = Math.max(0, Math.round((dayTotal / strata) * (0.4 + rng.next() * 1.2)));
        const roll = rng.next();
        const status = roll < 0.95 ? 'validated' : roll < 0.97 ? 'submitted' : roll < 0.99 ? 'rejected' : 'draft';
        yield {
          fmpId: point.id,
          date: isoDate(day),
          observationWindow: rng.next() < 0.9 ? 'full_day' : rng.pick(['morning', 'afternoon'] as const),
          direction: direction(origin, destination),
          originCountry: origin,
          nextDestinationCountry: destination === 'OOO' ? rng.weighted(weights(p.fms_mali.next_country_pct)) : destination,
          finalDestinationCountry: destination,
          transportMode: rng.weighted(TRANSPORT_BY_KIND[point.kind]) as TransportMode,
          movementType: rng.weighted(MOVEMENT) as MovementType,
          ...figures(rng, total, p),
          nationalities: nationalities(rng, origin, total, p),
          collectionMethod: rng.next() < 0.9 ? 'direct_observation' : 'key_informant',
          enumeratorId: rng.pick(enumerators),
          status,
          rejectionReason: status === 'rejected' ? rng.pick(['Total does not match the tally sheet', 'Counted twice with the morning window', 'Wrong point code']) : null,
        };
      }
    }
  }
}

function pickCodes<T extends string>(rng: Rng, options: readonly T[], min: number, max: number): T[] {
  const n = rng.int(min, max);
  const out: T[] = [];
  for (let i = 0; i < n; i += 1) {
    const code = rng.pick(options);
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** Generates the flow surveys (FMS runs from 2020-08): about 3,000 interviews at the surveyed points. */
function generateSurveys(rng: Rng, p: Params, scale: number): FlowSurveyInput[] {
  const fms = p.fms_mali;
  const points = ['ML-FMP-01', 'ML-FMP-02', 'ML-FMP-03', 'ML-FMP-04', 'ML-FMP-05', 'ML-FMP-06', 'ML-FMP-09', 'ML-FMP-13'];
  const start = Date.UTC(2020, 7, 1);
  const days = Math.round((Date.UTC(2021, 11, 31) - start) / 86_400_000);
  const surveys: FlowSurveyInput[] = [];
  for (let i = 0; i < 3000 * scale; i += 1) {
    const fmpId = rng.pick(points);
    const date = isoDate(new Date(start + rng.int(0, days) * 86_400_000));
    const enumeratorId = `ENQ-${fmpId.slice(-2)}-${rng.int(1, 3)}`;
    if (rng.next() < 0.03) {
      surveys.push({ fmpId, date, enumeratorId, consent: false });
      continue;
    }
    const nationality = rng.weighted(weights(fms.nationality_pct));
    const [low, high] = AGE_RANGES[rng.weighted(weights(fms.age_group_pct))] ?? [18, 40];
    const reasons = Object.entries(fms.reason_cited_pct_multi).filter(([, pct]) => rng.next() * 100 < pct).map(([code]) => REASON_CODES[code] ?? 'other');
    const travelGroup = rng.weighted({ alone: 55, group_no_family: 30, family_adults: 10, family_with_children: 5 });
    surveys.push({
      fmpId,
      date,
      enumeratorId,
      consent: true,
      sex: rng.weighted({ male: fms.sex_pct.male ?? 85, female: fms.sex_pct.female ?? 15 }),
      age: rng.int(low, high),
      nationality,
      birthCountry: nationality,
      maritalStatus: rng.weighted({ single: 55, married: 40, divorced: 3, widowed: 2 }),
      education: rng.weighted({ none: 25, koranic: 15, primary: 25, lower_secondary: 15, upper_secondary: 10, vocational: 5, tertiary: 5 }),
      employmentBefore: rng.weighted({ employed: 20, self_employed: 30, unemployed_seeking: 35, unemployed_not_seeking: 5, student: 10 }),
      occupationSector: rng.weighted({ agriculture: 30, trade: 25, construction: 15, mining: 10, transport: 5, services: 10, crafts: 5 }),
      departureCountry: nationality,
      timeSinceDeparture: rng.weighted({ lt_2w: 45, '2w_3m': 35, '3m_6m': 10, gt_6m: 10 }),
      previousAttempt: rng.next() < 0.15,
      forciblyDisplaced: rng.next() < 0.04,
      reasons: reasons.length > 0 ? [...new Set(reasons)] : ['economic'],
      transportModes: [rng.weighted({ bus: 60, truck: 25, car: 10, motorcycle: 5 })],
      travelGroup,
      groupSize: travelGroup === 'alone' ? 1 : rng.int(2, 8),
      fundingSources: pickCodes(rng, ['own_earnings', 'savings', 'family_origin', 'family_abroad', 'sold_assets', 'loan'] as const, 1, 2),
      nextCountry: rng.weighted(weights(fms.next_country_pct)),
      finalDestinationCountry: rng.weighted(weights(fms.final_destination_pct)),
      destinationReasons: pickCodes(rng, ['economic_conditions', 'job_opportunities', 'relatives_there', 'conational_network', 'safety'] as const, 1, 2),
      plannedStay: rng.weighted({ lt_1w: 10, '1w_3m': 20, '3m_12m': 30, gt_1y: 25, permanent: 5, unknown: 10 }),
      intendsReturn: rng.weighted({ yes_any_case: 30, yes_when_possible: 40, no_dont_want: 10, no_cannot: 5, unknown: 15 }),
      journeyDifficulties: rng.next() < 0.6 ? ['none'] : pickCodes(rng, ['lack_food_water', 'lack_money', 'extortion', 'violence', 'detention', 'illness', 'documents'] as const, 1, 3),
      informationNeeds: pickCodes(rng, ['return', 'medical', 'route_risks', 'legal', 'jobs', 'practical', 'destination'] as const, 0, 2),
      referredTo: rng.next() < 0.85 ? ['none'] : pickCodes(rng, ['avr', 'protection', 'medical', 'shelter', 'psychosocial'] as const, 1, 2),
    });
  }
  return surveys;
}

/** The flows part of the demo: the same seed and scale always give the same records. */
export function generateFlows(seed: number, scale = 1): DemoFlows {
  const params = loadParams();
  // Separate streams, so adding surveys never changes the counts of a seed.
  const counts = generateCounts(createRng(seed * 7919 + 1), params, scale);
  const surveys = generateSurveys(createRng(seed * 7919 + 2), params, scale);
  return { counts, surveys };
}

/**
 * The flow counts of a seed and scale as a lazy stream (the same rows as `generateFlows(seed,
 * scale).counts`, in the same order): the bulk path for benchmark scales.
 */
export function streamFlowCounts(seed: number, scale = 1): Generator<DemoFlowCount> {
  return countsOf(createRng(seed * 7919 + 1), loadParams(), scale);
}
