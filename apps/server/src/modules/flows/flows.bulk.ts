// Bulk inserts for flow counts and surveys: a batch travels as ONE json parameter expanded by
// json_to_recordset, instead of ~45 bind parameters per row. Binding tens of thousands of
// parameters is what made large multi-row inserts slow (and it caps a batch at 65,535 values).
// json, not jsonb: the batch is read as it is parsed, without first building a jsonb value of it.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

/** Column → SQL type, in table order, for the two bulk-loaded tables. */
export const BULK_COLUMNS = {
  flow_counts: {
    id: 'uuid', fmp_id: 'text', date: 'date', observation_window: 'text', window_start: 'text', window_end: 'text', direction: 'text',
    origin_country: 'text', origin_pcode: 'text', origin_locality: 'text', previous_transit_locality: 'text', next_destination_country: 'text',
    final_destination_country: 'text', destination_pcode: 'text', destination_locality: 'text', transport_mode: 'text', movement_type: 'text',
    men: 'integer', women: 'integer', boys: 'integer', girls: 'integer', sex_age_unknown: 'integer', total: 'integer', children_under5: 'integer',
    unaccompanied_children: 'integer', pregnant_women: 'integer', elderly60plus: 'integer', persons_with_disability: 'integer', nationalities: 'jsonb',
    collection_method: 'text', enumerator_id: 'text', collection_id: 'uuid', status: 'text', validated_by: 'uuid', validated_at: 'timestamptz',
    rejection_reason: 'text', organisation_id: 'uuid', import_id: 'uuid', row_key: 'text', created_by: 'uuid', updated_by: 'uuid',
    created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  flow_surveys: {
    id: 'uuid', fmp_id: 'text', date: 'date', enumerator_id: 'text', collection_id: 'uuid', consent: 'boolean', already_surveyed: 'boolean', sex: 'text',
    age: 'integer', nationality: 'text', birth_country: 'text', marital_status: 'text', education: 'text', employment_before: 'text',
    occupation_sector: 'text', departure_country: 'text', departure_pcode: 'text', departure_locality: 'text', time_since_departure: 'text',
    previous_attempt: 'boolean', forcibly_displaced: 'boolean', reasons: 'jsonb', last_transit_country: 'text', last_transit_locality: 'text',
    transport_modes: 'jsonb', travel_group: 'text', group_size: 'integer', funding_sources: 'jsonb', next_country: 'text',
    final_destination_country: 'text', destination_reasons: 'jsonb', planned_stay: 'text', intends_return: 'text', journey_difficulties: 'jsonb',
    information_needs: 'jsonb', referred_to: 'jsonb', free_text: 'text', organisation_id: 'uuid', import_id: 'uuid', row_key: 'text',
    created_by: 'uuid', updated_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
} as const;

export type BulkTable = keyof typeof BULK_COLUMNS;

/** Per table, each column with the camelCase key the row builders use for it. */
const COLUMN_KEYS = Object.fromEntries(
  Object.entries(BULK_COLUMNS).map(([table, columns]) => [table, Object.entries(columns).map(([column, type]) => ({ column, type, key: column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) }))]),
) as Record<BulkTable, { column: string; type: string; key: string }[]>;

/**
 * Inserts rows (camelCase, as countRow/surveyRow build them) in one statement. With `skipDuplicates`
 * a row clashing on any unique key (id or row key) is skipped; returns how many were inserted.
 */
export async function bulkInsert(tx: Tx, table: BulkTable, rows: readonly Record<string, unknown>[], options: { skipDuplicates?: boolean } = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = BULK_COLUMNS[table];
  const names = Object.keys(columns) as (keyof typeof columns)[];
  const now = new Date().toISOString();
  const keys = COLUMN_KEYS[table];
  const payload = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const { column, type, key } of keys) {
      const value = row[key];
      if (value === undefined) continue;
      // jsonb values arrive as JSON text from the row builders; the recordset wants the value.
      out[column] = type === 'jsonb' && typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    }
    out.created_at ??= now;
    out.updated_at ??= now;
    return out;
  });
  const list = sql.join(names.map((n) => sql.ref(n)));
  const definition = sql.raw(names.map((n) => `${n} ${columns[n]}`).join(', '));
  const conflict = options.skipDuplicates ? sql`on conflict do nothing` : sql``;
  const result = await sql<{ id: string }>`
    insert into ${sql.table(table)} (${list})
    select ${list} from json_to_recordset(${JSON.stringify(payload)}::json) as r(${definition})
    ${conflict} returning id`.execute(tx);
  return result.rows.length;
}
