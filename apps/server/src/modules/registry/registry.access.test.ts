// Every registry route, three ways: without a session (401), without the permission (403), and on
// records outside the caller's scope (404, or no rows where the route is a list).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '@taama/core';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { isolatedSite, register } from './registry.fixtures';

let h: Harness;
let ids: { person: string; other: string; consent: string; group: string };
let owner: { token: string };
let stranger: { token: string };
let bystander: { token: string };

const ALL: Permission[] = ['person.read', 'person.create', 'person.update', 'person.merge'];
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  h = await createHarness();
  const admin = await h.login('admin');
  const site = await isolatedSite(h, admin);
  const elsewhere = await isolatedSite(h, admin);
  owner = await h.userWith({ permissions: ALL, scope: 'site', site: site.code, maxSensitivity: 'sensitive' });
  stranger = await h.userWith({ permissions: ALL, scope: 'site', site: elsewhere.code, maxSensitivity: 'sensitive' });
  bystander = await h.userWith({ permissions: ['reference.read'] });
  const person = await register(h, owner.token, { givenName: 'Oumou', familyName: 'Sylla', sex: 'female', consent: { method: 'explicit_signed' } });
  const other = await register(h, owner.token, { givenName: 'Oumou', familyName: 'Sila', sex: 'female' });
  const group = (await h.app.inject({ method: 'POST', url: '/api/v1/groups', headers: bearer(owner.token), payload: { kind: 'family', members: [{ personId: person.id, relationship: 'head', isHead: true }] } })).json();
  ids = { person: person.id, other: other.id, consent: (person.consents as { id: string }[])[0]?.id ?? '', group: group.id };
});
afterAll(() => h.close());

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  route: string;
  url: () => string;
  body?: () => unknown;
  contentType?: string;
  ifMatch?: boolean;
  list?: (body: { items: { id: string }[] }) => void;
  /** Routes that answer out-of-scope callers with a 400 naming the field (they refer to records). */
  outside?: number;
}

const routes: RouteCase[] = [
  { method: 'POST', route: '/api/v1/people', url: () => '/people', body: () => ({ givenName: 'A', familyName: 'B', sex: 'male', nationality: 'MLI' }), outside: 201 },
  { method: 'GET', route: '/api/v1/people', url: () => '/people?q=Sylla', list: (b) => expect(b.items.map((p) => p.id)).not.toContain(ids.person) },
  { method: 'GET', route: '/api/v1/people/:id', url: () => `/people/${ids.person}` },
  { method: 'PATCH', route: '/api/v1/people/:id', url: () => `/people/${ids.person}`, body: () => ({ birthPlace: 'Ségou' }), ifMatch: true },
  { method: 'POST', route: '/api/v1/people/:id/consents', url: () => `/people/${ids.person}/consents`, body: () => ({ kind: 'photo', method: 'explicit_oral', givenOn: '2025-01-01' }) },
  { method: 'POST', route: '/api/v1/people/:id/consents/:consentId/withdraw', url: () => `/people/${ids.person}/consents/${ids.consent}/withdraw`, body: () => ({ withdrawnOn: '2025-06-01' }) },
  { method: 'GET', route: '/api/v1/people/:id/timeline', url: () => `/people/${ids.person}/timeline` },
  { method: 'PUT', route: '/api/v1/people/:id/photo', url: () => `/people/${ids.person}/photo`, body: () => PNG, contentType: 'image/png' },
  { method: 'GET', route: '/api/v1/people/:id/photo', url: () => `/people/${ids.person}/photo` },
  { method: 'DELETE', route: '/api/v1/people/:id/photo', url: () => `/people/${ids.person}/photo` },
  { method: 'POST', route: '/api/v1/people/duplicate-check', url: () => '/people/duplicate-check', body: () => ({ givenName: 'Oumou', familyName: 'Sylla' }), list: (b) => expect(b.items.map((p) => p.id)).not.toContain(ids.person) },
  { method: 'GET', route: '/api/v1/people/:id/duplicates', url: () => `/people/${ids.person}/duplicates` },
  { method: 'POST', route: '/api/v1/people/:id/duplicates/:otherId/dismiss', url: () => `/people/${ids.person}/duplicates/${ids.other}/dismiss` },
  { method: 'GET', route: '/api/v1/duplicates', url: () => '/duplicates?limit=500', list: (b) => expect(JSON.stringify(b.items)).not.toContain(ids.person) },
  { method: 'POST', route: '/api/v1/people/:id/merge', url: () => `/people/${ids.other}/merge`, body: () => ({ intoId: ids.person }) },
  { method: 'POST', route: '/api/v1/people/:id/unmerge', url: () => `/people/${ids.other}/unmerge` },
  { method: 'GET', route: '/api/v1/people/:id/merges', url: () => `/people/${ids.person}/merges` },
  { method: 'POST', route: '/api/v1/groups', url: () => '/groups', body: () => ({ kind: 'family', members: [{ personId: ids.person, relationship: 'head' }] }), outside: 400 },
  { method: 'GET', route: '/api/v1/groups/:id', url: () => `/groups/${ids.group}` },
  { method: 'POST', route: '/api/v1/groups/:id/members', url: () => `/groups/${ids.group}/members`, body: () => ({ personId: ids.other, relationship: 'sibling' }) },
  { method: 'DELETE', route: '/api/v1/groups/:id/members/:personId', url: () => `/groups/${ids.group}/members/${ids.person}` },
];

function call(r: RouteCase, token?: string) {
  const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...(r.ifMatch ? { 'if-match': '1' } : {}), ...(r.contentType ? { 'content-type': r.contentType } : {}) };
  const body = r.body?.();
  return h.app.inject({ method: r.method, url: `/api/v1${r.url()}`, headers, ...(body === undefined ? {} : { payload: body as object }) });
}

describe('registry route access', () => {
  it('the table covers every registry route', () => {
    // The data-subject routes under /people (export, erase) belong to the privacy module and its tests.
    const privacy = /\/people\/:id\/(erase|export\.(json|pdf))$/;
    const mine = h.app.routeAccess.filter((r) => /\/api\/v1\/(people|duplicates|groups)\b/.test(r.url) && !privacy.test(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(mine.sort()).toEqual(routes.map((r) => `${r.method} ${r.route}`).sort());
  });

  it.each(routes.map((r) => [`${r.method} ${r.route}`, r] as const))('%s: anonymous 401, no permission 403, out of scope 404', async (_name, r) => {
    expect((await call(r)).statusCode).toBe(401);
    expect((await call(r, bystander.token)).statusCode).toBe(403);
    const outside = await call(r, stranger.token);
    if (r.list) {
      expect(outside.statusCode).toBe(200);
      r.list(outside.json());
    } else {
      expect(outside.statusCode).toBe(r.outside ?? 404);
    }
  });

  it('the refused calls changed nothing', async () => {
    const person = await h.database.db.selectFrom('people').select(['version', 'status', 'birthPlace']).where('id', '=', ids.person).executeTakeFirstOrThrow();
    expect(person).toEqual({ version: 1, status: 'active', birthPlace: null });
    expect(await h.database.db.selectFrom('personPhotos').select('personId').where('personId', '=', ids.person).execute()).toEqual([]);
  });
});
