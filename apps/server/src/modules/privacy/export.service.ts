// Data-subject access (SPEC §3): everything Taama holds about one person, from every module, with
// the audit trail of who read or changed it. The export itself is audited.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { inScope, type Scope } from '../../platform/access/scope';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Forbidden, NotFound } from '../../platform/errors';
import { LINKED_TABLES, linkedIds, rowsOf, type Section } from './privacy.links';

const personScope = { organisation: 'p.organisation_id', site: 'p.site_id', pcode: 'p.region_pcode', owner: 'p.owner_id' };

export interface PersonExport {
  exportedAt: string;
  exportedBy: string;
  person: Record<string, unknown>;
  /** Records merged into this person (their identity is part of what is held). */
  mergedRecords: Record<string, unknown>[];
  sections: Record<Section, Record<string, Record<string, unknown>[]>>;
  audit: { at: string; actor: string | null; action: string; entityType: string | null; entityId: string | null }[];
}

/** The person row in the caller's scope, locked when asked; 404 when absent or out of scope. */
export async function scopedPerson(tx: Tx, scope: Scope, id: string, lock = false): Promise<Record<string, unknown> & { id: string; status: string; caseNumber: string }> {
  let query = tx.selectFrom('people as p').selectAll('p').where('p.id', '=', id).where(inScope(scope, personScope));
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFound('Person');
  return row as unknown as Record<string, unknown> & { id: string; status: string; caseNumber: string };
}

function camel(table: string): string {
  return table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Collects the export inside a transaction (shared by the JSON and PDF routes). */
export async function collectExport(tx: Tx, ctx: RequestContext, personId: string): Promise<PersonExport> {
  const person = await scopedPerson(tx, ctx.scope, personId);
  const ids = await linkedIds(tx, personId);
  const sections: PersonExport['sections'] = { registry: {}, protection: {}, returns: {}, reintegration: {}, awareness: {}, privacy: {} };
  for (const link of LINKED_TABLES) {
    const rows = await rowsOf(tx, link, ids);
    if (rows.length === 0) continue;
    const key = camel(link.table);
    const bucket = sections[link.section];
    // A table linked twice (first_id/second_id) lists each row once.
    const seen = new Set((bucket[key] ?? []).map((r) => String(r.id)));
    bucket[key] = [...(bucket[key] ?? []), ...rows.filter((r) => !seen.has(String(r.id)))];
  }
  const merged = ids.person.length > 1 ? await tx.selectFrom('people').selectAll().where('id', 'in', ids.person.slice(1)).execute() : [];
  const everyId = [...ids.person, ...ids.transitCase, ...ids.returnCase, ...ids.reintegrationCase, ...ids.arrival];
  const audit = await sql<{ at: Date; actorUsername: string | null; action: string; entityType: string | null; entityId: string | null }>`
    select at, actor_username, action, entity_type, entity_id from audit_log
    where entity_id = any(${everyId.map(String)}::text[]) order by seq limit 10000`.execute(tx);
  return {
    exportedAt: new Date().toISOString(),
    exportedBy: ctx.user.username,
    person,
    mergedRecords: merged as unknown as Record<string, unknown>[],
    sections,
    audit: audit.rows.map((a) => ({ at: new Date(a.at).toISOString(), actor: a.actorUsername, action: a.action, entityType: a.entityType, entityId: a.entityId })),
  };
}

/** Everything held about a person, audited as an export; only a role that may see sensitive fields may run it. */
export async function exportPerson(ctx: RequestContext, personId: string, format: 'json' | 'pdf'): Promise<PersonExport> {
  // The export is complete by design (the person's right of access), so it is not redacted per field:
  // a role below the sensitive ceiling may not run it at all.
  if (ctx.maxSensitivity !== 'sensitive') throw new Forbidden('Exporting everything held about a person needs a role that may see sensitive fields', 'export_needs_sensitive');
  return inTransaction(ctx.db, async (tx) => {
    const data = await collectExport(tx, ctx, personId);
    await appendAudit(tx, actorOf(ctx), { action: 'person.export', entityType: 'person', entityId: personId, details: { format } });
    return data;
  });
}
