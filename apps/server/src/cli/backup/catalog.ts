// Reads the application's tables, columns, keys and sequences from the PostgreSQL catalog, so a
// backup includes whatever later migrations add, in an order that satisfies foreign keys.
import { sql, type QueryExecutorProvider } from 'kysely';
import { CommandFailed } from '../args';

/** Kysely's own bookkeeping: restored by migrating, never copied. */
export const MIGRATION_TABLES = ['schema_migrations', 'schema_migrations_lock'];

export interface TableInfo {
  schema: string;
  name: string;
  /** Columns a backup carries and a restore inserts (generated columns are recomputed), in table order. */
  columns: string[];
  /** json/jsonb columns: carried wrapped in a one-element array so a JSON `null` value survives. */
  jsonColumns: string[];
  /** The table has a GENERATED ALWAYS identity column (inserts need OVERRIDING SYSTEM VALUE). */
  identityAlways: boolean;
  primaryKey: string[];
  /** A foreign key points back at the table itself: rows must arrive in one statement. */
  selfReferencing: boolean;
}

// Pass a Kysely or transaction *without* the camel-case plugin, so column names come back as written.
type AnyDb = QueryExecutorProvider;

/** Double-quotes an identifier for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** schema.table, quoted. */
export function qualified(table: { schema: string; name: string }): string {
  return `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
}

/** The application's tables in the current schema, parents before the tables that reference them. */
export async function listTables(db: AnyDb): Promise<TableInfo[]> {
  const tables = await sql<{ schema: string; name: string }>`
    select n.nspname as schema, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  const columns = await sql<{ table: string; column: string; identity: string; generated: string; json: boolean }>`
    select c.relname as table, a.attname as column, a.attidentity as identity, a.attgenerated as generated,
           a.atttypid in ('json'::regtype, 'jsonb'::regtype) as json
    from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, position)
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indisprimary and n.nspname = current_schema()
    order by c.relname, k.position`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent
    from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_namespace pn on pn.oid = p.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() and pn.nspname = current_schema()`.execute(db);

  const infos = new Map<string, TableInfo>();
  for (const t of tables.rows) {
    if (MIGRATION_TABLES.includes(t.name)) continue;
    infos.set(t.name, { schema: t.schema, name: t.name, columns: [], jsonColumns: [], identityAlways: false, primaryKey: [], selfReferencing: false });
  }
  for (const c of columns.rows) {
    const info = infos.get(c.table);
    if (!info || c.generated !== '') continue;
    info.columns.push(c.column);
    if (c.json) info.jsonColumns.push(c.column);
    if (c.identity === 'a') info.identityAlways = true;
  }
  for (const k of keys.rows) infos.get(k.table)?.primaryKey.push(k.column);
  const parents = new Map<string, Set<string>>([...infos.keys()].map((name) => [name, new Set<string>()]));
  for (const r of references.rows) {
    if (!infos.has(r.child) || !infos.has(r.parent)) continue;
    if (r.child === r.parent) {
      const info = infos.get(r.child);
      if (info) info.selfReferencing = true;
    } else {
      parents.get(r.child)?.add(r.parent);
    }
  }
  return foreignKeyOrder(parents).map((name) => infos.get(name)).filter((t): t is TableInfo => t !== undefined);
}

/**
 * Orders tables so each comes after every table it references (Kahn's algorithm; ties broken by
 * name so the order is stable). A cycle between distinct tables cannot be restored table by table.
 */
export function foreignKeyOrder(parents: Map<string, Set<string>>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const pending = [...parents.keys()].sort();
  while (pending.length > 0) {
    const ready = pending.find((name) => [...(parents.get(name) ?? [])].every((p) => placed.has(p)));
    if (ready === undefined) {
      throw new CommandFailed(`Foreign keys form a cycle between ${pending.join(', ')}: these tables cannot be ordered for a backup.`);
    }
    order.push(ready);
    placed.add(ready);
    pending.splice(pending.indexOf(ready), 1);
  }
  return order;
}

export interface SequenceInfo {
  schema: string;
  name: string;
}

/** Every sequence in the current schema (identity and serial ones included). */
export async function listSequences(db: AnyDb): Promise<SequenceInfo[]> {
  const result = await sql<SequenceInfo>`
    select n.nspname as schema, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'S'
    order by c.relname`.execute(db);
  return result.rows;
}

/** Materialized views in the current schema, oldest first (a later one may read an earlier one). */
export async function listMaterializedViews(db: AnyDb): Promise<SequenceInfo[]> {
  const result = await sql<SequenceInfo>`
    select n.nspname as schema, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'm'
    order by c.oid`.execute(db);
  return result.rows;
}
