// The shape every benchmark module returns, so the runner can render rows it knows nothing about
// (registry, flows, results, web, sync…) in one table with the baseline measured in the same run.

/** One measured figure beside its baseline from the same run. */
export interface BenchRow {
  /** What was measured, e.g. "Person fuzzy search p95 (HTTP)". */
  measure: string;
  /** Taama's figure with its unit, e.g. "38 ms" or "512/s". */
  taama: string;
  /** The baseline's figure with its unit and what it is, e.g. "12 ms (trigram SQL)". */
  baseline: string;
  /** How far Taama is from the baseline, e.g. "3.2×" (bigger = slower than the baseline). */
  ratio: string;
  /** The SPEC §15 target this figure answers, e.g. "≤ 50 ms at 1 M people". */
  target?: string;
  /** Whether the target was met in this run (absent when the target does not apply at this scale). */
  met?: boolean;
  /** Anything the reader needs to judge the figure (conditions, sample size, bottleneck). */
  note?: string;
}

/** Options every benchmark module receives from the runner. */
export interface BenchOptions {
  /** PostgreSQL URL of the database the run has filled (embedded or server). */
  databaseUrl: string;
  /** Which engine serves databaseUrl. */
  db: 'embedded' | 'postgres';
  /** The scale the data was generated at. */
  scale: 'demo' | 'national' | 'global';
  /** Progress lines for the console. */
  log: (line: string) => void;
  /** Base URL of the API the runner started over that database (e.g. http://127.0.0.1:port/api/v1). */
  apiBase?: string;
}
