// Server-side sessions. The client holds a random token (cookie or bearer); the database holds
// only its keyed hash, so a leaked database does not yield working tokens.
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { newId, roleRequiresMfa } from '@taama/core';
import type { Db, Tx } from '../db/database';
import type { RoleGrant, SessionUser } from './context';

export const SESSION_COOKIE = 'taama_session';
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
// last_seen_at is written at most this often, so reads do not all become writes.
const TOUCH_EVERY_SECONDS = 60;

export interface LoadedSession {
  id: string;
  expiresAt: Date;
  csrfToken: string;
  user: SessionUser;
  roles: RoleGrant[];
  /** Two-factor sign-in is confirmed for the user. */
  mfaEnabled: boolean;
}

/** Keyed hash of a session token. */
export function tokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** Creates a session for a user; returns the token to hand to the client. */
export async function createSession(
  tx: Tx,
  secret: string,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ id: string; token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000);
  const id = newId();
  await tx
    .insertInto('sessions')
    .values({ id, tokenHash: tokenHash(secret, token), userId, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null })
    .execute();
  return { id, token, csrfToken, expiresAt };
}

/** Finds the live session of a token (not revoked, not expired, not idle too long) with its user and roles. */
export async function loadSession(db: Db, secret: string, token: string): Promise<LoadedSession | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select([
      's.id as sessionId',
      's.expiresAt',
      's.lastSeenAt',
      's.csrfToken',
      'u.id',
      'u.username',
      'u.displayName',
      'u.email',
      'u.locale',
      'u.organisationId',
      'u.siteId',
      'u.regionPcode',
      'u.mustChangePassword',
      'u.disabledAt',
      (eb) => eb.exists(eb.selectFrom('userMfa as m').select('m.userId').whereRef('m.userId', '=', 'u.id').where('m.confirmedAt', 'is not', null)).as('mfaEnabled'),
      // The roles come in the same round trip (every authenticated request needs them).
      sql<RoleRow[]>`(select coalesce(json_agg(json_build_object('code', r.code, 'scope', r.scope, 'maxSensitivity', r.max_sensitivity, 'permissions', r.permissions, 'requiresMfa', r.requires_mfa) order by r.code), '[]'::json)
         from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = u.id)`.as('roles'),
    ])
    .where('s.tokenHash', '=', tokenHash(secret, token))
    .where('s.revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row || row.disabledAt) return undefined;
  const now = Date.now();
  if (new Date(row.expiresAt).getTime() <= now) return undefined;
  const lastSeen = new Date(row.lastSeenAt).getTime();
  if (lastSeen + SESSION_IDLE_SECONDS * 1000 <= now) return undefined;
  if (now - lastSeen > TOUCH_EVERY_SECONDS * 1000) {
    await db.updateTable('sessions').set({ lastSeenAt: new Date(now) }).where('id', '=', row.sessionId).execute();
  }
  const roles = row.roles.map(asGrant);
  return {
    id: row.sessionId,
    expiresAt: new Date(row.expiresAt),
    csrfToken: row.csrfToken,
    user: {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      email: row.email,
      locale: row.locale === 'en' ? 'en' : 'fr',
      organisationId: row.organisationId,
      siteId: row.siteId,
      regionPcode: row.regionPcode,
      mustChangePassword: row.mustChangePassword,
    },
    roles,
    mfaEnabled: Boolean(row.mfaEnabled),
  };
}

interface RoleRow {
  code: string;
  scope: string;
  maxSensitivity: string;
  permissions: string[];
  requiresMfa: boolean | null;
}

function asGrant(r: RoleRow): RoleGrant {
  return {
    code: r.code,
    scope: r.scope as RoleGrant['scope'],
    maxSensitivity: r.maxSensitivity as RoleGrant['maxSensitivity'],
    permissions: r.permissions,
    requiresMfa: roleRequiresMfa(r.code, r.requiresMfa),
  };
}

/** The roles a user holds, as grants. */
export async function loadRoleGrants(db: Db | Tx, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('userRoles as ur')
    .innerJoin('roles as r', 'r.id', 'ur.roleId')
    .select(['r.code', 'r.scope', 'r.maxSensitivity', 'r.permissions', 'r.requiresMfa'])
    .where('ur.userId', '=', userId)
    .orderBy('r.code')
    .execute();
  return rows.map(asGrant);
}

/** Revokes one session. */
export async function revokeSession(db: Db | Tx, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revokedAt: new Date() }).where('id', '=', sessionId).where('revokedAt', 'is', null).execute();
}

/** Revokes every session of a user (disabled account, password reset), optionally sparing one. */
export async function revokeUserSessions(db: Db | Tx, userId: string, except?: string): Promise<void> {
  let query = db.updateTable('sessions').set({ revokedAt: new Date() }).where('userId', '=', userId).where('revokedAt', 'is', null);
  if (except) query = query.where('id', '!=', except);
  await query.execute();
}
