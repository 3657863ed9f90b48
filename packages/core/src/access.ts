// Row scopes and field sensitivity: the two axes of access control (SPEC §3).

export const SCOPE_KINDS = ['own', 'site', 'organisation', 'region', 'all'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const SENSITIVITY_LEVELS = ['public', 'internal', 'personal', 'sensitive'] as const;
export type Sensitivity = (typeof SENSITIVITY_LEVELS)[number];

/** Rank of a sensitivity label: a role may see a field when the field's rank ≤ the role's ceiling. */
export function sensitivityRank(level: Sensitivity): number {
  return SENSITIVITY_LEVELS.indexOf(level);
}

/** The more permissive of two sensitivity ceilings (for users holding several roles). */
export function maxSensitivity(a: Sensitivity, b: Sensitivity): Sensitivity {
  return sensitivityRank(a) >= sensitivityRank(b) ? a : b;
}

/** Breadth of a scope kind, narrowest first; used to pick the broadest grant among a user's roles. */
export function scopeBreadth(kind: ScopeKind): number {
  return SCOPE_KINDS.indexOf(kind);
}
