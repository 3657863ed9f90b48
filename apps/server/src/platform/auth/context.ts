// The request context every service receives: who is calling, what they may do, and where.
import { scopeBreadth, type Permission, type ScopeKind, type Sensitivity } from '@taama/core';
import type { Db } from '../db/database';
import type { AuditActor } from '../audit/audit';
import { scopeOf, type Scope } from '../access/scope';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  locale: 'fr' | 'en';
  organisationId: string;
  siteId: string | null;
  regionPcode: string | null;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  id: string;
  expiresAt: Date;
  csrfToken: string;
  viaCookie: boolean;
}

export interface RoleGrant {
  code: string;
  scope: ScopeKind;
  maxSensitivity: Sensitivity;
  permissions: readonly string[];
  /** Members must sign in with a second factor (roles.requires_mfa, or the built-in default). */
  requiresMfa?: boolean;
}

export interface RequestContext {
  db: Db;
  user: SessionUser;
  session: SessionInfo;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  /** For each permission, the broadest scope kind any of the user's roles grants it with. */
  grants: ReadonlyMap<Permission, ScopeKind>;
  maxSensitivity: Sensitivity;
  requestId: string;
  ip: string;
  /** The scope of the permission the current route requires. */
  scope: Scope;
  /** Whether roles that require two-factor sign-in are enforced (off only in demo mode). */
  mfaEnforced?: boolean;
  /** The user has confirmed two-factor sign-in. */
  mfaEnabled?: boolean;
}

/** Merges a user's roles into permissions, per-permission scope kinds and the sensitivity ceiling. */
export function mergeGrants(roles: readonly RoleGrant[]): {
  permissions: Set<Permission>;
  grants: Map<Permission, ScopeKind>;
  maxSensitivity: Sensitivity;
} {
  const grants = new Map<Permission, ScopeKind>();
  let ceiling: Sensitivity = 'public';
  const order = ['public', 'internal', 'personal', 'sensitive'] as const;
  for (const role of roles) {
    if (order.indexOf(role.maxSensitivity) > order.indexOf(ceiling)) ceiling = role.maxSensitivity;
    for (const p of role.permissions as Permission[]) {
      const current = grants.get(p);
      if (!current || scopeBreadth(role.scope) > scopeBreadth(current)) grants.set(p, role.scope);
    }
  }
  return { permissions: new Set(grants.keys()), grants, maxSensitivity: ceiling };
}

/** The scope this context has for a permission (deny-all when the permission is not granted). */
export function scopeFor(ctx: Pick<RequestContext, 'grants' | 'user'>, permission: Permission): Scope {
  const kind = ctx.grants.get(permission);
  return kind ? scopeOf(kind, ctx.user) : { kind: 'none' };
}

/** Tells whether the context holds a permission. */
export function can(ctx: Pick<RequestContext, 'permissions'>, permission: Permission): boolean {
  return ctx.permissions.has(permission);
}

/** The audit actor of a request. */
export function actorOf(ctx: Pick<RequestContext, 'user' | 'requestId' | 'ip'>): AuditActor {
  return { userId: ctx.user.id, username: ctx.user.username, requestId: ctx.requestId, ip: ctx.ip };
}
