// Every permission in Taama, as `<resource>.<action>` codes. Roles are data that pick from this list.

export const PERMISSIONS = [
  // registry (SPEC §4)
  'person.read',
  'person.create',
  'person.update',
  'person.merge',
  'person.export',
  'person.erase',
  // protection (SPEC §5)
  'transitCase.read',
  'transitCase.create',
  'transitCase.update',
  'transitCase.approve',
  'referral.manage',
  // return (SPEC §6)
  'returnCase.read',
  'returnCase.create',
  'returnCase.update',
  'returnCase.transition',
  'returnCase.approve',
  'movement.manage',
  // reintegration (SPEC §7)
  'reintegrationCase.read',
  'reintegrationCase.create',
  'reintegrationCase.update',
  'reintegrationCase.approve',
  'rssInstrument.manage',
  // awareness (SPEC §9) and free movement (SPEC §10)
  'awareness.read',
  'awareness.manage',
  'mobility.read',
  'mobility.manage',
  // flows (SPEC §8)
  'flow.read',
  'flow.manage',
  'flow.validate',
  'flow.publish',
  'flowSurvey.read',
  // results (SPEC §11)
  'indicator.read',
  'indicator.manage',
  'period.signOff',
  'report.export',
  // offline (SPEC §12)
  'sync.use',
  // platform administration
  'user.read',
  'user.manage',
  'role.read',
  'role.manage',
  'organisation.read',
  'organisation.manage',
  'site.read',
  'site.manage',
  'audit.read',
  'audit.verify',
  'reference.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const permissionSet: ReadonlySet<string> = new Set(PERMISSIONS);

/** Tells whether a string is a known permission code. */
export function isPermission(value: string): value is Permission {
  return permissionSet.has(value);
}
