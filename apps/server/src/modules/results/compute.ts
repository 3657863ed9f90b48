// Computes every indicator of the registry over a span: automatic ones through their source in SQL,
// manual ones from approved manual values. A source whose module is not installed (its tables are
// absent) makes its indicators unavailable with the reason, instead of failing the whole table.
import { periodOf, UNKNOWN } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { computeSource, emptyQuarter, existingTables, type EngineOptions, type EngineResult, type QuarterCells } from './engine';
import { SOURCES } from './sources';
import type { Definition } from './definitions.service';

export interface Computed extends EngineResult {
  definition: Definition;
  available: boolean;
  reason?: string;
}

/**
 * How many indicators are computed at once on the pool: PostgreSQL runs each grouped scan on its own
 * connection and core. Inside a transaction (one connection) they run one after the other, and on
 * the embedded database (a pool of one) the extra queries simply wait for the connection.
 */
const PARALLEL_INDICATORS = 4;

/** Every definition computed over the options' span, in the definitions' order. */
export async function computeAll(db: Db | Tx, definitions: readonly Definition[], options: EngineOptions): Promise<Computed[]> {
  const needed = new Set(definitions.flatMap((d) => (d.mode === 'automatic' && d.source ? SOURCES[d.source].requires : [])));
  const present = await existingTables(db, [...needed]);
  const out: Computed[] = new Array<Computed>(definitions.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < definitions.length; i = next++) out[i] = await computeOne(db, definitions[i] as Definition, present, options);
  };
  await Promise.all(Array.from({ length: db.isTransaction ? 1 : PARALLEL_INDICATORS }, worker));
  return out;
}

async function computeOne(db: Db | Tx, definition: Definition, present: ReadonlySet<string>, options: EngineOptions): Promise<Computed> {
  if (definition.mode === 'manual' || !definition.source) return { definition, available: true, ...(await manualValues(db, definition.code, options)) };
  const source = SOURCES[definition.source];
  const missing = source.requires.filter((t) => !present.has(t));
  if (missing.length) {
    return { definition, available: false, reason: `The ${source.module} module is not installed yet (missing: ${missing.join(', ')})`, quarters: new Map(), periods: new Map() };
  }
  try {
    return { definition, available: true, ...(await computeSource(db, source, definition.kind, options)) };
  } catch (error) {
    // A module whose tables differ from what its source expects must not take the whole table down.
    const message = error instanceof Error ? error.message : String(error);
    return { definition, available: false, reason: `The ${source.module} source could not be computed: ${message}`, quarters: new Map(), periods: new Map() };
  }
}

/**
 * A manual indicator's quarters: the approved value of each quarter up to the span's end. A quarter
 * counts inside the span only when the span covers it whole; in a monthly breakdown it is shown in
 * the quarter's last month (when it was reported).
 */
export async function manualValues(db: Db | Tx, code: string, options: EngineOptions): Promise<EngineResult> {
  const rows = await db
    .selectFrom('indicatorManualValues')
    .select(['period', 'periodFrom', 'periodTo', 'value'])
    .where('indicatorCode', '=', code)
    .where('status', '=', 'approved')
    .where('periodTo', '<=', options.span.to)
    .where('periodFrom', '>=', options.programmeStart)
    .execute();
  const quarters = new Map<string, QuarterCells>();
  const periods = new Map<string, number>();
  for (const row of rows) {
    const cells = quarters.get(row.period) ?? emptyQuarter();
    const value = Number(row.value);
    if (row.periodFrom >= options.span.from) {
      cells.inSpan += value;
      const key = periodOf(row.periodTo, options.interval);
      periods.set(key, (periods.get(key) ?? 0) + value);
      for (const dimension of options.by) {
        const table = (cells.dims[dimension] ??= {});
        const key = dimension === 'regionSexAge' ? `${UNKNOWN}|${UNKNOWN}|${UNKNOWN}` : UNKNOWN;
        table[key] = (table[key] ?? 0) + value;
      }
    } else {
      cells.before += value;
    }
    quarters.set(row.period, cells);
  }
  return { quarters, periods };
}
