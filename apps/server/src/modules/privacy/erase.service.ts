// Erasure (SPEC §3), four-eyes: one user with person.erase asks, a second one carries it out. The
// identity goes everywhere it is stored; the records stay, attached to the same person id with status
// `anonymised`, so every aggregate count is unchanged and a device copy can be told to remove it.
import { sql } from 'kysely';
import { newId, type EraseResult } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Conflict } from '../../platform/errors';
import { scopedPerson } from './export.service';
import { LINKED_TABLES, linkedIds, type LinkedIds, type LinkedTable } from './privacy.links';

// What stays on the person row: sex, date of birth and nationality (indicators are disaggregated by
// them), the case number, site, organisation and region (counts and scope). Everything that names,
// contacts or describes the person goes.
const PSEUDONYM = 'Anonymised';

async function clearTable(tx: Tx, link: LinkedTable, ids: LinkedIds & { present: Set<string> }): Promise<number> {
  const keys = ids[link.via];
  if (keys.length === 0 || !ids.present.has(link.table)) return 0;
  const where = sql`${sql.ref(link.column)} = any(${[...keys]}::uuid[])`;
  if (link.deleteOnErase) {
    const res = await sql`delete from ${sql.table(link.table)} where ${where}`.execute(tx);
    return Number(res.numAffectedRows ?? 0);
  }
  if (!link.erase) return 0;
  const sets = Object.entries(link.erase).map(([column, value]) => {
    const col = sql.ref(column);
    if (value === null) return sql`${col} = null`;
    if (value === 'empty-array') return sql`${col} = '{}'`;
    if (value === 'empty-object-text') return sql`${col} = '{}'`;
    // A unique-looking key derived from the row id, for columns that must stay distinct.
    if (value === 'row-key') return sql`${col} = 'erased:' || id::text`;
    return sql`${col} = ${value}`;
  });
  const res = await sql`update ${sql.table(link.table)} set ${sql.join(sets)} where ${where}`.execute(tx);
  return Number(res.numAffectedRows ?? 0);
}

/** Clears the identity of a person (and of the records merged into them) everywhere; returns the rows touched per table. */
export async function erasePersonData(tx: Tx, personId: string): Promise<Record<string, number>> {
  const ids = await linkedIds(tx, personId);
  const touched: Record<string, number> = {};
  for (const link of LINKED_TABLES) {
    const n = await clearTable(tx, link, ids);
    // camelCase keys: the audit details are read back through the CamelCasePlugin and must hash the same.
    const key = link.table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    if (n > 0) touched[key] = (touched[key] ?? 0) + n;
  }
  // Group names are often a family name.
  await sql`update person_groups set name = null where id in (select group_id from person_group_members where person_id = any(${ids.person}::uuid[]))`.execute(tx);
  const people = await tx
    .updateTable('people')
    .set({
      status: sql`case when status = 'merged' then 'merged' else 'anonymised' end`,
      givenName: PSEUDONYM,
      familyName: sql`case_number`,
      otherNames: [],
      nameArabic: null,
      birthPlace: null,
      birthCountry: null,
      languages: [],
      phones: [],
      originPcode: null,
      // Matching keys are identity too: empty keys match nothing in search or duplicate detection.
      nameKey: '',
      familyKey: '',
      givenKey: '',
      updatedAt: new Date(),
      version: sql`version + 1`,
    })
    .where('id', 'in', ids.person)
    .executeTakeFirst();
  touched.people = Number(people.numUpdatedRows);
  return touched;
}

function present(row: { id: string; status: string; requestedAt: Date; completedAt: Date | null; requester: string; approver: string | null }): EraseResult {
  return {
    status: row.status === 'done' ? 'erased' : 'pending',
    requestId: row.id,
    requestedBy: row.requester,
    requestedAt: new Date(row.requestedAt).toISOString(),
    approvedBy: row.approver,
    completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
  };
}

async function loadRequest(tx: Tx, id: string) {
  return tx
    .selectFrom('erasureRequests as e')
    .innerJoin('users as r', 'r.id', 'e.requestedBy')
    .leftJoin('users as a', 'a.id', 'e.approvedBy')
    .select(['e.id', 'e.status', 'e.requestedBy', 'e.requestedAt', 'e.completedAt', 'r.username as requester', 'a.username as approver'])
    .where('e.id', '=', id)
    .executeTakeFirstOrThrow();
}

/**
 * First call: records the request (pending). A call by another user with person.erase while it is
 * pending carries it out. The same user cannot do both.
 */
export async function requestErasure(ctx: RequestContext, personId: string, reason: string): Promise<{ created: boolean; result: EraseResult }> {
  return inTransaction(ctx.db, async (tx) => {
    const person = await scopedPerson(tx, ctx.scope, personId, true);
    if (person.status === 'anonymised') throw new Conflict('This person is already anonymised', 'already_anonymised');
    if (person.status === 'merged') throw new Conflict('This record was merged into another person: erase that person instead', 'person_merged');
    const pending = await tx.selectFrom('erasureRequests').select(['id', 'requestedBy']).where('personId', '=', personId).where('status', '=', 'pending').forUpdate().executeTakeFirst();
    if (!pending) {
      const id = newId();
      await tx.insertInto('erasureRequests').values({ id, personId, reason, requestedBy: ctx.user.id, approvedBy: null, completedAt: null }).execute();
      await appendAudit(tx, actorOf(ctx), { action: 'person.erase_requested', entityType: 'person', entityId: personId, details: { requestId: id } });
      return { created: true, result: present(await loadRequest(tx, id)) };
    }
    if (pending.requestedBy === ctx.user.id) {
      throw new Conflict('Erasure needs a second person: another user with the erase permission must confirm it', 'erase_needs_second_person');
    }
    const touched = await erasePersonData(tx, personId);
    await tx.updateTable('erasureRequests').set({ status: 'done', approvedBy: ctx.user.id, completedAt: new Date() }).where('id', '=', pending.id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'person.erased', entityType: 'person', entityId: personId, details: { requestId: pending.id, requestedBy: pending.requestedBy, touched } });
    return { created: false, result: present(await loadRequest(tx, pending.id)) };
  });
}

/** Withdraws a pending erasure request (either user may). */
export async function cancelErasure(ctx: RequestContext, personId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await scopedPerson(tx, ctx.scope, personId);
    const res = await tx.updateTable('erasureRequests').set({ status: 'cancelled', completedAt: new Date() }).where('personId', '=', personId).where('status', '=', 'pending').executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new Conflict('There is no pending erasure request for this person', 'no_pending_request');
    await appendAudit(tx, actorOf(ctx), { action: 'person.erase_cancelled', entityType: 'person', entityId: personId });
  });
}

/** The pending or last erasure request of a person, if any. */
export async function erasureStatus(ctx: RequestContext, personId: string): Promise<EraseResult | null> {
  return inTransaction(ctx.db, async (tx) => {
    await scopedPerson(tx, ctx.scope, personId);
    const last = await tx.selectFrom('erasureRequests').select('id').where('personId', '=', personId).where('status', '!=', 'cancelled').orderBy('requestedAt', 'desc').limit(1).executeTakeFirst();
    return last ? present(await loadRequest(tx, last.id)) : null;
  });
}
