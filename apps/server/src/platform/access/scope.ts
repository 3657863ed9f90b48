// Row scopes (SPEC §3): which rows a grant reaches. Every repo function takes one; out-of-scope
// rows read as "not found".
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ScopeKind } from '@taama/core';

export type Scope =
  | { kind: 'all' }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'region'; pcodePrefix: string }
  | { kind: 'site'; siteId: string }
  | { kind: 'own'; userId: string }
  | { kind: 'none' };

/** Where a table keeps the columns a scope filters on; a kind whose column is absent matches nothing. */
export interface ScopeColumns {
  organisation?: string;
  site?: string;
  pcode?: string;
  owner?: string;
}

export interface ScopeHolder {
  id: string;
  organisationId: string;
  siteId: string | null;
  regionPcode: string | null;
}

/** Turns a grant's scope kind into the concrete scope of this user (deny when the user lacks the anchor). */
export function scopeOf(kind: ScopeKind, user: ScopeHolder): Scope {
  switch (kind) {
    case 'all':
      return { kind: 'all' };
    case 'organisation':
      return { kind: 'organisation', organisationId: user.organisationId };
    case 'region':
      return user.regionPcode ? { kind: 'region', pcodePrefix: user.regionPcode } : { kind: 'none' };
    case 'site':
      return user.siteId ? { kind: 'site', siteId: user.siteId } : { kind: 'none' };
    case 'own':
      return { kind: 'own', userId: user.id };
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A SQL condition true for the rows inside the scope (for use in `.where(...)`). */
export function inScope(scope: Scope, columns: ScopeColumns): Expression<SqlBool> {
  const never = sql<SqlBool>`false`;
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'none':
      return never;
    case 'organisation':
      return columns.organisation ? sql<SqlBool>`${sql.ref(columns.organisation)} = ${scope.organisationId}` : never;
    case 'site':
      return columns.site ? sql<SqlBool>`${sql.ref(columns.site)} = ${scope.siteId}` : never;
    case 'region':
      return columns.pcode ? sql<SqlBool>`${sql.ref(columns.pcode)} like ${escapeLike(scope.pcodePrefix) + '%'}` : never;
    case 'own':
      return columns.owner ? sql<SqlBool>`${sql.ref(columns.owner)} = ${scope.userId}` : never;
  }
}

/** Tells whether a single record's anchors fall inside a scope (for records built in memory). */
export function recordInScope(
  scope: Scope,
  record: { organisationId?: string | null; siteId?: string | null; pcode?: string | null; ownerId?: string | null },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'organisation':
      return record.organisationId === scope.organisationId;
    case 'site':
      return record.siteId === scope.siteId;
    case 'region':
      return typeof record.pcode === 'string' && record.pcode.startsWith(scope.pcodePrefix);
    case 'own':
      return record.ownerId === scope.userId;
  }
}
