// Where every module keeps data about a person: the map the export reads and the erasure clears.
// A table reaches the person through the person's id or through one of the person's cases; adding a
// module that stores personal data means adding its tables here (privacy.test.ts checks the map
// against the database: every column named person_id is covered).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';

/** The ids a table row can hang from. */
export type LinkKind = 'person' | 'transitCase' | 'returnCase' | 'reintegrationCase' | 'arrival' | 'assistanceItem';

export type Section = 'registry' | 'protection' | 'returns' | 'reintegration' | 'awareness' | 'privacy';

export interface LinkedTable {
  table: string;
  section: Section;
  /** The column holding the id, and which kind of id it is. */
  column: string;
  via: LinkKind;
  /** Free text or identity columns, and what they become at erasure (null, or a fixed text for NOT NULL columns). */
  erase?: Record<string, null | string | 'empty-array' | 'empty-object-text' | 'row-key'>;
  /** Rows removed outright at erasure (documents, photos, duplicate candidates, certificates). */
  deleteOnErase?: boolean;
}

const ERASED = '[erased]';

export const LINKED_TABLES: readonly LinkedTable[] = [
  { table: 'identity_documents', section: 'registry', column: 'person_id', via: 'person', deleteOnErase: true },
  { table: 'person_photos', section: 'registry', column: 'person_id', via: 'person', deleteOnErase: true },
  { table: 'consents', section: 'registry', column: 'person_id', via: 'person', erase: { note: null } },
  { table: 'person_group_members', section: 'registry', column: 'person_id', via: 'person' },
  { table: 'duplicate_candidates', section: 'registry', column: 'first_id', via: 'person', deleteOnErase: true },
  { table: 'duplicate_candidates', section: 'registry', column: 'second_id', via: 'person', deleteOnErase: true },
  { table: 'person_merges', section: 'registry', column: 'source_id', via: 'person' },
  { table: 'person_merges', section: 'registry', column: 'survivor_id', via: 'person' },
  { table: 'transit_cases', section: 'protection', column: 'person_id', via: 'person', erase: { closure_reason: null } },
  { table: 'transit_case_events', section: 'protection', column: 'transit_case_id', via: 'transitCase' },
  { table: 'stays', section: 'protection', column: 'person_id', via: 'person' },
  { table: 'screenings', section: 'protection', column: 'person_id', via: 'person', erase: { notes: null } },
  { table: 'services', section: 'protection', column: 'person_id', via: 'person', erase: { note: null } },
  { table: 'referrals', section: 'protection', column: 'person_id', via: 'person', erase: { reason: null, feedback: null } },
  { table: 'tasks', section: 'protection', column: 'transit_case_id', via: 'transitCase', erase: { title: ERASED, outcome: null } },
  { table: 'case_notes', section: 'protection', column: 'transit_case_id', via: 'transitCase', erase: { body: ERASED } },
  { table: 'return_cases', section: 'returns', column: 'person_id', via: 'person', erase: { destination_locality: null, declaration_witness: null, due_diligence_note: null, bid_note: null } },
  { table: 'return_case_members', section: 'returns', column: 'person_id', via: 'person' },
  { table: 'return_case_events', section: 'returns', column: 'return_case_id', via: 'returnCase', erase: { note: null } },
  { table: 'travel_documents', section: 'returns', column: 'return_case_id', via: 'returnCase', erase: { number: null } },
  { table: 'medical_checks', section: 'returns', column: 'return_case_id', via: 'returnCase', erase: { conditions: null } },
  { table: 'movement_passengers', section: 'returns', column: 'return_case_id', via: 'returnCase', erase: { no_show_reason: null } },
  { table: 'arrivals', section: 'returns', column: 'person_id', via: 'person', erase: { note: null } },
  { table: 'arrival_assistance', section: 'returns', column: 'arrival_id', via: 'arrival', erase: { note: null } },
  { table: 'reintegration_cases', section: 'reintegration', column: 'person_id', via: 'person' },
  { table: 'reintegration_case_events', section: 'reintegration', column: 'reintegration_case_id', via: 'reintegrationCase' },
  { table: 'reintegration_assessments', section: 'reintegration', column: 'reintegration_case_id', via: 'reintegrationCase', erase: { notes: null, answers: 'empty-object-text' } },
  { table: 'reintegration_plans', section: 'reintegration', column: 'reintegration_case_id', via: 'reintegrationCase', erase: { returned_note: null, goals: 'empty-array' } },
  { table: 'assistance_items', section: 'reintegration', column: 'reintegration_case_id', via: 'reintegrationCase', erase: { description: null } },
  { table: 'assistance_instalments', section: 'reintegration', column: 'assistance_item_id', via: 'assistanceItem' },
  { table: 'assistance_certificates', section: 'reintegration', column: 'assistance_item_id', via: 'assistanceItem', deleteOnErase: true },
  { table: 'monitoring_visits', section: 'reintegration', column: 'reintegration_case_id', via: 'reintegrationCase', erase: { findings: null, note: null } },
  { table: 'spot_check_items', section: 'reintegration', column: 'assistance_item_id', via: 'assistanceItem', erase: { note: null } },
  // RSS answers stay: they are scores that indicators count, not identity.
  { table: 'rss_results', section: 'reintegration', column: 'reintegration_case_id', via: 'reintegrationCase' },
  { table: 'satisfaction_surveys', section: 'reintegration', column: 'reintegration_case_id', via: 'reintegrationCase', erase: { comment: null } },
  { table: 'awareness_participants', section: 'awareness', column: 'person_id', via: 'person', erase: { name: ERASED, phone: null, participant_key: 'row-key' } },
  { table: 'erasure_requests', section: 'privacy', column: 'person_id', via: 'person' },
];

