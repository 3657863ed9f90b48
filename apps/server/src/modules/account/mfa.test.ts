// Two-factor sign-in end to end: enrolment, the code step, replay refused, recovery codes, lockout,
// forced enrolment for roles that require it, and the RFC 6238 reference values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { TEST_DEMO_PASSWORD } from '../../../test/constants';
import { base32Encode, hotp, openSecret, sealSecret, totpAt } from '../../platform/auth/totp';
import { MAX_FAILED_LOGINS } from './account.service';

let h: Harness;
// demo: false — the production rule, where a role that requires two-factor forces enrolment.
let strict: Harness;
beforeAll(async () => {
  h = await createHarness();
  strict = await createHarness({ demo: false });
});
afterAll(async () => {
  await h.close();
  await strict.close();
});

const STEP_MS = 30_000;

async function login(app: Harness, username: string, password = TEST_DEMO_PASSWORD) {
  return app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
}

async function codeStep(app: Harness, challenge: string, code: string) {
  return app.app.inject({ method: 'POST', url: '/api/v1/auth/login/totp', payload: { challenge, code } });
}

/** Enrols a user through the API; returns the secret and recovery codes. */
async function enrol(app: Harness, token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await app.app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrol', headers: bearer(token) });
  expect(started.statusCode).toBe(200);
  const { secret, qrSvg, otpauthUri } = started.json() as { secret: string; qrSvg: string; otpauthUri: string };
  expect(qrSvg).toContain('<svg');
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Taama%3A/);
  const confirmed = await app.app.inject({ method: 'POST', url: '/api/v1/me/mfa/confirm', headers: bearer(token), payload: { code: totpAt(secret, Date.now()) } });
  expect(confirmed.statusCode).toBe(200);
  return { secret, recoveryCodes: (confirmed.json() as { recoveryCodes: string[] }).recoveryCodes };
}

