// Reading the audit trail and verifying its chain.
import type { AuditEntry, AuditQuery } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit, verifyAuditChain, type VerifyResult } from '../../platform/audit/audit';
import { actorOf, can, type RequestContext } from '../../platform/auth/context';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';

// Search texts and case numbers name people: the trail keeps them for accountability, but only a
// reader who may read people sees them (an administrator audits who did what, not whom it was about).
const PERSONAL_DETAILS = ['q', 'caseNumber'];

function detailsFor(ctx: RequestContext, details: Record<string, unknown>): Record<string, unknown> {
  if (can(ctx, 'person.read') || !PERSONAL_DETAILS.some((k) => k in details)) return details;
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, PERSONAL_DETAILS.includes(k) ? '(hidden)' : v]));
}

/** A page of audit entries, newest first, filtered. */
export async function listAudit(ctx: RequestContext, query: AuditQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const before = decodeCursor(query.cursor, ['number']);
  let q = ctx.db.selectFrom('auditLog').selectAll();
  if (query.recordId) q = q.where('entityId', '=', query.recordId);
  if (query.entityType) q = q.where('entityType', '=', query.entityType);
  if (query.actorId) q = q.where('actorId', '=', query.actorId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.from) q = q.where('at', '>=', new Date(`${query.from}T00:00:00Z`));
  if (query.to) q = q.where('at', '<', new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000));
  if (before) q = q.where('seq', '<', String(before[0]));
  const rows = await q.orderBy('seq', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [Number(r.seq)], (r): AuditEntry => ({
    seq: Number(r.seq),
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorId: r.actorId,
    actorUsername: r.actorUsername,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    requestId: r.requestId,
    ip: r.ip,
    details: detailsFor(ctx, r.details),
    hash: r.hash,
  }));
}

/** Verifies the whole chain; the check itself is recorded. */
export async function verifyAudit(ctx: RequestContext): Promise<VerifyResult> {
  const result = await verifyAuditChain(ctx.db);
  await inTransaction(ctx.db, (tx) => appendAudit(tx, actorOf(ctx), { action: 'audit.verify', details: { ...result } }));
  return result;
}
