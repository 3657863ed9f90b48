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

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: RequestContext | null;
  }
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

export const authPlugin = fp<{ db: Db; secret: string }>(async (app: FastifyInstance, { db, secret }) => {
  app.decorateRequest('ctx', null);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/')) return; // static files and docs are public by nature
    if (!route.config?.access) throw new Error(`Route ${route.method} ${url} declares no access rule`);
  });

  app.addHook('preHandler', async (request) => {
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
    };
    request.ctx = ctx;
    if ('permission' in access) {
      if (!ctx.permissions.has(access.permission)) throw new Forbidden();
      ctx.scope = scopeFor(ctx, access.permission);
    }
  });
});
