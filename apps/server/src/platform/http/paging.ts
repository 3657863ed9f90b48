// Keyset pagination: an opaque cursor holds the sort key of the last row sent.
import { Invalid } from '../errors';

export const DEFAULT_LIMIT = 50;

/** Encodes the last row's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor, checking its shape; a tampered cursor is a 400. */
export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i])) {
      return key as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new Invalid({ cursor: 'is not a cursor this list returned' });
}

/** Splits a fetched `limit + 1` rows into a page and the next cursor. */
export function pageOf<R, T>(rows: R[], limit: number, key: (row: R) => (string | number)[], present: (row: R) => T): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(present), nextCursor: more && last !== undefined ? encodeCursor(key(last)) : null };
}
