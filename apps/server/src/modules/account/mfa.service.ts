// Two-factor sign-in: the code step of a sign-in, enrolment, recovery codes, and turning it off.
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import { newId, type MfaChallenge, type MfaEnrolment, type Me } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { verifyPassword } from '../../platform/auth/password';
import { createSession, revokeUserSessions } from '../../platform/auth/sessions';
import { consumeSecondFactor, hasMfa, replaceRecoveryCodes } from '../../platform/auth/mfa';
import { matchTotp, newTotpSecret, openSecret, otpauthUri, sealSecret } from '../../platform/auth/totp';
import { Conflict, Invalid, NotFound, RuleViolation, TooManyAttempts, Unauthenticated } from '../../platform/errors';

export const MFA_CHALLENGE_SECONDS = 5 * 60;
/** Wrong codes allowed on one challenge; the account lockout counts them as well. */
export const MAX_CODE_ATTEMPTS = 5;

function challengeHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`mfa-challenge:${token}`).digest('hex');
}

/** After a right password: a one-time challenge for the code step (the session comes after it). */
export async function createChallenge(tx: Tx, secret: string, userId: string, meta: { ip: string; userAgent: string | null }): Promise<MfaChallenge> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + MFA_CHALLENGE_SECONDS * 1000);
  await tx
    .insertInto('mfaChallenges')
    .values({ id: newId(), tokenHash: challengeHash(secret, token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null })
    .execute();
  return { mfaRequired: true, challenge: token, expiresAt: expiresAt.toISOString() };
}

interface CodeLoginInput {
  challenge: string;
  code: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
  maxFailedLogins: number;
  lockoutSeconds: number;
}

type CodeOutcome = { ok: true; userId: string; session: { id: string; token: string; csrfToken: string; expiresAt: Date } } | { ok: false; userId: string; username: string };

/** Second step of a sign-in: a valid challenge and a right code open the session; wrong codes count toward the lockout. */
export async function loginWithCode(
  db: Db,
  secret: string,
  input: CodeLoginInput,
  describe: (userId: string, session: { expiresAt: Date; csrfToken: string }) => Promise<Me>,
): Promise<{ token: string; me: Me }> {
  const hash = challengeHash(secret, input.challenge);
  const outcome = await inTransaction(db, async (tx): Promise<CodeOutcome> => {
    // Locked so two concurrent attempts on one challenge are serialised.
    const challenge = await tx
      .selectFrom('mfaChallenges as c')
      .innerJoin('users as u', 'u.id', 'c.userId')
      .select(['c.id', 'c.userId', 'c.expiresAt', 'c.usedAt', 'c.failedCount', 'u.username', 'u.lockedUntil', 'u.disabledAt'])
      .where('c.tokenHash', '=', hash)
      .forUpdate()
      .executeTakeFirst();
    if (!challenge || challenge.usedAt || new Date(challenge.expiresAt).getTime() <= Date.now() || challenge.failedCount >= MAX_CODE_ATTEMPTS || challenge.disabledAt) {
      throw new Unauthenticated('This sign-in step has expired; enter your password again', 'mfa_challenge_invalid');
    }
    if (challenge.lockedUntil && new Date(challenge.lockedUntil).getTime() > Date.now()) {
      const seconds = Math.ceil((new Date(challenge.lockedUntil).getTime() - Date.now()) / 1000);
      throw new TooManyAttempts(`Too many failed attempts: this account is locked for ${Math.ceil(seconds / 60)} more minute(s)`, seconds);
    }
    const how = await consumeSecondFactor(tx, secret, challenge.userId, input.code);
    if (!how) return { ok: false, userId: challenge.userId, username: challenge.username };
    await tx.updateTable('mfaChallenges').set({ usedAt: new Date() }).where('id', '=', challenge.id).execute();
    await tx.updateTable('users').set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() }).where('id', '=', challenge.userId).execute();
    const session = await createSession(tx, secret, challenge.userId, { ip: input.ip, userAgent: input.userAgent });
    const actor: AuditActor = { userId: challenge.userId, username: challenge.username, requestId: input.requestId, ip: input.ip };
    await appendAudit(tx, actor, { action: 'auth.login', entityType: 'user', entityId: challenge.userId, details: { sessionId: session.id, secondFactor: how } });
    return { ok: true, userId: challenge.userId, session };
  });
  if (!outcome.ok) {
    // Recorded in its own transaction: the attempt above rolled back nothing it had to keep.
    await inTransaction(db, async (tx) => {
      await tx.updateTable('mfaChallenges').set({ failedCount: sql`failed_count + 1` }).where('tokenHash', '=', hash).execute();
      const updated = await tx
        .updateTable('users')
        .set({ failedLoginCount: sql`failed_login_count + 1` })
        .where('id', '=', outcome.userId)
        .returning('failedLoginCount')
        .executeTakeFirstOrThrow();
      const actor: AuditActor = { userId: outcome.userId, username: outcome.username, requestId: input.requestId, ip: input.ip };
      if (updated.failedLoginCount >= input.maxFailedLogins) {
        await tx.updateTable('users').set({ failedLoginCount: 0, lockedUntil: new Date(Date.now() + input.lockoutSeconds * 1000) }).where('id', '=', outcome.userId).execute();
        await tx.updateTable('mfaChallenges').set({ usedAt: new Date() }).where('tokenHash', '=', hash).execute();
        await appendAudit(tx, actor, { action: 'auth.locked_out', entityType: 'user', entityId: outcome.userId });
      }
      await appendAudit(tx, actor, { action: 'auth.login_failed', entityType: 'user', entityId: outcome.userId, details: { reason: 'wrong_second_factor' } });
    });
    throw new Unauthenticated('Wrong or already used code', 'mfa_code_invalid');
  }
  return { token: outcome.session.token, me: await describe(outcome.userId, outcome.session) };
}

