// Merging duplicate records and undoing it (SPEC §4). A merge moves every linked record to the
// survivor and remembers exactly which rows it moved, so an unmerge puts back those and only those.
import { sql } from 'kysely';
import { newId, type Merge, type Person } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { findPersonRow, type PersonRow } from './people.repo';
import { presentPerson } from './people.service';

/**
 * Tables whose rows belong to a person through `person_id`. A module that links records to people
 * adds its table here so merges carry them along.
 */
export const PERSON_LINKED_TABLES = ['transit_cases', 'stays', 'screenings', 'services', 'referrals', 'consents', 'identity_documents', 'return_cases', 'return_case_members', 'arrivals', 'reintegration_cases'] as const;

type Moved = Record<string, string[]>;

/** Table names as stored; the camel-casing of result keys also reaches inside JSON columns. */
function snakeKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

interface SurvivorBefore {
  otherNames: string[];
  phones: string[];
  languages: string[];
}

async function moveLinked(tx: Tx, fromId: string, toId: string, onlyIds?: Moved): Promise<Moved> {
  const moved: Moved = {};
  for (const table of PERSON_LINKED_TABLES) {
    const ids = onlyIds?.[table];
    if (onlyIds && (!ids || ids.length === 0)) continue;
    const restrict = ids ? sql` and id = any(${sql.val(ids)}::uuid[])` : sql``;
    const result = await sql<{ id: string }>`update ${sql.table(table)} set person_id = ${toId} where person_id = ${fromId}${restrict} returning id`.execute(tx);
    if (result.rows.length > 0) moved[table] = result.rows.map((r) => r.id);
  }
  return moved;
}

/** Group memberships follow too, except in a group both records already share. */
async function moveMemberships(tx: Tx, fromId: string, toId: string, onlyGroups?: string[]): Promise<string[]> {
  let q = tx
    .updateTable('personGroupMembers')
    .set({ personId: toId })
    .where('personId', '=', fromId)
    .where('groupId', 'not in', tx.selectFrom('personGroupMembers').select('groupId').where('personId', '=', toId));
  if (onlyGroups) {
    if (onlyGroups.length === 0) return [];
    q = q.where('groupId', 'in', onlyGroups);
  }
  return (await q.returning('groupId').execute()).map((r) => r.groupId);
}

