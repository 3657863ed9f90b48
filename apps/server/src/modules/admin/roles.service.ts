// Roles are data: administrators create and edit them; every change is audited as a permission change.
import { sql } from 'kysely';
import { newId, PERMISSIONS, roleRequiresMfa, type Role, type RoleInput, type RolePatch } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';

function roleQuery(db: Db | Tx) {
  return db
    .selectFrom('roles as r')
    .selectAll('r')
    .select((eb) => eb.selectFrom('userRoles as ur').whereRef('ur.roleId', '=', 'r.id').select(sql<number>`count(*)::int`.as('n')).as('userCount'));
}
type RoleRow = Awaited<ReturnType<ReturnType<typeof roleQuery>['executeTakeFirstOrThrow']>>;

function presentRole(row: RoleRow): Role {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    scope: row.scope as Role['scope'],
    maxSensitivity: row.maxSensitivity as Role['maxSensitivity'],
    permissions: [...row.permissions].sort(),
    builtin: row.builtin,
    requiresMfa: roleRequiresMfa(row.code, row.requiresMfa),
    userCount: row.userCount ?? 0,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** All roles (there are few; no paging needed). */
export async function listRoles(ctx: RequestContext): Promise<{ items: Role[]; nextCursor: null }> {
  const rows = await roleQuery(ctx.db).orderBy('r.code').execute();
  return { items: rows.map(presentRole), nextCursor: null };
}

/** One role. */
export async function getRole(ctx: RequestContext, id: string): Promise<Role> {
  const row = await roleQuery(ctx.db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Role');
  return presentRole(row);
}

/** Creates a role. */
export async function createRole(ctx: RequestContext, input: RoleInput): Promise<Role> {
  return inTransaction(ctx.db, async (tx) => {
    const id = newId();
    await tx
      .insertInto('roles')
      .values({ id, code: input.code, name: input.name, description: input.description ?? '', scope: input.scope, maxSensitivity: input.maxSensitivity, permissions: [...input.permissions].sort(), requiresMfa: input.requiresMfa ?? null, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'role.create', entityType: 'role', entityId: id, details: { code: input.code, scope: input.scope, maxSensitivity: input.maxSensitivity, permissions: input.permissions } });
    return presentRole(await roleQuery(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Edits a role at the version the caller saw; a built-in role keeps its code. */
export async function updateRole(ctx: RequestContext, id: string, version: number, patch: RolePatch): Promise<Role> {
  return inTransaction(ctx.db, async (tx) => {
    const current = await tx.selectFrom('roles').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new NotFound('Role');
    assertVersion(current.version, version);
    if (current.builtin && patch.code !== undefined && patch.code !== current.code) {
      throw new RuleViolation('A built-in role keeps its code', 'builtin_role_code', { code: 'cannot change on a built-in role' });
    }
    await tx
      .updateTable('roles')
      .set({
        ...patch,
        permissions: patch.permissions ? [...patch.permissions].sort() : undefined,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), {
      action: 'role.update',
      entityType: 'role',
      entityId: id,
      details: {
        before: { scope: current.scope, maxSensitivity: current.maxSensitivity, permissions: current.permissions, requiresMfa: current.requiresMfa },
        after: { scope: patch.scope ?? current.scope, maxSensitivity: patch.maxSensitivity ?? current.maxSensitivity, permissions: patch.permissions ?? current.permissions, requiresMfa: patch.requiresMfa === undefined ? current.requiresMfa : patch.requiresMfa },
      },
    });
    return presentRole(await roleQuery(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Every permission code, split into resource and action, for the role editor. */
export function listPermissions() {
  return {
    items: PERMISSIONS.map((code) => {
      const [resource = code, action = ''] = code.split('.');
      return { code, resource, action };
    }),
  };
}