/** Starts (or restarts) enrolment: a new secret, shown once as text and QR code, not active until confirmed. */
export async function startEnrolment(ctx: RequestContext, secret: string): Promise<MfaEnrolment> {
  if (await hasMfa(ctx.db, ctx.user.id)) throw new Conflict('Two-factor sign-in is already on; turn it off first to change the device', 'mfa_already_enabled');
  const totpSecret = newTotpSecret();
  await inTransaction(ctx.db, async (tx) => {
    await tx
      .insertInto('userMfa')
      .values({ userId: ctx.user.id, secretEnc: sealSecret(secret, totpSecret), confirmedAt: null, lastStep: null })
      .onConflict((oc) => oc.column('userId').doUpdateSet({ secretEnc: sealSecret(secret, totpSecret), confirmedAt: null, lastStep: null }))
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'user.mfa_enrolment_started', entityType: 'user', entityId: ctx.user.id });
  });
  const uri = otpauthUri('Taama', ctx.user.username, totpSecret);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: totpSecret, otpauthUri: uri, qrSvg };
}

/** Confirms enrolment with a current code; turns two-factor on and returns the recovery codes (shown once). */
export async function confirmEnrolment(ctx: RequestContext, secret: string, code: string): Promise<{ recoveryCodes: string[] }> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('userMfa').select(['secretEnc', 'confirmedAt']).where('userId', '=', ctx.user.id).forUpdate().executeTakeFirst();
    if (!row) throw new RuleViolation('Start the enrolment first', 'mfa_not_started');
    if (row.confirmedAt) throw new Conflict('Two-factor sign-in is already on', 'mfa_already_enabled');
    const step = matchTotp(openSecret(secret, row.secretEnc), code);
    if (step === undefined) throw new Invalid({ code: 'does not match the code your app shows now' }, 'Wrong code');
    await tx.updateTable('userMfa').set({ confirmedAt: new Date(), lastStep: step }).where('userId', '=', ctx.user.id).execute();
    const recoveryCodes = await replaceRecoveryCodes(tx, secret, ctx.user.id);
    // Other sessions were opened with the password alone.
    await revokeUserSessions(tx, ctx.user.id, ctx.session.id);
    await appendAudit(tx, actorOf(ctx), { action: 'user.mfa_enabled', entityType: 'user', entityId: ctx.user.id });
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working), proven with a current code. */
export async function regenerateRecoveryCodes(ctx: RequestContext, secret: string, code: string): Promise<{ recoveryCodes: string[] }> {
  const result = await inTransaction(ctx.db, async (tx) => {
    if (!(await hasMfa(tx, ctx.user.id))) throw new RuleViolation('Two-factor sign-in is not on', 'mfa_not_enabled');
    if (!(await consumeSecondFactor(tx, secret, ctx.user.id, code))) return undefined;
    const recoveryCodes = await replaceRecoveryCodes(tx, secret, ctx.user.id);
    await appendAudit(tx, actorOf(ctx), { action: 'user.mfa_recovery_codes_replaced', entityType: 'user', entityId: ctx.user.id });
    return { recoveryCodes };
  });
  if (!result) throw new Invalid({ code: 'is wrong or already used' }, 'Wrong code');
  return result;
}

/** Turns two-factor off for oneself (password and a code needed); refused when a role requires it. */
export async function disableMfa(ctx: RequestContext, secret: string, password: string, code: string, required: boolean): Promise<void> {
  if (required) throw new RuleViolation('Your role requires two-factor sign-in; it cannot be turned off', 'mfa_required_by_role');
  const user = await ctx.db.selectFrom('users').select('passwordHash').where('id', '=', ctx.user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.passwordHash, password))) throw new Invalid({ password: 'is not your current password' }, 'Wrong password');
  const done = await inTransaction(ctx.db, async (tx) => {
    if (!(await consumeSecondFactor(tx, secret, ctx.user.id, code))) return false;
    await tx.deleteFrom('mfaRecoveryCodes').where('userId', '=', ctx.user.id).execute();
    await tx.deleteFrom('userMfa').where('userId', '=', ctx.user.id).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'user.mfa_disabled', entityType: 'user', entityId: ctx.user.id });
    return true;
  });
  if (!done) throw new Invalid({ code: 'is wrong or already used' }, 'Wrong code');
}

/** An administrator clears a user's second factor (lost phone): the user enrols again at next sign-in. */
export async function resetUserMfa(ctx: RequestContext, userId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const user = await tx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new NotFound('User');
    await tx.deleteFrom('mfaRecoveryCodes').where('userId', '=', userId).execute();
    await tx.deleteFrom('userMfa').where('userId', '=', userId).execute();
    await revokeUserSessions(tx, userId);
    await appendAudit(tx, actorOf(ctx), { action: 'user.mfa_reset', entityType: 'user', entityId: userId });
  });
}
