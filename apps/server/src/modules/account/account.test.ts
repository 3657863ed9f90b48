import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { TEST_DEMO_PASSWORD } from '../../../test/constants';
import { LOCKOUT_SECONDS, MAX_FAILED_LOGINS } from './account.service';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const value = Array.isArray(raw) ? String(raw[0]) : String(raw);
  return value.split(';')[0] ?? '';
}

describe('POST /auth/login', () => {
  it('sets an HttpOnly SameSite cookie and returns a working bearer token and the user', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'caseworker.gao', password: TEST_DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^taama_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const body = res.json();
    expect(body.user.username).toBe('caseworker.gao');
    expect(body.user.roles).toEqual(['caseworker']);
    expect(body.user.areas).toEqual(['protection']);
    expect(body.user.scope).toBe('site');
    expect(body.user.site.code).toBe('gao');
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(body.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('caseworker.gao');
    const viaCookie = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieOf(res) } });
    expect(viaCookie.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'donor', password: 'not-the-password' } });
    const unknown = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody.here', password: 'not-the-password' } });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('invalid_credentials');
    }
    const requestIds = [wrong, unknown].map((r) => String(r.headers['x-request-id']));
    const entries = await h.database.db.selectFrom('auditLog').select(['actorUsername', 'details', 'action']).where('requestId', 'in', requestIds).orderBy('seq').execute();
    expect(entries).toEqual([
      { action: 'auth.login_failed', actorUsername: 'donor', details: { reason: 'wrong_password' } },
      { action: 'auth.login_failed', actorUsername: 'nobody.here', details: { reason: 'unknown_user' } },
    ]);
    await h.database.db.updateTable('users').set({ failedLoginCount: 0 }).where('username', '=', 'donor').execute();
  });

  it(`locks an account after ${MAX_FAILED_LOGINS} failures, even for the right password, with 429 and Retry-After`, async () => {
    const user = await h.userWith({ permissions: ['reference.read'] });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: 'wrong-password-x' } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_DEMO_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked).code).toBe('too_many_attempts');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(LOCKOUT_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(LOCKOUT_SECONDS);
    // Once the lock has passed, the right password works again.
    await h.database.db.updateTable('users').set({ lockedUntil: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_DEMO_PASSWORD } })).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await createHarness({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody.x', password: 'whatever-123' }, remoteAddress: '10.9.8.7' })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses a disabled account with 403', async () => {
    const user = await h.userWith({ permissions: ['reference.read'] });
    await h.database.db.updateTable('users').set({ disabledAt: new Date() }).where('id', '=', user.id).execute();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_DEMO_PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('account_disabled');
    // and its open session stopped working too
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) })).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('logout revokes the token', async () => {
    const token = await h.login('donor');
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    const after = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('session_expired');
  });

  it('expires after the idle timeout and after the absolute lifetime', async () => {
    const idle = await h.userWith({ permissions: ['reference.read'] });
    await sql`update sessions set last_seen_at = now() - interval '3 hours' where user_id = ${idle.id}`.execute(h.database.db);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(idle.token) })).statusCode).toBe(401);
    const old = await h.userWith({ permissions: ['reference.read'] });
    await sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${old.id}`.execute(h.database.db);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(old.token) })).statusCode).toBe(401);
  });

  it('requires the CSRF token for cookie-authenticated writes, not for bearer ones', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'me.officer', password: TEST_DEMO_PASSWORD } });
    const cookie = cookieOf(res);
    const csrf = res.json().user.session.csrfToken as string;
    const without = await h.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: { cookie }, payload: { locale: 'en' } });
    expect(without.statusCode).toBe(403);
    expect(errorOf(without).code).toBe('csrf_token_invalid');
    const wrong = await h.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: { cookie, 'x-csrf-token': 'x'.repeat(csrf.length) }, payload: { locale: 'en' } });
    expect(wrong.statusCode).toBe(403);
    const withToken = await h.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: { cookie, 'x-csrf-token': csrf }, payload: { locale: 'en' } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().locale).toBe('en');
    const viaBearer = await h.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: bearer(res.json().token), payload: { locale: 'fr' } });
    expect(viaBearer.statusCode).toBe(200);
  });
});

describe('POST /me/password', () => {
  it('checks the current password and the policy, then closes the other sessions', async () => {
    const user = await h.userWith({ permissions: ['reference.read'] });
    const other = await h.login(user.username);
    const wrongCurrent = await h.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: bearer(user.token), payload: { currentPassword: 'nope-nope-nope', newPassword: 'A-much-better-one-42' } });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(errorOf(wrongCurrent).fields).toEqual({ currentPassword: 'is not your current password' });
    const weak = await h.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: bearer(user.token), payload: { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).fields?.newPassword).toBe('must be at least 10 characters');
    const ok = await h.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: bearer(user.token), payload: { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'A-much-better-one-42' } });
    expect(ok.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(other) })).statusCode).toBe(401);
    await expect(h.login(user.username, 'A-much-better-one-42')).resolves.toBeTypeOf('string');
  });
});
