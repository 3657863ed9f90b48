// Brings a database to a usable state at start-up: schema, reference data, default roles, and
// either the demo or a first administrator account.
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { newId } from '@taama/core';
import { generateDemo } from '@taama/demo';
import type { Config } from './config';
import type { DatabaseHandle } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrate';
import { inTransaction } from './platform/db/tx';
import { appendAudit } from './platform/audit/audit';
import { hashPassword } from './platform/auth/password';
import { loadReferenceData } from './modules/reference/reference.load';
import { ensureDefaultRoles } from './modules/admin/roles.seed';
import { loadDemo } from './modules/demo/demo.load';

export interface SetupReport {
  migrations: string[];
  demoLoaded: boolean;
  initialAdminPassword?: string;
}

/** Migrates and seeds what a fresh database needs; safe to run at every start. */
export async function prepareDatabase(handle: DatabaseHandle, config: Pick<Config, 'demo' | 'demoPassword' | 'demoSeed' | 'demoScale'>): Promise<SetupReport> {
  const migrations = await migrateToLatest(handle.db);
  await loadReferenceData(handle.db);
  await ensureDefaultRoles(handle.db);
  const anyUser = await handle.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { migrations, demoLoaded: false };
  if (config.demo) {
    await loadDemo(handle.db, generateDemo({ seed: config.demoSeed, scale: config.demoScale }), config.demoPassword);
    // Planner statistics for the freshly bulk-loaded tables; without them the embedded database
    // (no autovacuum) chose plans that took minutes for a people search.
    await sql`analyze`.execute(handle.db);
    return { migrations, demoLoaded: true };
  }
  const password = await createInitialAdmin(handle);
  return { migrations, demoLoaded: false, initialAdminPassword: password };
}

/** Without demo data, the first start creates one organisation and an `admin` who must change the printed password. */
async function createInitialAdmin(handle: DatabaseHandle): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  await inTransaction(handle.db, async (tx) => {
    const orgId = newId();
    await tx.insertInto('organisations').values({ id: orgId, code: 'main', name: 'Organisation', kind: 'other', countryCode: null, createdBy: null, updatedBy: null }).execute();
    const userId = newId();
    await tx.insertInto('users').values({ id: userId, username: 'admin', displayName: 'Administrator', passwordHash, organisationId: orgId, mustChangePassword: true, createdBy: null, updatedBy: null }).execute();
    const role = await tx.selectFrom('roles').select('id').where('code', '=', 'administrator').executeTakeFirstOrThrow();
    await tx.insertInto('userRoles').values({ userId, roleId: role.id }).execute();
    await appendAudit(tx, { userId: null, username: 'system', requestId: null, ip: null }, { action: 'user.create', entityType: 'user', entityId: userId, details: { username: 'admin', initial: true } });
  });
  return password;
}
