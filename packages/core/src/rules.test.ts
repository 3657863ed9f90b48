import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';
import { visibleAreas } from './areas';
import { DEFAULT_ROLES } from './roles';
import { isPermission, PERMISSIONS } from './permissions';
import { maxSensitivity, scopeBreadth } from './access';
import { isUuid, newId } from './ids';

describe('passwordProblem', () => {
  it.each([
    ['short', undefined, 'must be at least 10 characters'],
    ['password123', undefined, 'is too common'],
    ['aaaaabbbbbaaaa', undefined, 'must contain at least 4 different characters'],
    ['xx-awa.kone-2025', 'awa.kone', 'must not contain the username'],
    ['Sahel-route-2025', 'awa.kone', undefined],
    ['x'.repeat(201), undefined, 'must be at most 200 characters'],
  ])('%s (user %s) → %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });
});

describe('visibleAreas', () => {
  it.each([
    ['caseworker', ['protection']],
    ['data_officer', ['flows']],
    ['donor', ['results']],
    ['administrator', ['admin']],
    ['me_officer', ['awareness', 'flows', 'mobility', 'results']],
  ])('%s sees %j', (code, areas) => {
    const role = DEFAULT_ROLES.find((r) => r.code === code);
    expect(role).toBeDefined();
    expect(visibleAreas(role?.permissions ?? [])).toEqual(areas);
  });
});

describe('default roles', () => {
  it('use only known permissions, each once', () => {
    for (const role of DEFAULT_ROLES) {
      for (const p of role.permissions) expect(isPermission(p)).toBe(true);
      expect(new Set(role.permissions).size).toBe(role.permissions.length);
    }
  });
  it('never give flow or donor roles access to case data', () => {
    for (const code of ['data_officer', 'donor', 'me_officer']) {
      const role = DEFAULT_ROLES.find((r) => r.code === code);
      expect(role?.permissions).not.toContain('person.read');
    }
  });
  it('list permission codes as resource.action', () => {
    for (const p of PERMISSIONS) expect(p).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
  });
});

describe('access helpers', () => {
  it('orders sensitivity and scope', () => {
    expect(maxSensitivity('internal', 'sensitive')).toBe('sensitive');
    expect(maxSensitivity('personal', 'public')).toBe('personal');
    expect(scopeBreadth('own')).toBeLessThan(scopeBreadth('site'));
    expect(scopeBreadth('region')).toBeLessThan(scopeBreadth('all'));
  });
  it('makes time-ordered UUIDs', () => {
    const a = newId();
    const b = newId();
    expect(isUuid(a)).toBe(true);
    expect(a < b).toBe(true);
    expect(isUuid('not-a-uuid')).toBe(false);
  });
});
