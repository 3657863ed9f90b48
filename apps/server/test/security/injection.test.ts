// Injection (SPEC §3, §13): SQL in every free-text query parameter and search box changes nothing,
// leaks nothing and errs nowhere; path traversal in file routes is refused; every upload route
// checks what the bytes are (not what the client says) and how many there are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId, PERMISSIONS } from '@taama/core';
import { bearer, createHarness, type Harness } from '../harness';
import { SQL_INJECTIONS } from './hostile';
import { routeKey, routesOf, type OpenApiDoc, type RouteInfo } from './routes';

let h: Harness;
let routes: RouteInfo[];
let root: string;
let rootId: string;

const COUNTED = ['people', 'transit_cases', 'return_cases', 'reintegration_cases', 'users', 'roles', 'flow_counts', 'awareness_activities', 'sites', 'organisations'];

/**
 * What the requests of a test may have changed, robust to the other test files that write to the
 * same database at the same time (on PostgreSQL two files run at once): per table, the ids of the
 * rows that existed a minute before the test started (a drop or delete changes them; a row of
 * another file's transaction still open then is left out) and how many rows this file's user has
 * created since (an insert through a request changes that).
 */
async function counts(testStart: Date): Promise<Record<string, string>> {
  const since = new Date(testStart.getTime() - 60_000);
  const out: Record<string, string> = {};
  for (const table of COUNTED) {
    const r = await sql<{ n: string; ids: string; mine: string }>`
      select count(*) filter (where created_at < ${since}) as n,
             md5(coalesce(string_agg(id::text, ',' order by id) filter (where created_at < ${since}), '')) as ids,
             count(*) filter (where created_at >= ${since} and created_by = ${rootId}) as mine
        from ${sql.table(table)}`.execute(h.database.db);
    const row = r.rows[0];
    out[table] = `${row?.n ?? '?'} before (${row?.ids ?? '?'}), ${row?.mine ?? '?'} created`;
  }
  return out;
}