async function lockPair(tx: Tx, ctx: RequestContext, aId: string, bId: string): Promise<[PersonRow, PersonRow]> {
  // Lock in id order so two reviewers merging the same pair in opposite directions cannot deadlock.
  const [firstId, secondId] = aId < bId ? [aId, bId] : [bId, aId];
  const first = await findPersonRow(tx, ctx.scope, firstId, { lock: true });
  const second = await findPersonRow(tx, ctx.scope, secondId, { lock: true });
  if (!first || !second) throw new NotFound('Person');
  return aId === firstId ? [first, second] : [second, first];
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** Merges `sourceId` into `intoId`; returns the survivor with everything now attached to it. */
export async function mergePerson(ctx: RequestContext, sourceId: string, intoId: string): Promise<Person> {
  if (sourceId === intoId) throw new Invalid({ intoId: 'must be another record than the one merged' });
  return inTransaction(ctx.db, async (tx) => {
    const [source, survivor] = await lockPair(tx, ctx, sourceId, intoId);
    for (const [field, p] of [['id', source], ['intoId', survivor]] as const) {
      if (p.status !== 'active') throw new Conflict(`${p.caseNumber} is ${p.status}`, 'not_active', { [field]: `is ${p.status}, only active records merge` });
    }
    const bothOpen = await tx.selectFrom('stays').select('personId').where('personId', 'in', [sourceId, intoId]).where('checkOut', 'is', null).execute();
    if (bothOpen.length > 1) throw new Conflict('Both records have an open stay; check one of them out first', 'open_stays', { intoId: 'both records have an open stay' });

    const moved = await moveLinked(tx, sourceId, intoId);
    const groups = await moveMemberships(tx, sourceId, intoId);
    if (groups.length > 0) moved.person_group_members = groups;
    const survivorHasPhoto = await tx.selectFrom('personPhotos').select('personId').where('personId', '=', intoId).executeTakeFirst();
    if (!survivorHasPhoto) {
      const photo = await tx.updateTable('personPhotos').set({ personId: intoId }).where('personId', '=', sourceId).returning('personId').execute();
      if (photo.length > 0) moved.person_photos = [sourceId];
    }

    const before: SurvivorBefore = { otherNames: survivor.otherNames, phones: survivor.phones, languages: survivor.languages };
    const sourceName = `${source.givenName} ${source.familyName}`;
    const ownName = `${survivor.givenName} ${survivor.familyName}`;
    const aliases = union(survivor.otherNames, [...(sourceName === ownName ? [] : [sourceName]), ...source.otherNames]).slice(0, 10);
    await tx
      .updateTable('people')
      .set({ otherNames: aliases, phones: union(survivor.phones, source.phones).slice(0, 5), languages: union(survivor.languages, source.languages), version: sql`version + 1`, updatedAt: new Date(), updatedBy: ctx.user.id })
      .where('id', '=', intoId)
      .execute();
    await tx.updateTable('people').set({ status: 'merged', mergedIntoId: intoId, version: sql`version + 1`, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', sourceId).execute();

    const [firstId, secondId] = sourceId < intoId ? [sourceId, intoId] : [intoId, sourceId];
    await tx
      .insertInto('duplicateCandidates')
      .values({ id: newId(), firstId, secondId, score: 1, reasons: [], status: 'merged', resolvedAt: new Date(), resolvedBy: ctx.user.id })
      .onConflict((oc) => oc.columns(['firstId', 'secondId']).doUpdateSet({ status: 'merged', resolvedAt: new Date(), resolvedBy: ctx.user.id }))
      .execute();
    const mergeId = newId();
    await tx.insertInto('personMerges').values({ id: mergeId, sourceId, survivorId: intoId, moved: { ...moved, survivor_before: before } as unknown as Record<string, unknown>, mergedBy: ctx.user.id }).execute();
    // camelCase keys: the audit chain is verified through the CamelCase plugin, which renames
    // snake_case keys inside JSON on the way back and would break the entry's hash.
    const counts = Object.fromEntries(Object.entries(moved).map(([t, ids]) => [t.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), ids.length]));
    await appendAudit(tx, actorOf(ctx), { action: 'person.merge', entityType: 'person', entityId: sourceId, details: { mergeId, survivorId: intoId, moved: counts } });
    const row = await findPersonRow(tx, { kind: 'all' }, intoId);
    if (!row) throw new Error('survivor vanished inside its transaction');
    return presentPerson(tx, ctx, row);
  });
}

/** Undoes the latest merge of a record: its own linked rows go back, the survivor's fields are restored. */
export async function unmergePerson(ctx: RequestContext, sourceId: string): Promise<Person> {
  return inTransaction(ctx.db, async (tx) => {
    const source = await findPersonRow(tx, ctx.scope, sourceId, { lock: true });
    if (!source) throw new NotFound('Person');
    const merge = await tx.selectFrom('personMerges').selectAll().where('sourceId', '=', sourceId).where('unmergedAt', 'is', null).orderBy('mergedAt', 'desc').executeTakeFirst();
    if (source.status !== 'merged' || !merge) throw new Conflict(`${source.caseNumber} is not merged`, 'not_merged', { id: 'is not a merged record' });
    const survivor = await findPersonRow(tx, { kind: 'all' }, merge.survivorId, { lock: true });
    if (!survivor || survivor.status !== 'active') {
      throw new Conflict('The surviving record was itself merged since; unmerge it first', 'survivor_not_active', { id: 'its survivor is no longer active' });
    }
    const { survivor_before: survivorBefore, person_group_members: groups, person_photos: photos, ...linked } = snakeKeys(merge.moved) as unknown as Moved & { survivor_before: SurvivorBefore };
    await moveLinked(tx, survivor.id, sourceId, linked);
    if (groups) await moveMemberships(tx, survivor.id, sourceId, groups);
    if (photos) await tx.updateTable('personPhotos').set({ personId: sourceId }).where('personId', '=', survivor.id).execute();
    await tx.updateTable('people').set({ ...survivorBefore, version: sql`version + 1`, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', survivor.id).execute();
    await tx.updateTable('people').set({ status: 'active', mergedIntoId: null, version: sql`version + 1`, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', sourceId).execute();
    await tx.updateTable('personMerges').set({ unmergedAt: new Date(), unmergedBy: ctx.user.id }).where('id', '=', merge.id).execute();
    // Undoing a merge says the two are different people: keep the pair out of the queue.
    const [firstId, secondId] = sourceId < survivor.id ? [sourceId, survivor.id] : [survivor.id, sourceId];
    await tx.updateTable('duplicateCandidates').set({ status: 'dismissed', resolvedAt: new Date(), resolvedBy: ctx.user.id }).where('firstId', '=', firstId).where('secondId', '=', secondId).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'person.unmerge', entityType: 'person', entityId: sourceId, details: { mergeId: merge.id, survivorId: survivor.id } });
    const row = await findPersonRow(tx, { kind: 'all' }, sourceId);
    if (!row) throw new Error('restored person vanished inside its transaction');
    return presentPerson(tx, ctx, row);
  });
}

/** The merges a record took part in, as source or survivor, newest first. */
export async function mergesOf(ctx: RequestContext, personId: string): Promise<{ items: Merge[] }> {
  const person = await findPersonRow(ctx.db, ctx.scope, personId);
  if (!person) throw new NotFound('Person');
  const rows = await ctx.db
    .selectFrom('personMerges as m')
    .leftJoin('users as u', 'u.id', 'm.mergedBy')
    .select(['m.id', 'm.sourceId', 'm.survivorId', 'm.mergedAt', 'm.unmergedAt', 'm.moved', 'u.displayName as mergedBy'])
    .where((eb) => eb.or([eb('m.sourceId', '=', personId), eb('m.survivorId', '=', personId)]))
    .orderBy('m.mergedAt', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      sourceId: r.sourceId,
      survivorId: r.survivorId,
      mergedAt: new Date(r.mergedAt).toISOString(),
      mergedBy: r.mergedBy,
      unmergedAt: r.unmergedAt ? new Date(r.unmergedAt).toISOString() : null,
      moved: Object.fromEntries(Object.entries(snakeKeys(r.moved)).filter(([k]) => k !== 'survivor_before').map(([k, v]) => [k, Array.isArray(v) ? v.length : 0])),
    })),
  };
}
