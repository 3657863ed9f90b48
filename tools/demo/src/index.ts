// The deterministic demo-data generator (SPEC §14). Later modules add their records here.
import { DEMO_ORGANISATIONS, DEMO_SITES, DEMO_USERS, type DemoOrganisation, type DemoSite, type DemoUser } from './platform';
import { DEMO_PERIOD, generatePeople, type DemoPeopleBatch } from './people';
import { generateFlows, type DemoFlows } from './flows';
import { generateAwareness, type DemoAwareness } from './awareness';
import { generateMobility, type DemoMobility } from './mobility';
import type { RssInstrument } from '@taama/core';
import { generateReturns, type DemoReturnsBatch } from './returns';
import { generateReintegration, intakesOf, type DemoReintegrationBatch, type Intake } from './reintegration';

export interface DemoOptions {
  seed: number;
  /** 1 = the scale of the real action; larger for benchmarks. */
  scale: number;
  /** Include the flows module's counts and surveys (default true). */
  flows?: boolean;
  /** Include the returns and the reintegration that follows them (default true). */
  returns?: boolean;
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
  /** Return cases, their returnees and movements, generated lazily month by month. */
  returns?: { batches(): Generator<DemoReturnsBatch> };
  /** Reintegration cases of the inbound arrivals and projects, month by month; RSS rounds scored against `instrument`. */
  reintegration?: { batches(instrument: RssInstrument): Generator<DemoReintegrationBatch> };
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
    ...(options.returns === false ? {} : returnsAndReintegration(options)),
  };
}

/**
 * Returns and the reintegration that follows them. Reintegration needs the inbound arrivals: when the
 * returns were walked through to the end, their arrivals are reused instead of generated again.
 */
function returnsAndReintegration(options: DemoOptions): Pick<DemoData, 'returns' | 'reintegration'> {
  let arrivals: Intake[][] | undefined;
  return {
    returns: {
      *batches() {
        const seen: Intake[][] = [];
        for (const batch of generateReturns(options)) {
          seen.push(intakesOf(batch.cases));
          yield batch;
        }
        arrivals = seen;
      },
    },
    reintegration: { batches: (instrument: RssInstrument) => generateReintegration(options, instrument, arrivals) },
  };
}

export { createRng, type Rng } from './rng';
export type { DemoOrganisation, DemoSite, DemoUser } from './platform';
export { DuplicateFinder, type DuplicatePairFound } from './names/duplicate-blocks';
export { asMatching, DEMO_PERIOD, generatePeople, type DemoPeopleBatch, type DemoPerson, type DemoTransitCase } from './people';
export { streamFlowCounts, type DemoFlowCount, type DemoFlows } from './flows';
export type { DemoActivity, DemoAwareness, DemoCampaign, DemoCommunity, DemoSurvey } from './awareness';
export type { DemoBorderPost, DemoIncident, DemoInstitution, DemoMobility, DemoTraining } from './mobility';
export type { DemoArrival, DemoMovement, DemoPersonRef, DemoReturnCase, DemoReturnee, DemoReturnsBatch } from './returns';
export type { DemoAssistanceItem, DemoProject, DemoReintegrationBatch, DemoReintegrationCase } from './reintegration';
