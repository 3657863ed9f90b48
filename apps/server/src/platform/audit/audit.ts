// Append-only, hash-chained audit log (SPEC §3). Entries are written in the caller's transaction,
// so an audited change and its audit entry commit or roll back together.
import { sql } from 'kysely';
import { newId } from '@taama/core';
import type { Db, Tx } from '../db/database';
import { entryHash, GENESIS_HASH, type HashedFields } from './hash';

/** Who is acting, as the audit log needs to know it. */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

// All writers serialise on this lock for the few microseconds between reading the chain's head
// and inserting the next link; the lock is released at commit.
const AUDIT_CHAIN_LOCK = 7_311_042;

/** Appends one entry to the chain inside the given transaction. */
export async function appendAudit(tx: Tx, actor: AuditActor, event: AuditEvent): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const head = await tx.selectFrom('auditLog').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields: HashedFields = {
    id: newId(),
    at: new Date().toISOString(),
    actorId: actor.userId,
    actorUsername: actor.username,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    requestId: actor.requestId,
    ip: actor.ip,
    details: event.details ?? {},
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  await tx
    .insertInto('auditLog')
    .values({ ...fields, details: JSON.stringify(fields.details), hash: entryHash(fields) })
    .execute();
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBrokenEntry: number; reason: string };

/**
 * Walks the whole chain in order and recomputes every hash. Detects an edited entry (its hash no
 * longer matches) and a deleted or re-ordered one (the next entry's link breaks).
 */
export async function verifyAuditChain(db: Db | Tx, batchSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>', String(after))
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, entries };
    for (const row of rows) {
      const seq = Number(row.seq);
      const broken = (reason: string): VerifyResult => ({ ok: false, entries, firstBrokenEntry: seq, reason });
      // Sequence gaps are normal (a rolled-back transaction consumes a number); a deleted entry
      // shows as a broken link in the entry after it.
      if (row.prevHash !== prevHash) return broken('link to the previous entry does not match (an entry was removed or re-ordered)');
      const recomputed = entryHash({
        id: row.id,
        at: new Date(row.at).toISOString(),
        actorId: row.actorId,
        actorUsername: row.actorUsername,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        requestId: row.requestId,
        ip: row.ip,
        details: row.details,
        prevHash: row.prevHash,
      });
      if (recomputed !== row.hash) return broken('content does not match its hash');
      prevHash = row.hash;
      after = seq;
      entries++;
    }
  }
}
