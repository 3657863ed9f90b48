// Active sessions: a user lists and closes their own; an administrator those of a user in scope.
import type { ActiveSession } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { revokeSession } from '../../platform/auth/sessions';
import { NotFound } from '../../platform/errors';
import { getUser } from '../admin/users.service';

async function liveSessions(db: Db | Tx, userId: string, currentId: string | null): Promise<ActiveSession[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'userAgent', 'ip', 'createdAt', 'lastSeenAt', 'expiresAt'])
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', new Date())
    .orderBy('lastSeenAt', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.userAgent,
    ip: r.ip,
    createdAt: new Date(r.createdAt).toISOString(),
    lastSeenAt: new Date(r.lastSeenAt).toISOString(),
    expiresAt: new Date(r.expiresAt).toISOString(),
    current: r.id === currentId,
  }));
}

async function revokeOf(ctx: RequestContext, userId: string, sessionId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('sessions').select('id').where('id', '=', sessionId).where('userId', '=', userId).where('revokedAt', 'is', null).executeTakeFirst();
    if (!row) throw new NotFound('Session');
    await revokeSession(tx, sessionId);
    await appendAudit(tx, actorOf(ctx), { action: 'auth.session_revoked', entityType: 'user', entityId: userId, details: { sessionId } });
  });
}

/** The caller's open sessions, the current one marked. */
export async function mySessions(ctx: RequestContext): Promise<{ items: ActiveSession[] }> {
  return { items: await liveSessions(ctx.db, ctx.user.id, ctx.session.id) };
}

/** Closes one of the caller's sessions (another device, or this one). */
export function revokeMySession(ctx: RequestContext, sessionId: string): Promise<void> {
  return revokeOf(ctx, ctx.user.id, sessionId);
}

/** A user's open sessions, for an administrator (the user must be in the caller's scope). */
export async function userSessions(ctx: RequestContext, userId: string): Promise<{ items: ActiveSession[] }> {
  await getUser(ctx, userId);
  return { items: await liveSessions(ctx.db, userId, ctx.session.id) };
}

/** Closes one session of a user in the administrator's scope. */
export async function revokeUserSession(ctx: RequestContext, userId: string, sessionId: string): Promise<void> {
  await getUser(ctx, userId);
  await revokeOf(ctx, userId, sessionId);
}
