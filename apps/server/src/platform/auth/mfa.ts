// Two-factor state of a user and the checks of a second factor: TOTP (no replay) or a recovery code.
import { sql } from 'kysely';
import { newId, type MfaStatus } from '@taama/core';
import type { Db, Tx } from '../db/database';
import { loadRoleGrants } from './sessions';
import { matchTotp, newRecoveryCodes, openSecret, recoveryCodeHash } from './totp';

/** What the web app needs to know about a user's second factor. */
export async function mfaStatus(db: Db | Tx, userId: string, enforced: boolean): Promise<MfaStatus> {
  const row = await db.selectFrom('userMfa').select('confirmedAt').where('userId', '=', userId).executeTakeFirst();
  const enabled = Boolean(row?.confirmedAt);
  const required = (await loadRoleGrants(db, userId)).some((r) => r.requiresMfa);
  const left = enabled
    ? Number((await db.selectFrom('mfaRecoveryCodes').select((eb) => eb.fn.countAll<string>().as('n')).where('userId', '=', userId).where('usedAt', 'is', null).executeTakeFirst())?.n ?? 0)
    : 0;
  return { enabled, required, mustEnrol: enforced && required && !enabled, recoveryCodesLeft: left };
}

/** Whether the user has a confirmed second factor. */
export async function hasMfa(db: Db | Tx, userId: string): Promise<boolean> {
  const row = await db.selectFrom('userMfa').select('confirmedAt').where('userId', '=', userId).executeTakeFirst();
  return Boolean(row?.confirmedAt);
}

/**
 * Checks a second factor inside the caller's transaction and consumes it: a TOTP code is accepted
 * only for a 30-second step later than the last accepted one (so the same code cannot be replayed
 * within its window), a recovery code only once. Returns how the user proved it, or undefined.
 */
export async function consumeSecondFactor(tx: Tx, secret: string, userId: string, code: string): Promise<'totp' | 'recovery' | undefined> {
  const trimmed = code.trim();
  if (/^[0-9]{6}$/.test(trimmed)) {
    const mfa = await tx.selectFrom('userMfa').select(['secretEnc', 'confirmedAt']).where('userId', '=', userId).forUpdate().executeTakeFirst();
    if (!mfa?.confirmedAt) return undefined;
    const step = matchTotp(openSecret(secret, mfa.secretEnc), trimmed);
    if (step === undefined) return undefined;
    const taken = await tx
      .updateTable('userMfa')
      .set({ lastStep: step })
      .where('userId', '=', userId)
      .where((eb) => eb.or([eb('lastStep', 'is', null), eb('lastStep', '<', sql<string>`${step}`)]))
      .returning('userId')
      .executeTakeFirst();
    return taken ? 'totp' : undefined;
  }
  const used = await tx
    .updateTable('mfaRecoveryCodes')
    .set({ usedAt: new Date() })
    .where('userId', '=', userId)
    .where('codeHash', '=', recoveryCodeHash(secret, trimmed))
    .where('usedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used ? 'recovery' : undefined;
}

/** Replaces a user's recovery codes with ten new ones; returns them in clear, to show once. */
export async function replaceRecoveryCodes(tx: Tx, secret: string, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.deleteFrom('mfaRecoveryCodes').where('userId', '=', userId).execute();
  await tx
    .insertInto('mfaRecoveryCodes')
    .values(codes.map((c) => ({ id: newId(), userId, codeHash: recoveryCodeHash(secret, c) })))
    .execute();
  return codes;
}
