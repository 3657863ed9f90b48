// Column mappings remembered per source (e.g. one Kobo form), so the next file from the same
// source imports without the mapping step.
import { flowFields, type FlowMapping, type ImportKind } from '@taama/core';
import type { Db } from '../../../platform/db/database';
import { inTransaction } from '../../../platform/db/tx';
import { appendAudit } from '../../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../../platform/auth/context';
import { Invalid } from '../../../platform/errors';

/** Checks that every target is a Taama field (or `field/option` of a multiple choice, or "" to ignore). */
export function checkMapping(kind: ImportKind, mapping: Record<string, string>): void {
  const fields = new Map(flowFields(kind).map((f) => [f.name, f]));
  const problems: string[] = [];
  for (const [column, target] of Object.entries(mapping)) {
    if (target === '' || target === '-') continue;
    const [name = '', option] = target.split('/');
    const field = fields.get(name);
    if (!field) problems.push(`${column} → ${target}: not a ${kind} field`);
    else if (option !== undefined && (field.type !== 'enum_list' || !field.codes?.includes(option))) problems.push(`${column} → ${target}: ${option} is not an option of ${name}`);
  }
  if (Object.keys(mapping).length > 500) problems.push('has more than 500 columns');
  if (problems.length > 0) throw new Invalid({ mapping: problems.slice(0, 20).join('; ') });
}

/** The mapping saved for a source, if any. */
export async function savedMapping(db: Db, kind: ImportKind, source: string): Promise<Record<string, string> | null> {
  const row = await db.selectFrom('flowMappings').select('mapping').where('kind', '=', kind).where('source', '=', source).executeTakeFirst();
  return row?.mapping ?? null;
}

/** Saves (or replaces) the mapping of a source. */
export async function saveMapping(ctx: RequestContext, kind: ImportKind, source: string, mapping: Record<string, string>): Promise<FlowMapping> {
  checkMapping(kind, mapping);
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx
      .insertInto('flowMappings')
      .values({ kind, source, mapping: JSON.stringify(mapping), updatedBy: ctx.user.id })
      .onConflict((oc) => oc.columns(['kind', 'source']).doUpdateSet({ mapping: JSON.stringify(mapping), updatedAt: new Date(), updatedBy: ctx.user.id }))
      .returning(['kind', 'source', 'mapping', 'updatedAt'])
      .executeTakeFirstOrThrow();
    await appendAudit(tx, actorOf(ctx), { action: 'flow_mapping.save', entityType: 'flow_mapping', entityId: `${kind}/${source}`, details: { columns: Object.keys(mapping).length } });
    return { kind: row.kind as ImportKind, source: row.source, mapping: row.mapping, updatedAt: new Date(row.updatedAt).toISOString() };
  });
}

/** Every saved mapping. */
export async function listMappings(db: Db): Promise<{ items: FlowMapping[] }> {
  const rows = await db.selectFrom('flowMappings').selectAll().orderBy('kind').orderBy('source').execute();
  return { items: rows.map((r) => ({ kind: r.kind as ImportKind, source: r.source, mapping: r.mapping, updatedAt: new Date(r.updatedAt).toISOString() })) };
}
