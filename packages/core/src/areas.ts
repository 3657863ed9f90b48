// Programme areas as the navigation shows them, and the permissions that open each one.
import type { Permission } from './permissions';

export const AREAS = [
  { code: 'protection', anyOf: ['transitCase.read', 'person.read'] },
  { code: 'returns', anyOf: ['returnCase.read'] },
  { code: 'reintegration', anyOf: ['reintegrationCase.read'] },
  { code: 'awareness', anyOf: ['awareness.read'] },
  { code: 'flows', anyOf: ['flow.read'] },
  { code: 'mobility', anyOf: ['mobility.read'] },
  { code: 'results', anyOf: ['indicator.read'] },
  { code: 'admin', anyOf: ['user.read', 'role.read', 'site.read', 'organisation.read', 'audit.read'] },
] as const satisfies readonly { code: string; anyOf: readonly Permission[] }[];

export type AreaCode = (typeof AREAS)[number]['code'];

/** The areas a holder of these permissions may open, in navigation order. */
export function visibleAreas(permissions: Iterable<string>): AreaCode[] {
  const held = new Set(permissions);
  return AREAS.filter((area) => area.anyOf.some((p) => held.has(p))).map((area) => area.code);
}
