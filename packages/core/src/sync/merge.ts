// Field-level merge of an offline edit with the server's newer edits (SPEC §12): fields only the
// device changed are applied on top, fields both sides changed to different values are a conflict.
// Pure, so the server decides and the device can explain the decision with the same rules.

/** Deep equality of JSON values (objects compared by keys, arrays by position). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // `undefined` and `null` both mean "no value" once a record has been through JSON.
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => jsonEqual(value, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!jsonEqual(left[key], right[key])) return false;
  return true;
}

/** JSON with object keys sorted at every level: equal values give equal text (request hashing). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** Fields that never take part in a merge: identity and bookkeeping. */
export const SYNC_UNMERGED_FIELDS: readonly string[] = ['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'];

/** The fields an offline edit changed: in the patch and different from their base value. */
export function changedFields(patch: Record<string, unknown>, base: Record<string, unknown> | undefined): string[] {
  return Object.keys(patch).filter(
    (field) => !SYNC_UNMERGED_FIELDS.includes(field) && (base === undefined || !(field in base) || !jsonEqual(patch[field], base[field])),
  );
}

export interface SyncMergeInput {
  /** The fields the device sent (its patch). */
  mine: Record<string, unknown>;
  /** Those fields' values at the version the device edited; a field missing here has an unknown base. */
  base: Record<string, unknown> | undefined;
  /** The version the device edited. */
  baseVersion: number;
  /** The record as the server holds it now. */
  theirs: Record<string, unknown>;
  /** Its current version. */
  theirsVersion: number;
}

export interface MergeConflictField {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

/** What to do with an offline edit. */
export type MergeDecision =
  /** Apply `patch` (possibly empty) on top of the server's current version. */
  | { kind: 'apply'; patch: Record<string, unknown>; merged: boolean }
  /** Both sides changed these fields differently: show them to the user, change nothing. */
  | { kind: 'conflict'; fields: MergeConflictField[] }
  /** The device claims a version the server never had. */
  | { kind: 'invalid_base' };

/**
 * Decides how an offline edit meets the server's record. Same version: the patch applies as is.
 * Newer server version: a field the device changed is a conflict when the server's value moved
 * away from the device's base (or the base is unknown) and differs from the device's value; the
 * other changed fields merge. Fields the device did not change keep the server's value.
 */
export function decideMerge(input: SyncMergeInput): MergeDecision {
  const { mine, base, baseVersion, theirs, theirsVersion } = input;
  if (baseVersion > theirsVersion) return { kind: 'invalid_base' };
  const fields = changedFields(mine, base);
  const patch: Record<string, unknown> = {};
  if (baseVersion === theirsVersion) {
    for (const field of fields) patch[field] = mine[field];
    return { kind: 'apply', patch, merged: false };
  }
  const conflicts: MergeConflictField[] = [];
  for (const field of fields) {
    const known = base !== undefined && field in base;
    const serverMoved = !known || !jsonEqual(theirs[field], base[field]);
    if (serverMoved && !jsonEqual(theirs[field], mine[field])) {
      conflicts.push({ field, base: known ? base[field] : null, mine: mine[field] ?? null, theirs: theirs[field] ?? null });
    } else if (!jsonEqual(theirs[field], mine[field])) {
      patch[field] = mine[field];
    }
  }
  if (conflicts.length > 0) return { kind: 'conflict', fields: conflicts };
  return { kind: 'apply', patch, merged: true };
}

/**
 * The edit a device sends after the user resolved a conflict: the chosen values as the patch,
 * based on the server version shown in the conflict screen.
 */
export function resolutionChange(
  serverRecord: Record<string, unknown> & { id: unknown; version: number },
  choices: Record<string, 'mine' | 'theirs'>,
  fields: readonly MergeConflictField[],
): { record: Record<string, unknown>; base: Record<string, unknown>; baseVersion: number } {
  const record: Record<string, unknown> = { id: serverRecord.id };
  const base: Record<string, unknown> = {};
  for (const item of fields) {
    if (choices[item.field] !== 'mine') continue;
    record[item.field] = item.mine;
    base[item.field] = serverRecord[item.field] ?? null;
  }
  return { record, base, baseVersion: serverRecord.version };
}
