// Authentication and route access: every route states who may call it, or the app refuses to start.
import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@taama/core';
import type { Db } from '../db/database';
import { Forbidden, Unauthenticated } from '../errors';
import { mergeGrants, scopeFor, type RequestContext } from './context';
import { loadSession, SESSION_COOKIE } from './sessions';

/** How a route is reached: by anyone, by any signed-in user, or with a permission. */
export type RouteAccess = { public: true } | { authenticated: true } | { permission: Permission };

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable by a user who must still set up two-factor sign-in (enrolment, sign-out, "who am I"). */
    beforeMfaEnrolment?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext | null;
  }
  interface FastifyInstance {
    /** Every API route with its access rule (for the access tests and the docs). */
    routeAccess: RouteAccessEntry[];
  }
}

function describeAccess(access: RouteAccess): string {
  if ('public' in access) return 'Public.';
  if ('authenticated' in access) return 'Any signed-in user.';
  return `Requires permission \`${access.permission}\`; records outside the caller's scope read as 404.`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function credentials(request: FastifyRequest): { token: string; viaCookie: boolean } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), viaCookie: false };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : undefined;
}

/** The request's context; throws 401 when the route is reached without one. */
export function requireCtx(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new Unauthenticated();
  return request.ctx;
}

/** Tells whether a session must set up two-factor sign-in before anything else. */
export function mustEnrolMfa(ctx: Pick<RequestContext, 'mfaEnforced' | 'mfaEnabled'>, roles: readonly { requiresMfa?: boolean }[]): boolean {
  return Boolean(ctx.mfaEnforced) && !ctx.mfaEnabled && roles.some((r) => r.requiresMfa);
}

export const authPlugin = fp<{ db: Db; secret: string; mfaEnforced?: boolean }>(async (app: FastifyInstance, { db, secret, mfaEnforced = true }) => {
  app.decorateRequest('ctx', null);
  app.decorate('routeAccess', [] as RouteAccessEntry[]);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return; // static files and docs are public
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.routeAccess.push({ method, url, access });
    if (route.schema) {
      const schema = route.schema as { description?: string };
      schema.description = [schema.description, describeAccess(access)].filter(Boolean).join(' ');
    }
  });

  // onRequest: credentials and permission are checked before the body is even parsed, so a caller
  // without access learns nothing about the route's input rules.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!request.url.startsWith('/api/') || !access || 'public' in access) return;
    const given = credentials(request);
    if (!given) throw new Unauthenticated();
    const session = await loadSession(db, secret, given.token);
    if (!session) throw new Unauthenticated('Your session has expired; please sign in again', 'session_expired');
    if (given.viaCookie && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new Forbidden('Missing or wrong X-CSRF-Token header', 'csrf_token_invalid');
      }
    }
    const merged = mergeGrants(session.roles);
    const ctx: RequestContext = {
      db,
      user: session.user,
      session: { id: session.id, expiresAt: session.expiresAt, csrfToken: session.csrfToken, viaCookie: given.viaCookie },
      roles: session.roles.map((r) => r.code),
      permissions: merged.permissions,
      grants: merged.grants,
      maxSensitivity: merged.maxSensitivity,
      requestId: request.id,
      ip: request.ip,
      scope: { kind: 'none' },
      mfaEnforced,
      mfaEnabled: session.mfaEnabled,
    };
    request.ctx = ctx;
    // Like the forced password change, but enforced here too: a required second factor that is not
    // set up leaves the session good for enrolment only, whatever client is used.
    if (mustEnrolMfa(ctx, session.roles) && !request.routeOptions.config.beforeMfaEnrolment) {
      throw new Forbidden('Set up two-factor sign-in first (your role requires it)', 'mfa_enrolment_required');
    }
    if ('permission' in access) {
      if (!ctx.permissions.has(access.permission)) throw new Forbidden();
      ctx.scope = scopeFor(ctx, access.permission);
    }
  });
});
