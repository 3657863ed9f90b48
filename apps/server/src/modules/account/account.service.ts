// Signing in and out, "who am I", and a user's own password and preferences.
import { sql } from 'kysely';
import { visibleAreas, type LoginResult, type Me, type MfaChallenge } from '@taama/core';
import type { Db } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { actorOf, mergeGrants, type RequestContext } from '../../platform/auth/context';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../../platform/auth/password';
import { createSession, loadRoleGrants, revokeSession, revokeUserSessions, SESSION_IDLE_SECONDS } from '../../platform/auth/sessions';
import { Forbidden, Invalid, TooManyAttempts, Unauthenticated } from '../../platform/errors';
import { hasMfa, mfaStatus } from '../../platform/auth/mfa';
import { createChallenge } from './mfa.service';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_SECONDS = 15 * 60;

interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
  /** Roles that require two-factor sign-in are enforced (off in demo mode). */
  mfaEnforced?: boolean;
}

/** Checks credentials, applies throttling and lockout, opens a session; every outcome is audited. */
export async function login(db: Db, secret: string, input: LoginInput): Promise<{ token: string; me: Me } | MfaChallenge> {
  const username = input.username.trim().toLowerCase();
  const actor: AuditActor = { userId: null, username, requestId: input.requestId, ip: input.ip };
  const user = await db
    .selectFrom('users')
    .select(['id', 'passwordHash', 'disabledAt', 'lockedUntil', 'failedLoginCount'])
    .where('username', '=', username)
    .executeTakeFirst();

  if (user?.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
    const seconds = Math.ceil((new Date(user.lockedUntil).getTime() - Date.now()) / 1000);
    await inTransaction(db, (tx) => appendAudit(tx, { ...actor, userId: user.id }, { action: 'auth.login_locked', entityType: 'user', entityId: user.id }));
    throw new TooManyAttempts(`Too many failed attempts: this account is locked for ${Math.ceil(seconds / 60)} more minute(s)`, seconds);
  }

  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok) {
    await inTransaction(db, async (tx) => {
      if (user) {
        // Counted in SQL so concurrent failures cannot overwrite each other's increment.
        const updated = await tx
          .updateTable('users')
          .set({ failedLoginCount: sql`failed_login_count + 1` })
          .where('id', '=', user.id)
          .returning('failedLoginCount')
          .executeTakeFirstOrThrow();
        if (updated.failedLoginCount >= MAX_FAILED_LOGINS) {
          await tx
            .updateTable('users')
            .set({ failedLoginCount: 0, lockedUntil: new Date(Date.now() + LOCKOUT_SECONDS * 1000) })
            .where('id', '=', user.id)
            .execute();
          await appendAudit(tx, { ...actor, userId: user.id }, { action: 'auth.locked_out', entityType: 'user', entityId: user.id });
        }
      }
      await appendAudit(tx, { ...actor, userId: user?.id ?? null }, {
        action: 'auth.login_failed',
        entityType: user ? 'user' : undefined,
        entityId: user?.id,
        details: { reason: user ? 'wrong_password' : 'unknown_user' },
      });
    });
    throw new Unauthenticated('Wrong username or password', 'invalid_credentials');
  }
  if (user.disabledAt) {
    await inTransaction(db, (tx) => appendAudit(tx, { ...actor, userId: user.id }, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, details: { reason: 'disabled' } }));
    throw new Forbidden('This account is disabled; ask an administrator', 'account_disabled');
  }

  if (await hasMfa(db, user.id)) {
    // The password was right; the session opens only after the code step (POST /auth/login/totp).
    return inTransaction(db, async (tx) => {
      const challenge = await createChallenge(tx, secret, user.id, { ip: input.ip, userAgent: input.userAgent });
      await appendAudit(tx, { ...actor, userId: user.id }, { action: 'auth.password_accepted', entityType: 'user', entityId: user.id, details: { next: 'second_factor' } });
      return challenge;
    });
  }

  const session = await inTransaction(db, async (tx) => {
    await tx.updateTable('users').set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() }).where('id', '=', user.id).execute();
    const created = await createSession(tx, secret, user.id, { ip: input.ip, userAgent: input.userAgent });
    await appendAudit(tx, { ...actor, userId: user.id }, { action: 'auth.login', entityType: 'user', entityId: user.id, details: { sessionId: created.id } });
    return created;
  });
  const me = await describeUser(db, user.id, { expiresAt: session.expiresAt, csrfToken: session.csrfToken }, input.mfaEnforced ?? true);
  return { token: session.token, me };
}

