// CSRF (SPEC §13, decision 3): every write reached with the session cookie needs the session's
// X-CSRF-Token; with a bearer token none is needed. Checked on every write route of the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@taama/core';
import { createHarness, errorOf, type Harness } from '../harness';
import { isWrite, routeKey, routesOf, type OpenApiDoc, type RouteInfo } from './routes';

let h: Harness;
let writes: RouteInfo[];
let token: string;
let csrf: string;

beforeAll(async () => {
  h = await createHarness();
  const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDoc;
  writes = routesOf(doc).filter((r) => isWrite(r) && r.access.kind !== 'public');
  token = (await h.userWith({ permissions: [...PERMISSIONS], scope: 'all', maxSensitivity: 'sensitive' })).token;
  const me = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `taama_session=${token}` } });
  csrf = (me.json() as { session: { csrfToken: string } }).session.csrfToken;
});
afterAll(() => h.close());

/** A write to an unknown record with an empty body: whatever passes the gate then stops at validation or lookup. */
function write(route: RouteInfo, headers: Record<string, string>) {
  const url = route.path.replace(/\{(\w+)\}/g, '01900000-0000-7000-8000-000000000000');
  return h.app.inject({ method: route.method as 'POST', url, headers: { 'if-match': '1', ...headers }, ...(route.body ? { payload: {} } : {}) });
}

describe('CSRF on every cookie-authenticated write', () => {
  it('the session cookie and the token come from sign-in', () => {
    expect(writes.length).toBeGreaterThan(100);
    expect(csrf).toMatch(/^[\w-]{20,}$/);
  });

  it('without the token → 403 csrf_token_invalid', async () => {
    const failures: string[] = [];
    for (const route of writes) {
      const res = await write(route, { cookie: `taama_session=${token}` });
      if (res.statusCode !== 403 || errorOf(res).code !== 'csrf_token_invalid') failures.push(`${routeKey(route)} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('with a wrong token (same length, or another session’s) → 403', async () => {
    const other = await h.userWith({ permissions: ['person.read'] });
    const otherMe = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `taama_session=${other.token}` } });
    const otherCsrf = (otherMe.json() as { session: { csrfToken: string } }).session.csrfToken;
    const failures: string[] = [];
    for (const route of writes) {
      for (const wrong of ['x'.repeat(csrf.length), otherCsrf, '']) {
        const res = await write(route, { cookie: `taama_session=${token}`, 'x-csrf-token': wrong });
        if (res.statusCode !== 403) failures.push(`${routeKey(route)} with ${JSON.stringify(wrong.slice(0, 4))}… → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('with the right token, or with a bearer token and no CSRF token, the write goes past the gate', async () => {
    const failures: string[] = [];
    for (const route of writes) {
      if (routeKey(route) === 'POST /api/v1/auth/logout') continue; // would end the session under test
      const ways: Record<string, string>[] = [{ cookie: `taama_session=${token}`, 'x-csrf-token': csrf }, { authorization: `Bearer ${token}` }];
      for (const headers of ways) {
        const res = await write(route, headers);
        if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500) failures.push(`${routeKey(route)} (${Object.keys(headers).join('+')}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('reads never need the token', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `taama_session=${token}` } });
    expect(res.statusCode).toBe(200);
  });
});