describe('TOTP (RFC 6238 / RFC 4226 reference values)', () => {
  it('computes the published HOTP and TOTP test vectors', () => {
    const key = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
    // RFC 6238 appendix B, SHA-1, truncated to 6 digits.
    const secret = base32Encode(key);
    expect(totpAt(secret, 59_000)).toBe('287082');
    expect(totpAt(secret, 1_111_111_109_000)).toBe('081804');
    expect(totpAt(secret, 2_000_000_000_000)).toBe('279037');
  });

  it('seals secrets so another server secret cannot open them', () => {
    const sealed = sealSecret('a'.repeat(40), 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret('a'.repeat(40), sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret('b'.repeat(40), sealed)).toThrow();
  });
});

describe('two-factor sign-in', () => {
  it('enrols, then signs in with a code; a used code and a used recovery code are refused', async () => {
    const user = await h.userWith({ permissions: ['person.read'] });
    const wrong = await h.app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrol', headers: bearer(user.token) });
    expect(wrong.statusCode).toBe(200);
    const badConfirm = await h.app.inject({ method: 'POST', url: '/api/v1/me/mfa/confirm', headers: bearer(user.token), payload: { code: '000000' === totpAt(wrong.json().secret, Date.now()) ? '111111' : '000000' } });
    expect(badConfirm.statusCode).toBe(400);
    expect(errorOf(badConfirm).fields).toHaveProperty('code');
    const { secret, recoveryCodes } = await enrol(h, user.token);
    expect(recoveryCodes).toHaveLength(10);
    const rows = await h.database.db.selectFrom('mfaRecoveryCodes').select('codeHash').where('userId', '=', user.id).execute();
    expect(rows.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]); // stored hashed

    const first = await login(h, user.username);
    expect(first.statusCode).toBe(200);
    const challenge = first.json() as { mfaRequired: boolean; challenge: string; token?: string };
    expect(challenge.mfaRequired).toBe(true);
    expect(challenge.token).toBeUndefined();
    expect(first.headers['set-cookie']).toBeUndefined();

    // The code used to confirm enrolment is spent: the same 30-second step is refused.
    const replay = await codeStep(h, challenge.challenge, totpAt(secret, Date.now()));
    expect(replay.statusCode).toBe(401);
    expect(errorOf(replay).code).toBe('mfa_code_invalid');
    const next = totpAt(secret, Date.now() + STEP_MS);
    const ok = await codeStep(h, challenge.challenge, next);
    expect(ok.statusCode).toBe(200);
    const body = ok.json() as { token: string; user: { username: string; mfa: { enabled: boolean; recoveryCodesLeft: number } } };
    expect(body.user.username).toBe(user.username);
    expect(body.user.mfa).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(body.token) })).statusCode).toBe(200);
    // The challenge is single-use, and the code cannot be replayed with a fresh challenge either.
    expect((await codeStep(h, challenge.challenge, next)).statusCode).toBe(401);
    const again = (await login(h, user.username)).json() as { challenge: string };
    expect((await codeStep(h, again.challenge, next)).statusCode).toBe(401);

    const recovery = recoveryCodes[3] ?? '';
    const withRecovery = await codeStep(h, again.challenge, recovery.toUpperCase());
    expect(withRecovery.statusCode).toBe(200);
    const third = (await login(h, user.username)).json() as { challenge: string };
    expect((await codeStep(h, third.challenge, recovery)).statusCode).toBe(401);
    const audit = await h.database.db.selectFrom('auditLog').select(['action', 'details']).where('entityId', '=', user.id).where('action', '=', 'auth.login').execute();
    expect(audit.map((a) => a.details.secondFactor).filter(Boolean).sort()).toEqual(['recovery', 'totp']);
  });

  it('counts wrong codes toward the account lockout', async () => {
    const user = await h.userWith({ permissions: ['person.read'] });
    await enrol(h, user.token);
    const { challenge } = (await login(h, user.username)).json() as { challenge: string };
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) statuses.push((await codeStep(h, challenge, 'zzzz-zzzz-zz')).statusCode);
    expect(statuses).toEqual(Array(MAX_FAILED_LOGINS).fill(401));
    const locked = await login(h, user.username);
    expect(locked.statusCode).toBe(429);
    const row = await h.database.db.selectFrom('users').select('lockedUntil').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.lockedUntil).not.toBeNull();
  });

  it('keeps /auth/login unchanged for a user without two-factor', async () => {
    const res = await login(h, 'caseworker.gao');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('token');
    expect(res.json().user.mfa).toMatchObject({ enabled: false, required: false, mustEnrol: false });
  });

  it('forces enrolment before anything else for a role that requires it', async () => {
    const user = await strict.userWith({ permissions: ['person.read', 'reference.read'] });
    const role = await strict.database.db.selectFrom('userRoles').select('roleId').where('userId', '=', user.id).executeTakeFirstOrThrow();
    await strict.database.db.updateTable('roles').set({ requiresMfa: true }).where('id', '=', role.roleId).execute();
    const me = await strict.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) });
    expect(me.json().mfa).toMatchObject({ required: true, enabled: false, mustEnrol: true });
    const blocked = await strict.app.inject({ method: 'GET', url: '/api/v1/reference/countries', headers: bearer(user.token) });
    expect(blocked.statusCode).toBe(403);
    expect(errorOf(blocked).code).toBe('mfa_enrolment_required');
    await enrol(strict, user.token);
    const open = await strict.app.inject({ method: 'GET', url: '/api/v1/reference/countries', headers: bearer(user.token) });
    expect(open.statusCode, open.body).toBe(200);
    // Required by the role: it cannot be turned off.
    const off = await strict.app.inject({ method: 'POST', url: '/api/v1/me/mfa/disable', headers: bearer(user.token), payload: { password: TEST_DEMO_PASSWORD, code: '123456' } });
    expect(off.statusCode).toBe(422);
    expect(errorOf(off).code).toBe('mfa_required_by_role');
  });

  it('requires it by default for administrators and protection officers only', async () => {
    const rows = await strict.database.db.selectFrom('roles').select(['code', 'requiresMfa']).where('builtin', '=', true).execute();
    const admin = await strict.login('admin');
    const me = (await strict.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(admin) })).json();
    expect(me.mfa.mustEnrol).toBe(true);
    expect(rows.length).toBeGreaterThan(5);
    const cw = await strict.login('caseworker.gao');
    expect((await strict.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(cw) })).json().mfa.required).toBe(false);
    const po = await strict.login('protection.officer');
    expect((await strict.app.inject({ method: 'GET', url: '/api/v1/people?q=traore', headers: bearer(po) })).statusCode).toBe(403);
  });
});

