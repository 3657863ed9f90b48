// What the runner hands every measurement module.
import type { DatabaseHandle } from '../../apps/server/src/platform/db/database';
import type { BenchServer } from './app';
import type { Engine, Scale } from './db';

/** The prepared database, the running API and the run's settings. */
export interface BenchContext {
  handle: DatabaseHandle;
  server: BenchServer;
  engine: Engine;
  scale: Scale;
  /** Seconds each throughput measurement runs (per concurrency level). */
  seconds: number;
  /** Repetitions of each latency measurement. */
  runs: number;
  log: (line: string) => void;
}
