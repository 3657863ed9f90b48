// Queries on users; every function takes the caller's scope.
import { sql } from 'kysely';
import type { Tx, Db } from '../../platform/db/database';
import { inScope, type Scope } from '../../platform/access/scope';
import type { UserListQuery } from '@taama/core';
import { DEFAULT_LIMIT, decodeCursor } from '../../platform/http/paging';

const userScope = { organisation: 'u.organisation_id', site: 'u.site_id', pcode: 'u.region_pcode', owner: 'u.id' };

const columns = [
  'u.id',
  'u.username',
  'u.displayName',
  'u.email',
  'u.phone',
  'u.locale',
  'u.organisationId',
  'u.siteId',
  'u.regionPcode',
  'u.disabledAt',
  'u.mustChangePassword',
  'u.lockedUntil',
  'u.lastLoginAt',
  'u.version',
  'u.createdAt',
  'u.updatedAt',
] as const;

function withRoles(db: Db | Tx) {
  return db
    .selectFrom('users as u')
    .select(columns)
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('userRoles as ur')
            .innerJoin('roles as r', 'r.id', 'ur.roleId')
            .whereRef('ur.userId', '=', 'u.id')
            .select(sql<string[]>`array_agg(r.code order by r.code)`.as('codes')),
          sql<string[]>`'{}'::text[]`,
        )
        .as('roles'),
    );
}

export type UserRow = Awaited<ReturnType<typeof findUser>> & object;

/** One user inside the scope, or undefined. */
export function findUser(db: Db | Tx, scope: Scope, id: string) {
  return withRoles(db).where('u.id', '=', id).where(inScope(scope, userScope)).executeTakeFirst();
}

/** A page of users inside the scope, ordered by username. */
export function listUsers(db: Db, scope: Scope, query: UserListQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string']);
  let q = withRoles(db).where(inScope(scope, userScope));
  if (query.q) {
    // Accents and case folded on both sides: "keita" finds "Keïta".
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(unaccent(u.username || ' ' || u.display_name)) like lower(unaccent(${like}))`);
  }
  if (query.organisationId) q = q.where('u.organisationId', '=', query.organisationId);
  if (query.siteId) q = q.where('u.siteId', '=', query.siteId);
  if (query.disabled !== undefined) q = q.where('u.disabledAt', query.disabled ? 'is not' : 'is', null);
  if (query.role) {
    const role = query.role;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('userRoles as ur').innerJoin('roles as r', 'r.id', 'ur.roleId').whereRef('ur.userId', '=', 'u.id').where('r.code', '=', role).select('ur.userId')),
    );
  }
  if (after) q = q.where('u.username', '>', String(after[0]));
  return q.orderBy('u.username').limit(limit + 1).execute();
}

/** Locks a user row for an update inside the scope. */
export function lockUser(tx: Tx, scope: Scope, id: string) {
  return tx.selectFrom('users as u').select(['u.id', 'u.version', 'u.username', 'u.disabledAt']).where('u.id', '=', id).where(inScope(scope, userScope)).forUpdate().executeTakeFirst();
}

/** Replaces a user's roles. */
export async function setUserRoles(tx: Tx, userId: string, roleIds: string[]): Promise<void> {
  await tx.deleteFrom('userRoles').where('userId', '=', userId).execute();
  if (roleIds.length > 0) await tx.insertInto('userRoles').values(roleIds.map((roleId) => ({ userId, roleId }))).execute();
}
