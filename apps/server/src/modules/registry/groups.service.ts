// Households and travel groups (SPEC §4): people linked with a relationship, at most one head.
import { sql } from 'kysely';
import { newId, type Group, type GroupInput, type GroupMemberInput } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { findPersonRow, groupsWithMembers } from './people.repo';

async function presentGroup(tx: Tx, id: string): Promise<Group> {
  const [group] = await groupsWithMembers(tx, [id]);
  if (!group) throw new NotFound('Group');
  return {
    id: group.id,
    kind: group.kind as Group['kind'],
    name: group.name,
    version: group.version,
    members: group.members.map((m) => ({ ...m, relationship: m.relationship as Group['members'][number]['relationship'] })),
  };
}

/** Every member must be an active person the caller may see. */
async function assertMembers(tx: Tx, ctx: RequestContext, members: readonly GroupMemberInput[], field = 'members'): Promise<void> {
  for (const [i, m] of members.entries()) {
    const person = await findPersonRow(tx, ctx.scope, m.personId);
    if (!person || person.status !== 'active') throw new Invalid({ [`${field}.${i}.personId`]: 'must be an active person you can see' });
  }
}

/** A group the caller may see: one with at least one member in scope. */
async function groupInScope(tx: Tx, ctx: RequestContext, id: string, lock = false) {
  const members = await tx.selectFrom('personGroupMembers').select('personId').where('groupId', '=', id).execute();
  for (const m of members) if (await findPersonRow(tx, ctx.scope, m.personId)) {
    let q = tx.selectFrom('personGroups').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }
  return undefined;
}

/** Creates a household or travel group with its members. */
export async function createGroup(ctx: RequestContext, input: GroupInput): Promise<Group> {
  const ids = input.members.map((m) => m.personId);
  if (new Set(ids).size !== ids.length) throw new Invalid({ members: 'must not list a person twice' });
  if (input.members.filter((m) => m.isHead).length > 1) throw new Invalid({ members: 'may have only one head' });
  return inTransaction(ctx.db, async (tx) => {
    await assertMembers(tx, ctx, input.members);
    const id = newId();
    await tx.insertInto('personGroups').values({ id, kind: input.kind, name: input.name ?? null, organisationId: ctx.user.organisationId, createdBy: ctx.user.id, updatedBy: ctx.user.id }).execute();
    await tx.insertInto('personGroupMembers').values(input.members.map((m) => ({ groupId: id, personId: m.personId, relationship: m.relationship, isHead: m.isHead ?? false }))).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'group.create', entityType: 'group', entityId: id, details: { kind: input.kind, members: ids } });
    return presentGroup(tx, id);
  });
}

/** One group, if one of its members is in the caller's scope. */
export async function getGroup(ctx: RequestContext, id: string): Promise<Group> {
  return inTransaction(ctx.db, async (tx) => {
    if (!(await groupInScope(tx, ctx, id))) throw new NotFound('Group');
    return presentGroup(tx, id);
  });
}

/** Adds a member (a new head takes over from the previous one). */
export async function addGroupMember(ctx: RequestContext, id: string, input: GroupMemberInput): Promise<Group> {
  return inTransaction(ctx.db, async (tx) => {
    if (!(await groupInScope(tx, ctx, id, true))) throw new NotFound('Group');
    await assertMembers(tx, ctx, [input], 'member');
    const already = await tx.selectFrom('personGroupMembers').select('personId').where('groupId', '=', id).where('personId', '=', input.personId).executeTakeFirst();
    if (already) throw new Conflict('This person is already in the group', 'already_member', { personId: 'is already a member' });
    if (input.isHead) await tx.updateTable('personGroupMembers').set({ isHead: false }).where('groupId', '=', id).execute();
    await tx.insertInto('personGroupMembers').values({ groupId: id, personId: input.personId, relationship: input.relationship, isHead: input.isHead ?? false }).execute();
    await tx.updateTable('personGroups').set({ version: sql`version + 1`, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'group.member_added', entityType: 'group', entityId: id, details: { personId: input.personId, relationship: input.relationship } });
    return presentGroup(tx, id);
  });
}

/** Removes a member; the last member cannot leave (the group would be empty). */
export async function removeGroupMember(ctx: RequestContext, id: string, personId: string): Promise<Group> {
  return inTransaction(ctx.db, async (tx) => {
    if (!(await groupInScope(tx, ctx, id, true))) throw new NotFound('Group');
    const count = await tx.selectFrom('personGroupMembers').select(sql<number>`count(*)::int`.as('n')).where('groupId', '=', id).executeTakeFirstOrThrow();
    const removed = await tx.deleteFrom('personGroupMembers').where('groupId', '=', id).where('personId', '=', personId).returning('personId').execute();
    if (removed.length === 0) throw new NotFound('Group member');
    if (count.n <= 1) throw new Conflict('A group keeps at least one member', 'last_member', { personId: 'is the last member' });
    await tx.updateTable('personGroups').set({ version: sql`version + 1`, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'group.member_removed', entityType: 'group', entityId: id, details: { personId } });
    return presentGroup(tx, id);
  });
}