describe('sessions', () => {
  it('lists my sessions with the current one, and closing another ends it', async () => {
    const user = await h.userWith({ permissions: ['person.read'] });
    const other = (await login(h, user.username)).json() as { token: string };
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: { ...bearer(user.token), 'user-agent': 'test-agent' } });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean; ip: string | null; createdAt: string; lastSeenAt: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const otherId = items.find((s) => !s.current)?.id ?? '';
    const revoked = await h.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${otherId}`, headers: bearer(user.token) });
    expect(revoked.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(other.token) })).statusCode).toBe(401);
    // Someone else's session id reads as not found.
    const stranger = await h.userWith({ permissions: [] });
    const foreign = await h.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${items.find((s) => s.current)?.id ?? ''}`, headers: bearer(stranger.token) });
    expect(foreign.statusCode).toBe(404);
  });

  it('lets an administrator list and close a user’s sessions; others get 403', async () => {
    const user = await h.userWith({ permissions: ['person.read'] });
    const admin = await h.login('admin');
    const list = await h.app.inject({ method: 'GET', url: `/api/v1/users/${user.id}/sessions`, headers: bearer(admin) });
    expect(list.statusCode).toBe(200);
    const [session] = list.json().items as { id: string }[];
    expect((await h.app.inject({ method: 'DELETE', url: `/api/v1/users/${user.id}/sessions/${session?.id ?? ''}`, headers: bearer(admin) })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) })).statusCode).toBe(401);
    const cw = await h.login('caseworker.gao');
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/users/${user.id}/sessions`, headers: bearer(cw) })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/me/sessions` })).statusCode).toBe(401);
  });

  it('a password reset by an administrator forces a change at next sign-in and closes sessions', async () => {
    const user = await h.userWith({ permissions: ['person.read'] });
    const admin = await h.login('admin');
    const reset = await h.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/reset-password`, headers: bearer(admin), payload: { password: 'Reset-By-Admin-2025!' } });
    expect(reset.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(user.token) })).statusCode).toBe(401);
    const res = await login(h, user.username, 'Reset-By-Admin-2025!');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
  });

  it('an administrator resets a lost second factor: the user signs in with the password again', async () => {
    const user = await h.userWith({ permissions: ['person.read'] });
    await enrol(h, user.token);
    const admin = await h.login('admin');
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/mfa/reset`, headers: bearer(admin) })).statusCode).toBe(204);
    const res = await login(h, user.username);
    expect(res.json()).toHaveProperty('token');
  });
});

describe('the requiresMfa role flag', () => {
  it('is shown on roles (built-in default) and editable by an administrator', async () => {
    const admin = await h.login('admin');
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/roles', headers: bearer(admin) });
    const roles = list.json().items as { id: string; code: string; version: number; requiresMfa: boolean }[];
    expect(roles.find((r) => r.code === 'administrator')?.requiresMfa).toBe(true);
    expect(roles.find((r) => r.code === 'protection_officer')?.requiresMfa).toBe(true);
    expect(roles.find((r) => r.code === 'caseworker')?.requiresMfa).toBe(false);
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/roles', headers: bearer(admin), payload: { code: `mfa_${Date.now().toString(36)}`, name: 'Needs MFA', scope: 'own', maxSensitivity: 'internal', permissions: [], requiresMfa: true } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().requiresMfa).toBe(true);
    const patched = await h.app.inject({ method: 'PATCH', url: `/api/v1/roles/${created.json().id}`, headers: { ...bearer(admin), 'if-match': String(created.json().version) }, payload: { requiresMfa: false } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().requiresMfa).toBe(false);
  });
});
