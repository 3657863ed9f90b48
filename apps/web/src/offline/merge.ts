// How pulled changes and the device's own edits combine in the local copy (pure functions).
import type { LocalRecord, PulledChange } from './types';

/**
 * The local record after a pulled change: `remove` forgets it (null); `upsert` takes the server's
 * copy and version but keeps the device's queued edits on top, so what the user typed stays visible
 * until the server accepts it (or reports a conflict). An older version than the one held is ignored.
 */
export function mergePulled(local: LocalRecord | undefined, change: PulledChange): LocalRecord | null {
  if (change.op === 'remove') return null;
  if (local && local.version > change.version) return local;
  const merged: LocalRecord = { entity: change.type, id: change.id, version: change.version, record: change.record ?? {} };
  if (local?.pending && Object.keys(local.pending).length > 0) merged.pending = local.pending;
  return merged;
}

/** What the pages show for a local record: the server's copy with the device's queued edits. */
export function currentValue(local: LocalRecord): Record<string, unknown> {
  return { ...local.record, ...(local.pending ?? {}), id: local.id, version: local.version };
}

/** The base values of the fields a patch changes, taken from the copy the user edited. */
export function baseOf(local: LocalRecord, patch: Record<string, unknown>): Record<string, unknown> {
  const current = currentValue(local);
  const base: Record<string, unknown> = {};
  for (const field of Object.keys(patch)) {
    if (field === 'id') continue;
    base[field] = current[field] ?? null;
  }
  return base;
}

/** The entity part of a change type (`person.create` → `person`). */
export function entityOf(type: string): string {
  return type.split('.')[0] ?? type;
}
