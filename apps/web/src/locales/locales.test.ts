// French and English carry the same keys, so no screen falls back to another language's text.
import { describe, expect, it } from 'vitest';
import { resources } from '../app/locales';
import { AREAS, PERMISSIONS, DEFAULT_ROLES, SCOPE_KINDS, SENSITIVITY_LEVELS, ORGANISATION_KINDS, SITE_KINDS } from '@taama/core';

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  it('have the same keys in French and English', () => {
    for (const ns of Object.keys(resources.fr) as (keyof typeof resources.fr)[]) {
      expect(keys(resources.en[ns]).sort(), ns).toEqual(keys(resources.fr[ns]).sort());
    }
  });

  it('label every enumeration code in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const all = new Set(keys(resources[lang].enums));
      const expected = [
        ...AREAS.map((a) => `area.${a.code}`),
        ...PERMISSIONS.map((p) => `permission.${p}`),
        ...PERMISSIONS.map((p) => `resource.${p.split('.')[0] ?? p}`),
        ...PERMISSIONS.map((p) => `action.${p.split('.')[1] ?? p}`),
        ...DEFAULT_ROLES.map((r) => `role.${r.code}`),
        ...SCOPE_KINDS.map((s) => `scope.${s}`),
        ...SENSITIVITY_LEVELS.map((s) => `sensitivity.${s}`),
        ...ORGANISATION_KINDS.map((k) => `organisationKind.${k}`),
        ...SITE_KINDS.map((k) => `siteKind.${k}`),
      ];
      expect(expected.filter((key) => !all.has(key)), lang).toEqual([]);
    }
  });
});
