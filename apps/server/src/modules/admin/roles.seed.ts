// Installs the default roles of SPEC §1 where they are missing (never overwrites an edited role).
import { DEFAULT_ROLES, newId } from '@taama/core';
import type { Db } from '../../platform/db/database';

const NAMES: Record<string, string> = {
  caseworker: 'Agent·e de terrain',
  return_officer: 'Chargé·e des retours',
  reintegration_officer: 'Chargé·e de la réintégration',
  protection_officer: 'Chargé·e de la protection',
  awareness_officer: 'Chargé·e de la sensibilisation',
  data_officer: 'Chargé·e des données (DTM)',
  me_officer: 'Chargé·e du suivi-évaluation',
  government_partner: 'Partenaire gouvernemental',
  donor: 'Bailleur',
  administrator: 'Administrateur·rice',
};

/** Inserts each default role that does not exist yet; returns the codes added. */
export async function ensureDefaultRoles(db: Db): Promise<string[]> {
  const existing = new Set((await db.selectFrom('roles').select('code').execute()).map((r) => r.code));
  const missing = DEFAULT_ROLES.filter((r) => !existing.has(r.code));
  if (missing.length > 0) {
    await db
      .insertInto('roles')
      .values(missing.map((r) => ({ id: newId(), code: r.code, name: NAMES[r.code] ?? r.code, scope: r.scope, maxSensitivity: r.maxSensitivity, permissions: [...r.permissions].sort(), builtin: true, createdBy: null, updatedBy: null })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  return missing.map((r) => r.code);
}
