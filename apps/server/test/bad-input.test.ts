// Hostile and malformed input: always a 4xx naming the field, never a 500, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, unique, type Harness } from './harness';

let h: Harness;
let admin: string;
let iom: string;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  iom = await h.orgId('iom');
});
afterAll(() => h.close());

const userCount = async () => Number((await h.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

function validUser(overrides: Record<string, unknown> = {}) {
  return { username: unique('new.'), displayName: 'Nouvel Agent', organisationId: iom, roles: ['caseworker'], password: 'Good-Initial-Pass-7', ...overrides };
}

describe('bad input on POST /users', () => {
  const cases: [string, () => Record<string, unknown> | string, number, string, string][] = [
    ['malformed JSON', () => '{"username": "x",', 400, 'body', 'must be valid JSON'],
    ['a wrong type', () => validUser({ displayName: 42 }), 400, 'displayName', 'must be string'],
    ['an unknown field', () => validUser({ isSuperuser: true }), 400, 'isSuperuser', 'is not an allowed field'],
    ['a missing field', () => { const u = validUser(); delete (u as Record<string, unknown>).organisationId; return u; }, 400, 'organisationId', 'is required'],
    ['an over-long string', () => validUser({ displayName: 'x'.repeat(201) }), 400, 'displayName', 'must NOT have more than 200 characters'],
    ['an invalid P-code format', () => validUser({ regionPcode: 'ML-01' }), 400, 'regionPcode', 'must match pattern "^[A-Z]{2}[0-9]{0,6}$"'],
    ['an unknown P-code', () => validUser({ regionPcode: 'ML99' }), 400, 'regionPcode', 'is not a known P-code'],
    ['an unknown organisation', () => validUser({ organisationId: '01900000-0000-7000-8000-000000000000' }), 400, 'organisationId', 'refers to an unknown organisation'],
    ['a malformed uuid', () => validUser({ siteId: 'not-a-uuid' }), 400, 'siteId', 'must match format "uuid"'],
    ['an unknown role', () => validUser({ roles: ['emperor'] }), 400, 'roles', 'unknown role(s): emperor'],
    ['a bad username', () => validUser({ username: 'Robert"); DROP TABLE users;--' }), 400, 'username', 'must match pattern "^[a-z0-9][a-z0-9._-]{2,49}$"'],
    ['a weak password', () => validUser({ password: 'password123' }), 400, 'password', 'is too common'],
    ['a bad email', () => validUser({ email: 'not-an-email' }), 400, 'email', 'must match format "email"'],
    ['a phone not in E.164', () => validUser({ phone: '76 12 34 56' }), 400, 'phone', 'must match pattern "^\\+[1-9][0-9]{6,14}$"'],
    ['null for a required string', () => validUser({ displayName: null }), 400, 'displayName', 'must be string'],
    ['an array instead of an object', () => JSON.stringify([validUser()]) as string, 400, 'body', 'must be object'],
  ];

  it.each(cases)('%s → %i on %s', async (_name, body, status, field, message) => {
    const before = await userCount();
    const payload = body();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(res.statusCode).toBe(status);
    expect(errorOf(res).fields?.[field]).toBe(message);
    expect(await userCount()).toBe(before);
  });

  it('a body over the limit → 413', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { ...bearer(admin), 'content-type': 'application/json' }, payload: JSON.stringify(validUser({ displayName: 'x'.repeat(2 * 1024 * 1024) })) });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('too_large');
  });

  it('a non-JSON content type → 415', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { ...bearer(admin), 'content-type': 'text/xml' }, payload: '<user/>' });
    expect(res.statusCode).toBe(415);
  });

  it('a duplicate username → 409 naming the field, and nothing else written', async () => {
    const before = await userCount();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: validUser({ username: 'caseworker.gao' }) });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).fields).toEqual({ username: 'is already taken' });
    expect(await userCount()).toBe(before);
  });
});

describe('bad input elsewhere', () => {
  it.each([
    ['/api/v1/users?limit=0', 'limit'],
    ['/api/v1/users?limit=abc', 'limit'],
    ['/api/v1/users?limit=100000', 'limit'],
    ['/api/v1/users?cursor=%00%01garbage', 'cursor'],
    ['/api/v1/users?unknown=1', 'unknown'],
    ['/api/v1/users/not-a-uuid', 'id'],
    ['/api/v1/audit?from=2025-02-30', 'from'],
    ['/api/v1/reference/admin-units?level=9', 'level'],
  ])('GET %s → 400 naming %s', async (url, field) => {
    const res = await h.app.inject({ method: 'GET', url, headers: bearer(admin) });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {})).toContain(field);
  });

  it('an If-Match that is not a version → 400; a missing one → 428', async () => {
    const site = await h.siteId('kayes');
    const bad = await h.app.inject({ method: 'PATCH', url: `/api/v1/sites/${site}`, headers: { ...bearer(admin), 'if-match': 'banana' }, payload: { name: 'Kayes' } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toEqual({ 'If-Match': 'must be the record version, a positive integer' });
    const missing = await h.app.inject({ method: 'PATCH', url: `/api/v1/sites/${site}`, headers: bearer(admin), payload: { name: 'Kayes' } });
    expect(missing.statusCode).toBe(428);
  });

  it('an invalid country code on an organisation → 400 naming it', async () => {
    const bad = await h.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: bearer(admin), payload: { code: unique('org-'), name: 'X', kind: 'ngo', countryCode: 'XYZ' } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toEqual({ countryCode: 'refers to an unknown record' });
    const format = await h.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: bearer(admin), payload: { code: unique('org-'), name: 'X', kind: 'ngo', countryCode: 'ml' } });
    expect(format.statusCode).toBe(400);
    expect(Object.keys(errorOf(format).fields ?? {})).toEqual(['countryCode']);
  });

  it('an unknown API path → 404 in the error shape', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: bearer(admin) });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });
});