beforeAll(async () => {
  h = await createHarness();
  routes = routesOf((await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDoc);
  const user = await h.userWith({ permissions: [...PERMISSIONS], scope: 'all', maxSensitivity: 'sensitive', site: 'gao' });
  root = user.token;
  rootId = user.id;
});
afterAll(() => h.close());

/** Free-text query parameters: strings without an enumeration, format or pattern. */
function textParams(route: RouteInfo): string[] {
  return route.params.filter((p) => p.in === 'query' && p.schema.type === 'string' && !p.schema.enum && !p.schema.format && !p.schema.pattern).map((p) => p.name);
}

const DATABASE_WORDS = /syntax error|relation "|column "|pg_|sqlstate|unterminated|invalid input syntax/i;

describe('SQL injection in query strings', () => {
  it('every free-text parameter of every read: no error, no database message, no change', async () => {
    const since = new Date();
    const before = await counts(since);
    const reads = routes.filter((r) => r.method === 'GET' && textParams(r).length > 0);
    expect(reads.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const route of reads) {
      const path = route.path.replace(/\{(\w+)\}/g, () => newId());
      for (const name of textParams(route)) {
        for (const attack of SQL_INJECTIONS) {
          const required = route.params.filter((p) => p.in === 'query' && p.required && p.name !== name).map((p) => `${p.name}=${p.name === 'mode' ? 'dry-run' : p.name === 'kind' ? 'counts' : '2021Q4'}`);
          const url = `${path}?${[...required, `${name}=${encodeURIComponent(attack)}`].join('&')}`;
          const started = Date.now();
          const res = await h.app.inject({ method: 'GET', url, headers: bearer(root) });
          if (res.statusCode >= 500) failures.push(`${routeKey(route)} ${name}=${attack} → ${res.statusCode}`);
          // The refusal may quote the input back (as text); anything else that looks like the database talking is a leak.
          if (DATABASE_WORDS.test(res.body.split(JSON.stringify(attack).slice(1, -1)).join(''))) failures.push(`${routeKey(route)} ${name}=${attack} → a database message: ${res.body.slice(0, 160)}`);
          if (Date.now() - started > 4000 && attack.includes('pg_sleep')) failures.push(`${routeKey(route)} ${name}: pg_sleep ran`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await counts(since)).toEqual(before);
  });

  it('the people search box: an injected tautology finds nobody outside the caller’s site', async () => {
    const caseworker = await h.login('caseworker.gao');
    const gao = await h.siteId('gao');
    for (const attack of SQL_INJECTIONS) {
      const res = await h.app.inject({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(attack)}&limit=500`, headers: bearer(caseworker) });
      expect(res.statusCode, attack).toBeLessThan(500);
      if (res.statusCode !== 200) continue;
      const items = (res.json() as { items: { siteId?: string | null }[] }).items;
      expect(items.filter((p) => p.siteId !== gao), attack).toEqual([]);
    }
  });

  it('SQL in a write is stored as text, not run', async () => {
    const since = new Date();
    const before = await counts(since);
    const name = "Robert'); DROP TABLE sites;--";
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: bearer(root), payload: { code: `sqli-${newId().slice(-6)}`, name, kind: 'ngo', countryCode: 'MLI' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(name);
    expect(await counts(since)).toEqual({ ...before, organisations: (before.organisations ?? '').replace(/0 created$/, '1 created') });
  });
});

describe('path traversal in file routes', () => {
  const TRAVERSALS = ['..%2F..%2F..%2Fetc%2Fpasswd', '..%2f..%2fpackage.json', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '....%2F%2F....%2F%2Fetc%2Fpasswd', '%00', 'photo%00.jpg'];
  it('a traversal in any path parameter of a file route is refused', async () => {
    const files = routes.filter((r) => r.method === 'GET' && /photo|evidence|certificate|export|manifest|passengers\.xlsx|template/.test(r.path) && r.path.includes('{'));
    expect(files.length).toBeGreaterThan(4);
    const failures: string[] = [];
    for (const route of files) {
      for (const t of TRAVERSALS) {
        const url = route.path.replace(/\{(\w+)\}/g, () => t);
        const res = await h.app.inject({ method: 'GET', url, headers: bearer(root) });
        if (![400, 404].includes(res.statusCode)) failures.push(`${routeKey(route)} ${t} → ${res.statusCode}`);
        if (/root:|"name":\s*"taama"/.test(res.body)) failures.push(`${routeKey(route)} ${t} served a file`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/** A multipart body with one file part (and optional fields before it). */
function multipart(file: { name: string; type: string; data: Buffer }, fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----taama${newId().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const HTML = Buffer.from('<html><script>alert(1)</script></html>');
const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

describe('uploads: content sniffed, size bounded', () => {
  it('a multipart body cut short or without its boundary → 400 on every multipart route, not 500', async () => {
    const multipartRoutes = ['/api/v1/rss/instruments/import', '/api/v1/flows/counts/import?mode=dry-run', '/api/v1/flows/surveys/import?mode=dry-run', `/api/v1/awareness/activities/${newId()}/photos`, `/api/v1/indicators/none/manual-values`, `/api/v1/reintegration-cases/${newId()}/assistance/${newId()}/certificate`];
    for (const url of multipartRoutes) {
      for (const payload of [Buffer.from([1, 2, 3, 250, 13, 10]), Buffer.from('------zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc')]) {
        const res = await h.app.inject({ method: 'POST', url, headers: { ...bearer(root), 'content-type': 'multipart/form-data; boundary=----zz' }, payload });
        expect([400, 404], `${url} → ${res.statusCode} ${res.body.slice(0, 120)}`).toContain(res.statusCode);
      }
    }
  });

  let personId: string;
  let activityId: string;
  beforeAll(async () => {
    const person = await h.database.db.selectFrom('people').select('id').where('siteId', '=', await h.siteId('gao')).limit(1).executeTakeFirstOrThrow();
    personId = person.id;
    const consent = await h.app.inject({ method: 'POST', url: `/api/v1/people/${personId}/consents`, headers: bearer(root), payload: { kind: 'photo', method: 'explicit_oral', givenOn: '2025-03-01' } });
    expect(consent.statusCode, consent.body).toBeLessThan(300);
    activityId = (await h.database.db.selectFrom('awarenessActivities').select('id').limit(1).executeTakeFirstOrThrow()).id;
  });

  it('a person photo: script declared as an image → 400; over 2 MB → 413', async () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp']) {
      const res = await h.app.inject({ method: 'PUT', url: `/api/v1/people/${personId}/photo`, headers: { ...bearer(root), 'content-type': type }, payload: HTML });
      expect(res.statusCode, type).toBe(400);
    }
    const svg = await h.app.inject({ method: 'PUT', url: `/api/v1/people/${personId}/photo`, headers: { ...bearer(root), 'content-type': 'image/svg+xml' }, payload: Buffer.from('<svg onload="alert(1)"/>') });
    expect([400, 415]).toContain(svg.statusCode);
    const big = await h.app.inject({ method: 'PUT', url: `/api/v1/people/${personId}/photo`, headers: { ...bearer(root), 'content-type': 'image/jpeg' }, payload: Buffer.concat([JPEG_HEADER, Buffer.alloc(3 * 1024 * 1024)]) });
    expect(big.statusCode).toBe(413);
  });

  it('an awareness photo: script named .jpg → 400; over 10 MB → 413', async () => {
    const fake = multipart({ name: 'x.jpg', type: 'image/jpeg', data: HTML });
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/awareness/activities/${activityId}/photos`, headers: { ...bearer(root), ...fake.headers }, payload: fake.payload });
    expect(res.statusCode).toBe(400);
    const huge = multipart({ name: 'x.jpg', type: 'image/jpeg', data: Buffer.concat([JPEG_HEADER, Buffer.alloc(11 * 1024 * 1024)]) });
    const big = await h.app.inject({ method: 'POST', url: `/api/v1/awareness/activities/${activityId}/photos`, headers: { ...bearer(root), ...huge.headers }, payload: huge.payload });
    expect(big.statusCode).toBe(413);
  });

  it('imports: a script or random bytes named .xlsx / .csv are refused, nothing imported', async () => {
    const since = new Date();
    const before = await counts(since);
    const urls = ['/api/v1/flows/counts/import?mode=all-or-nothing', '/api/v1/flows/surveys/import?mode=all-or-nothing', '/api/v1/rss/instruments/import'];
    for (const url of urls) {
      for (const file of [
        { name: 'data.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: HTML },
        { name: 'data.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: Buffer.from('PK\u0003\u0004 broken zip') },
        { name: 'data.exe', type: 'application/octet-stream', data: Buffer.from('MZ\u0090\u0000') },
      ]) {
        const body = multipart(file);
        const res = await h.app.inject({ method: 'POST', url, headers: { ...bearer(root), ...body.headers }, payload: body.payload });
        expect(res.statusCode, `${url} ${file.name} ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${url} ${file.name}`).toBeLessThan(500);
      }
    }
    expect(await counts(since)).toEqual(before);
  });
});
