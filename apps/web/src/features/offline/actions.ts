// What the pending-changes and conflict screens do to the outbox and the local copy.
import { current } from '../../offline/session';
import { enqueue, retryEntry } from '../../offline/outbox';
import { entityOf } from '../../offline/merge';
import type { OutboxEntry } from '../../offline/types';

function session() {
  const open = current();
  if (!open) throw new Error('The device store is locked');
  return open;
}

/** Sends a change again now (same idempotency key: a duplicate has no second effect). */
export async function retryChange(entry: OutboxEntry): Promise<void> {
  const { vault, engine } = session();
  await retryEntry(vault, entry);
  await engine.syncNow();
}

/** Drops a change and undoes it in the local copy. */
export async function discardChange(entry: OutboxEntry): Promise<void> {
  const { vault, engine } = session();
  await vault.removeOutbox(entry.change.idempotencyKey);
  const entity = entityOf(entry.change.type);
  const id = typeof entry.change.record.id === 'string' ? entry.change.record.id : '';
  const local = vault.get(entity, id);
  if (local && entry.change.type.endsWith('.create') && local.version === 0) await vault.remove(entity, id);
  else if (local?.pending) {
    const pending = { ...local.pending };
    for (const field of Object.keys(entry.change.record)) delete pending[field];
    const { pending: _old, ...rest } = local;
    await vault.put(Object.keys(pending).length > 0 ? { ...rest, pending } : rest);
  }
  await engine.refreshCounts();
}

/** Starts a sync now (the "sync now" button). */
export async function syncNow(): Promise<void> {
  await session().engine.syncNow();
}

/**
 * Resolves a conflict: the fields where the user keeps their value are sent again as a new update
 * on top of the server's version (with the server's values as base); the others take the server's
 * value. Keeping theirs everywhere drops the change. Never a silent overwrite: the server checks the
 * new base version again.
 */
export async function resolveConflict(entry: OutboxEntry, keepMine: ReadonlySet<string>): Promise<void> {
  const { vault, engine } = session();
  const conflict = entry.conflict;
  if (!conflict) throw new Error('not a conflict');
  const entity = entityOf(entry.change.type);
  const server = conflict.serverRecord;
  const id = typeof server.id === 'string' ? server.id : String(entry.change.record.id);
  const version = typeof server.version === 'number' ? server.version : (entry.change.baseVersion ?? 0);
  const conflicting = new Set(conflict.fields.map((f) => f.field));
  // The device's other edits (not in conflict) go along unchanged.
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entry.change.record)) {
    if (field === 'id') continue;
    if (!conflicting.has(field) || keepMine.has(field)) patch[field] = value;
  }
  await vault.removeOutbox(entry.change.idempotencyKey);
  const local = vault.get(entity, id);
  const { pending: _old, ...held } = local ?? { entity, id, version, record: server };
  if (Object.keys(patch).length === 0) {
    await vault.put({ ...held, version, record: server });
  } else {
    const base = Object.fromEntries(Object.keys(patch).map((field) => [field, server[field] ?? null]));
    await enqueue(vault, { type: `${entity}.update`, record: { ...patch, id }, baseVersion: version, base, label: entry.label });
    await vault.put({ ...held, version, record: server, pending: patch });
  }
  await engine.refreshCounts();
  void engine.syncNow();
}
