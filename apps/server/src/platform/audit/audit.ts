// Append-only, hash-chained audit log (SPEC §3). Entries are written in the caller's transaction,
// so an audited change and its audit entry commit or roll back together.
import { sql } from 'kysely';
import { newId } from '@taama/core';
import type { Db, Tx } from '../db/database';
import { entryHash, entryHashParts, GENESIS_HASH, type HashedFields } from './hash';

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

/**
 * Appends one entry to the chain inside the given transaction, in one statement: it locks the
 * chain's head row (audit_chain_head), computes the entry's hash from the head's hash, moves the
 * head and inserts the entry. Concurrent writers wait for that row until the holder commits, so the
 * lock lasts one statement and the commit; the sequence number is taken by the head's update, under
 * the lock, so the order of `seq` is the order of the chain (decision 33).
 */
export async function appendAudit(tx: Tx, actor: AuditActor, event: AuditEvent): Promise<void> {
  await appendAuditLinked(tx, actor, event);
}

/**
 * The sequence number of the chain's newest entry, as a scalar subquery. Read in a statement, it
 * tells what that statement's snapshot had seen of the chain: the entries after it and before one
 * appended later (`appendAuditLinked`) are exactly the audited transactions that committed in
 * between.
 */
export const AUDIT_HEAD_SEQ = sql<string>`(select seq from audit_chain_head)`;

/** `appendAudit`, returning the new entry's sequence number and the one of the entry it links to. */
export async function appendAuditLinked(tx: Tx, actor: AuditActor, event: AuditEvent): Promise<{ prevSeq: number; seq: number }> {
  const fields: Omit<HashedFields, 'prevHash'> = {
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
  };
  const { before, after } = entryHashParts(fields);
  // After waiting for the row, PostgreSQL re-reads its newest committed version (READ COMMITTED),
  // so `hash` below is always the head left by the last committed writer.
  const written = await sql<{ prevSeq: string; seq: string }>`
    with head as (
      update audit_chain_head
         set prev_seq = seq,
             seq = nextval(pg_get_serial_sequence('audit_log', 'seq')),
             prev_hash = hash,
             hash = encode(sha256(convert_to(${before}::text || hash || ${after}::text, 'UTF8')), 'hex')
       where id
      returning prev_seq, seq, prev_hash, hash
    ), written as (
      insert into audit_log (seq, id, at, actor_id, actor_username, action, entity_type, entity_id, request_id, ip, details, prev_hash, hash)
      overriding system value
      select head.seq, ${fields.id}::uuid, ${fields.at}::timestamptz, ${fields.actorId}::uuid, ${fields.actorUsername}::text, ${fields.action}::text,
             ${fields.entityType}::text, ${fields.entityId}::text, ${fields.requestId}::text, ${fields.ip}::text, ${JSON.stringify(fields.details)}::jsonb,
             head.prev_hash, head.hash
        from head
      returning seq
    )
    select head.prev_seq, written.seq from head, written`.execute(tx);
  const link = written.rows[0];
  if (!link || written.rows.length !== 1) throw new Error('the audit chain has no head row (migration 0013_audit_head)');
  return { prevSeq: Number(link.prevSeq), seq: Number(link.seq) };
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
