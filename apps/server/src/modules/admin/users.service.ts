// Managing user accounts: create, edit, roles, disable, reset password. Every change is audited.
import { sql } from 'kysely';
import { newId, type User, type UserInput, type UserListQuery, type UserPatch } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { assertPasswordAcceptable, hashPassword } from '../../platform/auth/password';
import { revokeUserSessions } from '../../platform/auth/sessions';
import { Forbidden, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { pageOf } from '../../platform/http/paging';
import { findUser, listUsers, lockUser, setUserRoles, type UserRow } from './users.repo';

/** The API shape of a user row. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone,
    locale: row.locale === 'en' ? 'en' : 'fr',
    organisationId: row.organisationId,
    siteId: row.siteId,
    regionPcode: row.regionPcode,
    roles: row.roles,
    disabled: row.disabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil && new Date(row.lockedUntil).getTime() > Date.now() ? new Date(row.lockedUntil).toISOString() : null,
    lastLoginAt: row.lastLoginAt ? new Date(row.lastLoginAt).toISOString() : null,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/**
 * Resolves role codes to ids and refuses privilege escalation: without `role.manage`, a user may
 * only hand out roles whose permissions they hold themselves.
 */
async function resolveRoles(tx: Tx, ctx: RequestContext, codes: string[]): Promise<string[]> {
  const rows = await tx.selectFrom('roles').select(['id', 'code', 'permissions']).where('code', 'in', codes).execute();
  const unknown = codes.filter((c) => !rows.some((r) => r.code === c));
  if (unknown.length > 0) throw new Invalid({ roles: `unknown role(s): ${unknown.join(', ')}` });
  if (!ctx.permissions.has('role.manage')) {
    const beyond = rows.filter((r) => r.permissions.some((p) => !(ctx.permissions as ReadonlySet<string>).has(p)));
    if (beyond.length > 0) throw new Forbidden(`You cannot grant role(s) with permissions you do not hold: ${beyond.map((r) => r.code).join(', ')}`);
  }
  return rows.map((r) => r.id);
}

async function checkPlacement(tx: Tx, input: { organisationId?: string; siteId?: string | null; regionPcode?: string | null }): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.organisationId && !(await tx.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst())) {
    fields.organisationId = 'refers to an unknown organisation';
  }
  if (input.siteId && !(await tx.selectFrom('sites').select('id').where('id', '=', input.siteId).executeTakeFirst())) {
    fields.siteId = 'refers to an unknown site';
  }
  if (input.regionPcode && !(await tx.selectFrom('adminUnits').select('pcode').where('pcode', '=', input.regionPcode).executeTakeFirst())) {
    fields.regionPcode = 'is not a known P-code';
  }
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
}

/** Lists users in the caller's scope. */
export async function listUsersPage(ctx: RequestContext, query: UserListQuery) {
  const rows = await listUsers(ctx.db, ctx.scope, query);
  return pageOf(rows, query.limit ?? 50, (r) => [r.username], presentUser);
}

/** One user in the caller's scope. */
export async function getUser(ctx: RequestContext, id: string): Promise<User> {
  const row = await findUser(ctx.db, ctx.scope, id);
  if (!row) throw new NotFound('User');
  return presentUser(row);
}

/** Creates an account; the user must change the initial password at first sign-in. */
export async function createUser(ctx: RequestContext, input: UserInput): Promise<User> {
  assertPasswordAcceptable(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (tx) => {
    await checkPlacement(tx, input);
    const roleIds = await resolveRoles(tx, ctx, input.roles);
    const id = newId();
    await tx
      .insertInto('users')
      .values({
        id,
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        locale: input.locale ?? 'fr',
        passwordHash,
        organisationId: input.organisationId,
        siteId: input.siteId ?? null,
        regionPcode: input.regionPcode ?? null,
        mustChangePassword: true,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .execute();
    await setUserRoles(tx, id, roleIds);
    await appendAudit(tx, actorOf(ctx), { action: 'user.create', entityType: 'user', entityId: id, details: { username: input.username, roles: input.roles } });
    const row = await findUser(tx, { kind: 'all' }, id);
    if (!row) throw new NotFound('User');
    return presentUser(row);
  });
}

/** Edits an account at the version the caller saw; role changes are audited as permission changes. */
export async function updateUser(ctx: RequestContext, id: string, version: number, patch: UserPatch): Promise<User> {
  return inTransaction(ctx.db, async (tx) => {
    const current = await lockUser(tx, ctx.scope, id);
    if (!current) throw new NotFound('User');
    assertVersion(current.version, version);
    await checkPlacement(tx, patch);
    const { roles, ...fields } = patch;
    await tx
      .updateTable('users')
      .set({ ...fields, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    if (roles) {
      if (id === ctx.user.id && !roles.length) throw new RuleViolation('You cannot remove all your own roles');
      const before = await findUser(tx, { kind: 'all' }, id);
      await setUserRoles(tx, id, await resolveRoles(tx, ctx, roles));
      await appendAudit(tx, actorOf(ctx), { action: 'user.roles_changed', entityType: 'user', entityId: id, details: { before: before?.roles ?? [], after: [...roles].sort() } });
    }
    await appendAudit(tx, actorOf(ctx), { action: 'user.update', entityType: 'user', entityId: id, details: { fields: Object.keys(patch) } });
    const row = await findUser(tx, { kind: 'all' }, id);
    if (!row) throw new NotFound('User');
    return presentUser(row);
  });
}

/** Disables or re-enables an account; disabling closes its sessions at once. */
export async function setUserDisabled(ctx: RequestContext, id: string, disabled: boolean): Promise<User> {
  if (disabled && id === ctx.user.id) throw new RuleViolation('You cannot disable your own account', 'cannot_disable_self');
  return inTransaction(ctx.db, async (tx) => {
    const current = await lockUser(tx, ctx.scope, id);
    if (!current) throw new NotFound('User');
    await tx
      .updateTable('users')
      .set({ disabledAt: disabled ? new Date() : null, failedLoginCount: 0, lockedUntil: null, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    if (disabled) await revokeUserSessions(tx, id);
    await appendAudit(tx, actorOf(ctx), { action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: id });
    const row = await findUser(tx, { kind: 'all' }, id);
    if (!row) throw new NotFound('User');
    return presentUser(row);
  });
}

/** Sets a new password chosen by an administrator; the user must change it at next sign-in. */
export async function resetPassword(ctx: RequestContext, id: string, password: string): Promise<void> {
  const target = await findUser(ctx.db, ctx.scope, id);
  if (!target) throw new NotFound('User');
  assertPasswordAcceptable(password, target.username);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx.db, async (tx) => {
    await tx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, passwordChangedAt: new Date(), updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await revokeUserSessions(tx, id);
    await appendAudit(tx, actorOf(ctx), { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
}
