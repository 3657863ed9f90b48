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

function validUser(overrides: Record<string, unknown> = {}) {
  return { username: unique('new.'), displayName: 'Nouvel Agent', organisationId: iom, roles: ['caseworker'], password: 'Good-Initial-Pass-7', ...overrides };
}

describe('bad input on POST /users', () => {
  // Each case carries its own unique username, so "nothing written" can be checked exactly even
  // while other test files create users in parallel.
  const cases: { name: string; body: (username: string) => Record<string, unknown> | string; field: string; message: string }[] = [
    { name: 'malformed JSON', body: (u) => `{"username": "${u}",`, field: 'body', message: 'must be valid JSON' },
    { name: 'a wrong type', body: (u) => validUser({ username: u, displayName: 42 }), field: 'displayName', message: 'must be string' },
    { name: 'an unknown field', body: (u) => validUser({ username: u, isSuperuser: true }), field: 'isSuperuser', message: 'is not an allowed field' },
    { name: 'a missing field', body: (u) => { const v = validUser({ username: u }); delete (v as Record<string, unknown>).organisationId; return v; }, field: 'organisationId', message: 'is required' },
    { name: 'an over-long string', body: (u) => validUser({ username: u, displayName: 'x'.repeat(201) }), field: 'displayName', message: 'must NOT have more than 200 characters' },
    { name: 'an invalid P-code format', body: (u) => validUser({ username: u, regionPcode: 'ML-01' }), field: 'regionPcode', message: 'must match pattern "^[A-Z]{2}[0-9]{0,6}$"' },
    { name: 'an unknown P-code', body: (u) => validUser({ username: u, regionPcode: 'ML99' }), field: 'regionPcode', message: 'is not a known P-code' },
    { name: 'an unknown organisation', body: (u) => validUser({ username: u, organisationId: '01900000-0000-7000-8000-000000000000' }), field: 'organisationId', message: 'refers to an unknown organisation' },
    { name: 'a malformed uuid', body: (u) => validUser({ username: u, siteId: 'not-a-uuid' }), field: 'siteId', message: 'must match format "uuid"' },
    { name: 'an unknown role', body: (u) => validUser({ username: u, roles: ['emperor'] }), field: 'roles', message: 'unknown role(s): emperor' },
    { name: 'an SQL-looking username', body: () => validUser({ username: 'Robert"); DROP TABLE users;--' }), field: 'username', message: 'must match pattern "^[a-z0-9][a-z0-9._-]{2,49}$"' },
    { name: 'a weak password', body: (u) => validUser({ username: u, password: 'password123' }), field: 'password', message: 'is too common' },
    { name: 'a bad email', body: (u) => validUser({ username: u, email: 'not-an-email' }), field: 'email', message: 'must match format "email"' },
    { name: 'a phone not in E.164', body: (u) => validUser({ username: u, phone: '76 12 34 56' }), field: 'phone', message: 'must match pattern "^\\+[1-9][0-9]{6,14}$"' },
    { name: 'null for a required string', body: (u) => validUser({ username: u, displayName: null }), field: 'displayName', message: 'must be string' },
    { name: 'an array instead of an object', body: (u) => JSON.stringify([validUser({ username: u })]), field: 'body', message: 'must be object' },
  ];

  it.each(cases)('$name → 400 naming $field, nothing written', async ({ body, field, message }) => {
    const username = unique('bad.');
    const payload = body(username);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.[field]).toBe(message);
    const written = await h.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    expect(written).toBeUndefined();
  });

  it('the same body with valid values is accepted (the cases above fail for their stated reason only)', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: validUser() });
    expect(res.statusCode).toBe(201);
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

  it('a duplicate username → 409 naming the field, and the existing account untouched', async () => {
    const before = await h.database.db.selectFrom('users').select(['id', 'displayName', 'version']).where('username', '=', 'caseworker.gao').executeTakeFirstOrThrow();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin), payload: validUser({ username: 'caseworker.gao', displayName: 'Impostor' }) });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).fields).toEqual({ username: 'is already taken' });
    const after = await h.database.db.selectFrom('users').select(['id', 'displayName', 'version']).where('username', '=', 'caseworker.gao').executeTakeFirstOrThrow();
    expect(after).toEqual(before);
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
    ['/api/v1/audit?from=0000-01-05', 'from'], // a year 0000 once sent date arithmetic into an endless loop
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
