// The deterministic demo-data generator (SPEC §14). Later modules add their records here.
import { DEMO_ORGANISATIONS, DEMO_SITES, DEMO_USERS, type DemoOrganisation, type DemoSite, type DemoUser } from './platform';
import { DEMO_PERIOD, generatePeople, type DemoPeopleBatch } from './people';
import { generateFlows, type DemoFlows } from './flows';
import { generateAwareness, type DemoAwareness } from './awareness';
import { generateMobility, type DemoMobility } from './mobility';

export interface DemoOptions {
  seed: number;
  /** 1 = the scale of the real action; larger for benchmarks. */
  scale: number;
  /** Include the flows module's counts and surveys (default true). */
  flows?: boolean;
}

export interface DemoData {
  options: DemoOptions;
  organisations: readonly DemoOrganisation[];
  sites: readonly DemoSite[];
  users: readonly DemoUser[];
  /** People in transit and their protection cases, generated lazily in registration order. */
  people: { period: typeof DEMO_PERIOD; batches(size?: number): Generator<DemoPeopleBatch> };
  flows?: DemoFlows;
  awareness?: DemoAwareness;
  mobility?: DemoMobility;
}

/** Generates the whole demo for a seed and scale; the same options always give the same data. */
export function generateDemo(options: DemoOptions): DemoData {
  return {
    options,
    organisations: DEMO_ORGANISATIONS,
    sites: DEMO_SITES,
    users: DEMO_USERS,
    people: { period: DEMO_PERIOD, batches: (size) => generatePeople(options, size) },
    ...(options.flows === false ? {} : { flows: generateFlows(options.seed, options.scale) }),
    awareness: generateAwareness(options.seed, options.scale),
    mobility: generateMobility(options.seed, options.scale),
  };
}

export { createRng, type Rng } from './rng';
export type { DemoOrganisation, DemoSite, DemoUser } from './platform';
export { DuplicateFinder, type DuplicatePairFound } from './names/duplicate-blocks';
export { asMatching, DEMO_PERIOD, type DemoPeopleBatch, type DemoPerson, type DemoTransitCase } from './people';
export type { DemoFlowCount, DemoFlows } from './flows';
export type { DemoActivity, DemoAwareness, DemoCampaign, DemoCommunity, DemoSurvey } from './awareness';
export type { DemoBorderPost, DemoIncident, DemoInstitution, DemoMobility, DemoTraining } from './mobility';
