// The access matrix of every API route (ARCHITECTURE §5.5): anonymous → 401, signed in without
// the route's permission → 403, a record outside the caller's scope → 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@taama/core';
import { bearer, createHarness, errorOf, type Harness } from './harness';

let h: Harness;
let noPermissions: string;
beforeAll(async () => {
  h = await createHarness();
  noPermissions = (await h.userWith({ permissions: [] })).token;
});
afterAll(() => h.close());

/** A concrete URL for a route pattern (unknown ids are fine: access is checked first). */
function concrete(url: string): string {
  return url.replace(/:id\b/g, newId()).replace(/:[a-zA-Z]+/g, 'x');
}

describe('every API route', () => {
  it('is in the access table, and the table covers the documented API', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const table = h.app.routeAccess.filter((r) => r.url !== '/api/v1/openapi.json').map((r) => `${r.method} ${r.url}`);
    expect(new Set(table)).toEqual(new Set(documented));
    expect(table.length).toBeGreaterThan(25);
  });

  it('answers 401 to anonymous callers unless public', async () => {
    const failures: string[] = [];
    for (const route of h.app.routeAccess) {
      if ('public' in route.access) continue;
      const res = await h.app.inject({ method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' ? undefined : {} });
      if (res.statusCode !== 401 || errorOf(res).code !== 'unauthenticated') failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to a signed-in user without the permission', async () => {
    const failures: string[] = [];
    for (const route of h.app.routeAccess) {
      if (!('permission' in route.access)) continue;
      const res = await h.app.inject({ method: route.method as 'GET', url: concrete(route.url), headers: bearer(noPermissions), payload: route.method === 'GET' ? undefined : {} });
      if (res.statusCode !== 403 || errorOf(res).code !== 'forbidden') failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets the public routes through without credentials', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).statusCode).toBe(200);
  });
});

describe('scope', () => {
  // An administrator of AECID only (organisation scope) must not see IOM's people, sites or organisation.
  let aecidAdmin: string;
  let iomUserId: string;
  let iomSiteId: string;
  let iomOrgId: string;
  beforeAll(async () => {
    aecidAdmin = (
      await h.userWith({
        permissions: ['user.read', 'user.manage', 'site.read', 'site.manage', 'organisation.read', 'organisation.manage'],
        scope: 'organisation',
        organisation: 'aecid',
      })
    ).token;
    iomUserId = (await h.database.db.selectFrom('users').select('id').where('username', '=', 'caseworker.gao').executeTakeFirstOrThrow()).id;
    iomSiteId = await h.siteId('gao');
    iomOrgId = await h.orgId('iom');
  });

  it.each([
    ['GET', '/api/v1/users/{user}'],
    ['PATCH', '/api/v1/users/{user}'],
    ['POST', '/api/v1/users/{user}/disable'],
    ['POST', '/api/v1/users/{user}/reset-password'],
    ['GET', '/api/v1/sites/{site}'],
    ['PATCH', '/api/v1/sites/{site}'],
    ['GET', '/api/v1/organisations/{org}'],
    ['PATCH', '/api/v1/organisations/{org}'],
  ])('%s %s outside the scope is 404, as if absent', async (method, pattern) => {
    const url = pattern.replace('{user}', iomUserId).replace('{site}', iomSiteId).replace('{org}', iomOrgId);
    const payload = pattern.endsWith('reset-password')
      ? { password: 'Another-good-pass-1' }
      : method !== 'PATCH'
        ? undefined
        : pattern.includes('users')
          ? { displayName: 'Renamed' }
          : { name: 'Renamed' };
    const res = await h.app.inject({ method: method as 'GET', url, headers: { ...bearer(aecidAdmin), 'if-match': '1' }, payload });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });

  it('lists only in-scope rows', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/users?limit=500', headers: bearer(aecidAdmin) });
    expect(res.statusCode).toBe(200);
    const aecid = await h.orgId('aecid');
    const items = res.json().items as { organisationId: string; username: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.organisationId === aecid)).toBe(true);
    expect(items.map((u) => u.username)).toContain('awareness.officer');
  });

  it('a site-scoped grant without a site reaches nothing', async () => {
    const siteless = await h.userWith({ permissions: ['user.read'], scope: 'site', site: null });
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(siteless.token) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });
});
