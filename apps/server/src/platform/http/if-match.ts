// Optimistic concurrency on updates: the client says which version it edited (If-Match).
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Invalid, StaleVersion, VersionRequired } from '../errors';

/** Header schema for routes that take If-Match (documented in OpenAPI). */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'the version being edited, e.g. 3 or "3"', maxLength: 20 })),
});

/** Reads the version from If-Match (3, "3" or W/"3"); 428 when absent, 400 when malformed. */
export function expectedVersion(request: FastifyRequest): number {
  const raw = request.headers['if-match'];
  if (raw === undefined || raw === '') throw new VersionRequired();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(raw).trim());
  if (!match?.[1]) throw new Invalid({ 'If-Match': 'must be the record version, a positive integer' });
  return Number(match[1]);
}

/** Throws 412 when the stored version is not the one the client edited. */
export function assertVersion(current: number, expected: number): void {
  if (current !== expected) throw new StaleVersion(current);
}