/** Ends the caller's session. */
export async function logout(ctx: RequestContext): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await revokeSession(tx, ctx.session.id);
    await appendAudit(tx, actorOf(ctx), { action: 'auth.logout', entityType: 'user', entityId: ctx.user.id });
  });
}

/** Everything the web app needs to know about the signed-in user. */
export async function describeUser(db: Db, userId: string, session: { expiresAt: Date; csrfToken: string }, mfaEnforced = true): Promise<Me> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisationId')
    .leftJoin('sites as s', 's.id', 'u.siteId')
    .select([
      'u.id',
      'u.username',
      'u.displayName',
      'u.email',
      'u.locale',
      'u.regionPcode',
      'u.mustChangePassword',
      'o.id as orgId',
      'o.code as orgCode',
      'o.name as orgName',
      's.id as siteId',
      's.code as siteCode',
      's.name as siteName',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const roles = await loadRoleGrants(db, userId);
  const merged = mergeGrants(roles);
  const broadest = roles.reduce<Me['scope']>((acc, r) => (['own', 'site', 'organisation', 'region', 'all'].indexOf(r.scope) > ['own', 'site', 'organisation', 'region', 'all'].indexOf(acc) ? r.scope : acc), 'own');
  const permissions = [...merged.permissions].sort();
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    locale: row.locale === 'en' ? 'en' : 'fr',
    organisation: { id: row.orgId, code: row.orgCode, name: row.orgName },
    site: row.siteId && row.siteCode && row.siteName ? { id: row.siteId, code: row.siteCode, name: row.siteName } : null,
    regionPcode: row.regionPcode,
    roles: roles.map((r) => r.code),
    permissions,
    scope: broadest,
    maxSensitivity: merged.maxSensitivity,
    areas: visibleAreas(permissions),
    mustChangePassword: row.mustChangePassword,
    mfa: await mfaStatus(db, userId, mfaEnforced),
    session: { expiresAt: session.expiresAt.toISOString(), idleTimeoutSeconds: SESSION_IDLE_SECONDS, csrfToken: session.csrfToken },
  };
}

/** The caller's own profile. */
export function me(ctx: RequestContext): Promise<Me> {
  return describeUser(ctx.db, ctx.user.id, ctx.session, ctx.mfaEnforced ?? true);
}

/** Changes the caller's password after checking the current one; other sessions are closed. */
export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
  const user = await ctx.db.selectFrom('users').select(['passwordHash']).where('id', '=', ctx.user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new Invalid({ currentPassword: 'is not your current password' }, 'The current password is wrong');
  }
  if (currentPassword === newPassword) throw new Invalid({ newPassword: 'must differ from the current password' });
  assertPasswordAcceptable(newPassword, ctx.user.username, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx.db, async (tx) => {
    await tx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', ctx.user.id)
      .execute();
    await revokeUserSessions(tx, ctx.user.id, ctx.session.id);
    await appendAudit(tx, actorOf(ctx), { action: 'user.password_changed', entityType: 'user', entityId: ctx.user.id });
  });
}

/** Saves the caller's language. */
export async function setPreferences(ctx: RequestContext, locale: 'fr' | 'en'): Promise<Me> {
  await ctx.db.updateTable('users').set({ locale }).where('id', '=', ctx.user.id).execute();
  return describeUser(ctx.db, ctx.user.id, ctx.session, ctx.mfaEnforced ?? true);
}

export type { LoginResult };
