import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, unique, type Harness } from '../../../test/harness';

let h: Harness;
let admin: string;
let iom: string;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  iom = await h.orgId('iom');
});
afterAll(() => h.close());

async function createUser(token: string, overrides: Record<string, unknown> = {}) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: bearer(token),
    payload: { username: unique('agent.'), displayName: 'Agent Test', organisationId: iom, siteId: await h.siteId('gao'), roles: ['caseworker'], password: 'Initial-Pass-2025', ...overrides },
  });
}

describe('user administration', () => {
  it('an administrator creates a user who must change the password, then works with the new one', async () => {
    const res = await createUser(admin, { email: 'agent@example.org', phone: '+22376000000' });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ roles: ['caseworker'], mustChangePassword: true, disabled: false, version: 1, email: 'agent@example.org' });
    const token = await h.login(user.username, 'Initial-Pass-2025');
    const me = (await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).json();
    expect(me).toMatchObject({ mustChangePassword: true, areas: ['protection'], scope: 'site' });
    const change = await h.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: bearer(token), payload: { currentPassword: 'Initial-Pass-2025', newPassword: 'My-Own-Pass-2025' } });
    expect(change.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).json().mustChangePassword).toBe(false);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', user.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'auth.login', 'user.password_changed']);
  });

  it('edits need the current version: a stale If-Match is 412 with the current version', async () => {
    const user = (await createUser(admin)).json();
    const ok = await h.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: { ...bearer(admin), 'if-match': '1' }, payload: { displayName: 'Renamed Once' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: 'Renamed Once', version: 2 });
    const stale = await h.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: { ...bearer(admin), 'if-match': '1' }, payload: { displayName: 'Lost Update' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.details).toEqual({ currentVersion: 2 });
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/users/${user.id}`, headers: bearer(admin) })).json().displayName).toBe('Renamed Once');
  });

  it('role changes are audited with before and after', async () => {
    const user = (await createUser(admin)).json();
    const res = await h.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: { ...bearer(admin), 'if-match': '1' }, payload: { roles: ['caseworker', 'return_officer'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['caseworker', 'return_officer']);
    const entry = await h.database.db.selectFrom('auditLog').select('details').where('entityId', '=', user.id).where('action', '=', 'user.roles_changed').executeTakeFirstOrThrow();
    expect(entry.details).toEqual({ before: ['caseworker'], after: ['caseworker', 'return_officer'] });
  });

  it('disabling closes the sessions at once; enabling lets the user back in', async () => {
    const user = (await createUser(admin)).json();
    const token = await h.login(user.username, 'Initial-Pass-2025');
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/disable`, headers: bearer(admin) })).json().disabled).toBe(true);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/enable`, headers: bearer(admin) })).json().disabled).toBe(false);
    await expect(h.login(user.username, 'Initial-Pass-2025')).resolves.toBeTypeOf('string');
  });

  it('an administrator cannot disable their own account', async () => {
    const me = (await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(admin) })).json();
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/users/${me.id}/disable`, headers: bearer(admin) });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).code).toBe('cannot_disable_self');
  });

  it('a user manager without role.manage cannot grant a role with permissions they lack', async () => {
    const manager = await h.userWith({ permissions: ['user.read', 'user.manage', 'person.read'] });
    const res = await createUser(manager.token, { roles: ['administrator'] });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).message).toContain('administrator');
    const narrow = await h.database.db.selectFrom('roles').select('code').where('code', '=', 'donor').executeTakeFirstOrThrow();
    const escalatesToo = await createUser(manager.token, { roles: [narrow.code] });
    expect(escalatesToo.statusCode).toBe(403);
  });

  it('reset-password sets a new password, closes sessions and forces a change', async () => {
    const user = (await createUser(admin)).json();
    const token = await h.login(user.username, 'Initial-Pass-2025');
    const weak = await h.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/reset-password`, headers: bearer(admin), payload: { password: 'short' } });
    expect(weak.statusCode).toBe(400);
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/reset-password`, headers: bearer(admin), payload: { password: 'Reset-By-Admin-99' } });
    expect(res.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
    const again = await h.login(user.username, 'Reset-By-Admin-99');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(again) })).json().mustChangePassword).toBe(true);
  });

  it('lists with search, filters and a cursor that walks every page once', async () => {
    const tag = unique('pg');
    for (let i = 0; i < 5; i++) await createUser(admin, { username: `${tag}.${i}`, displayName: `Paged ${tag} ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.app.inject({ method: 'GET', url: `/api/v1/users?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(admin) });
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: { username: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}.${i}`));
    const folded = await h.app.inject({ method: 'GET', url: '/api/v1/users?q=keita', headers: bearer(admin) });
    expect(folded.json().items.map((u: { username: string }) => u.username)).toContain('return.officer'); // Ibrahim Keïta
    const byRole = await h.app.inject({ method: 'GET', url: '/api/v1/users?role=donor', headers: bearer(admin) });
    expect(byRole.json().items.map((u: { username: string }) => u.username)).toContain('donor');
  });
});

describe('field sensitivity', () => {
  it('omits personal fields for a role whose ceiling is internal, everywhere they appear', async () => {
    const reader = await h.userWith({ permissions: ['user.read'], maxSensitivity: 'internal' });
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/users?limit=5', headers: bearer(reader.token) });
    expect(list.statusCode).toBe(200);
    for (const item of list.json().items) {
      expect(item).not.toHaveProperty('email');
      expect(item).not.toHaveProperty('phone');
      expect(item).toHaveProperty('username');
    }
    const one = await h.app.inject({ method: 'GET', url: `/api/v1/users/${reader.id}`, headers: bearer(reader.token) });
    expect(one.json()).not.toHaveProperty('email');
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(reader.token) });
    expect(me.json()).not.toHaveProperty('email');
    // The same record with a personal ceiling shows them.
    const full = await h.app.inject({ method: 'GET', url: `/api/v1/users/${reader.id}`, headers: bearer(admin) });
    expect(full.json().email).toBe(`${reader.username}@example.org`);
  });
});

describe('roles, organisations and sites', () => {
  it('creates and edits a role; a built-in role keeps its code; changes are audited', async () => {
    const code = unique('role_');
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/roles', headers: bearer(admin), payload: { code, name: 'Observateur', scope: 'region', maxSensitivity: 'internal', permissions: ['indicator.read'] } });
    expect(created.statusCode).toBe(201);
    const role = created.json();
    expect(role).toMatchObject({ code, builtin: false, userCount: 0, permissions: ['indicator.read'] });
    const edited = await h.app.inject({ method: 'PATCH', url: `/api/v1/roles/${role.id}`, headers: { ...bearer(admin), 'if-match': '1' }, payload: { permissions: ['indicator.read', 'report.export'] } });
    expect(edited.json()).toMatchObject({ version: 2, permissions: ['indicator.read', 'report.export'] });
    const audit = await h.database.db.selectFrom('auditLog').select('details').where('entityId', '=', role.id).where('action', '=', 'role.update').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: { permissions: ['indicator.read'] }, after: { permissions: ['indicator.read', 'report.export'] } });
    const roles = (await h.app.inject({ method: 'GET', url: '/api/v1/roles', headers: bearer(admin) })).json().items as { id: string; code: string; version: number; builtin: boolean }[];
    const builtin = roles.find((r) => r.code === 'donor');
    expect(builtin?.builtin).toBe(true);
    const rename = await h.app.inject({ method: 'PATCH', url: `/api/v1/roles/${builtin?.id}`, headers: { ...bearer(admin), 'if-match': String(builtin?.version) }, payload: { code: 'sponsor' } });
    expect(rename.statusCode).toBe(422);
    const unknownPermission = await h.app.inject({ method: 'POST', url: '/api/v1/roles', headers: bearer(admin), payload: { code: unique('role_'), name: 'X', scope: 'all', maxSensitivity: 'public', permissions: ['everything.please'] } });
    expect(unknownPermission.statusCode).toBe(400);
    expect(Object.keys(errorOf(unknownPermission).fields ?? {})).toEqual(['permissions.0']);
  });

  it('a permission granted through an edited role takes effect on the next request', async () => {
    const user = await h.userWith({ permissions: ['reference.read'] });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/sites', headers: bearer(user.token) })).statusCode).toBe(403);
    const roleId = (await h.database.db.selectFrom('userRoles').select('roleId').where('userId', '=', user.id).executeTakeFirstOrThrow()).roleId;
    const patched = await h.app.inject({ method: 'PATCH', url: `/api/v1/roles/${roleId}`, headers: { ...bearer(admin), 'if-match': '1' }, payload: { permissions: ['reference.read', 'site.read'] } });
    expect(patched.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/sites', headers: bearer(user.token) })).statusCode).toBe(200);
  });

  it('creates an organisation and a site under it, validates the P-code, edits with If-Match', async () => {
    const org = await h.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: bearer(admin), payload: { code: unique('ngo-'), name: 'Nouvelle ONG', kind: 'ngo', countryCode: 'MLI' } });
    expect(org.statusCode).toBe(201);
    const siteBody = { code: unique('site-'), name: 'Bureau de Ménaka', kind: 'office', organisationId: org.json().id, pcode: 'ML99', caseCodePrefix: 'MNK' };
    const badPcode = await h.app.inject({ method: 'POST', url: '/api/v1/sites', headers: bearer(admin), payload: siteBody });
    expect(badPcode.statusCode).toBe(400);
    expect(errorOf(badPcode).fields).toEqual({ pcode: 'refers to an unknown record' });
    const site = await h.app.inject({ method: 'POST', url: '/api/v1/sites', headers: bearer(admin), payload: { ...siteBody, pcode: 'ML0802' } });
    expect(site.statusCode).toBe(201);
    expect(site.json()).toMatchObject({ countryCode: 'MLI', pcode: 'ML0802', version: 1 });
    const edit = await h.app.inject({ method: 'PATCH', url: `/api/v1/sites/${site.json().id}`, headers: { ...bearer(admin), 'if-match': '1' }, payload: { capacity: 40 } });
    expect(edit.json()).toMatchObject({ capacity: 40, version: 2 });
    const sites = await h.app.inject({ method: 'GET', url: `/api/v1/sites?organisationId=${org.json().id}`, headers: bearer(admin) });
    expect(sites.json().items.map((s: { code: string }) => s.code)).toEqual([siteBody.code]);
  });
});