/** The ids reachable from a person (and the records merged into it). */
export type LinkedIds = Record<LinkKind, string[]>;

async function existing(tx: Tx, tables: readonly string[]): Promise<Set<string>> {
  const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name = any(${[...tables]}::text[])`.execute(tx);
  return new Set(rows.rows.map((r) => r.name));
}

async function idsOf(tx: Tx, table: string, column: string, ids: readonly string[], present: Set<string>): Promise<string[]> {
  if (ids.length === 0 || !present.has(table)) return [];
  const rows = await sql<{ id: string }>`select id from ${sql.table(table)} where ${sql.ref(column)} = any(${[...ids]}::uuid[])`.execute(tx);
  return rows.rows.map((r) => r.id);
}

/** Resolves the person, the people merged into them, and every case, arrival and assistance item of theirs. */
export async function linkedIds(tx: Tx, personId: string): Promise<LinkedIds & { present: Set<string> }> {
  const present = await existing(tx, [...new Set(LINKED_TABLES.map((t) => t.table))]);
  const merged = await tx.selectFrom('people').select('id').where('mergedIntoId', '=', personId).execute();
  const person = [personId, ...merged.map((m) => m.id)];
  const transitCase = await idsOf(tx, 'transit_cases', 'person_id', person, present);
  // Only the person's own return cases: as a member of someone else's, only the membership row is theirs.
  const returnCase = await idsOf(tx, 'return_cases', 'person_id', person, present);
  const reintegrationCase = await idsOf(tx, 'reintegration_cases', 'person_id', person, present);
  const arrival = await idsOf(tx, 'arrivals', 'person_id', person, present);
  const assistanceItem = await idsOf(tx, 'assistance_items', 'reintegration_case_id', reintegrationCase, present);
  return { person, transitCase, returnCase, reintegrationCase, arrival, assistanceItem, present };
}

/** The rows of one linked table, as stored (binary columns as base64). */
export async function rowsOf(tx: Tx, link: LinkedTable, ids: LinkedIds & { present: Set<string> }): Promise<Record<string, unknown>[]> {
  const keys = ids[link.via];
  if (keys.length === 0 || !ids.present.has(link.table)) return [];
  const rows = await sql<Record<string, unknown>>`select * from ${sql.table(link.table)} where ${sql.ref(link.column)} = any(${[...keys]}::uuid[])`.execute(tx);
  return rows.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? { base64: v.toString('base64'), bytes: v.length } : v])));
}
