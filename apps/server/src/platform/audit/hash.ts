// The hash that chains audit entries: each entry's hash covers its content and the previous hash.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  details: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of an entry's canonical form, hex. */
export function entryHash(fields: HashedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

const PREV_PLACEHOLDER = 'p';

/**
 * An entry's canonical form split around its previous hash, so that
 * sha256(before + prevHash + after) === entryHash(fields): the database can then link the entry to
 * the head it reads under its lock, in the statement that writes it.
 */
export function entryHashParts(fields: Omit<HashedFields, 'prevHash'>): { before: string; after: string } {
  const text = canonicalJson({ ...fields, prevHash: PREV_PLACEHOLDER });
  // Top-level keys are sorted, so prevHash is followed only by requestId, whose JSON string value
  // holds no unescaped quote: the last occurrence is the top-level field, never one inside details.
  const marker = `"prevHash":"${PREV_PLACEHOLDER}"`;
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error('audit entry without its prevHash field');
  const valueAt = at + marker.length - 1 - PREV_PLACEHOLDER.length;
  return { before: text.slice(0, valueAt), after: text.slice(valueAt + PREV_PLACEHOLDER.length) };
}
