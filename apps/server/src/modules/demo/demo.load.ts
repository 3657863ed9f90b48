// Loads the generated demo into an empty database, in one transaction.
import { newId } from '@taama/core';
import type { DemoData } from '@taama/demo';
import type { Db } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/password';
import { loadRegistryDemo } from '../registry/registry.demo';
import { loadFlowsDemo } from '../flows/flows.demo';
import { loadAwarenessDemo } from '../awareness/awareness.demo';
import { loadMobilityDemo } from '../mobility/mobility.demo';
import { loadReturnsDemo } from '../returns/returns.demo';
import { loadReintegrationDemo } from '../reintegration/reintegration.demo';

/** Inserts organisations, sites and users of the demo; every demo user shares `password`. */
export async function loadDemo(db: Db, demo: DemoData, password: string): Promise<{ users: number }> {
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const orgIds = new Map(demo.organisations.map((o) => [o.code, newId()]));
    const siteIds = new Map(demo.sites.map((s) => [s.code, newId()]));
    const idOf = (map: Map<string, string>, code: string) => {
      const id = map.get(code);
      if (!id) throw new Error(`demo data refers to unknown code ${code}`);
      return id;
    };
    await tx.insertInto('organisations').values(demo.organisations.map((o) => ({ id: idOf(orgIds, o.code), code: o.code, name: o.name, kind: o.kind, countryCode: o.countryCode, createdBy: null, updatedBy: null }))).execute();
    await tx
      .insertInto('sites')
      .values(demo.sites.map((s) => ({ id: idOf(siteIds, s.code), code: s.code, name: s.name, kind: s.kind, organisationId: idOf(orgIds, s.organisation), pcode: s.pcode, countryCode: 'MLI', capacity: s.capacity, caseCodePrefix: s.caseCodePrefix, createdBy: null, updatedBy: null })))
      .execute();
    const roles = new Map((await tx.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
    for (const u of demo.users) {
      const id = newId();
      await tx
        .insertInto('users')
        .values({ id, username: u.username, displayName: u.displayName, locale: u.locale, passwordHash, organisationId: idOf(orgIds, u.organisation), siteId: u.site ? idOf(siteIds, u.site) : null, regionPcode: u.regionPcode, createdBy: null, updatedBy: null })
        .execute();
      await tx.insertInto('userRoles').values(u.roles.map((code) => ({ userId: id, roleId: idOf(roles, code) }))).execute();
    }
    await loadRegistryDemo(tx, demo);
    if (demo.flows) await loadFlowsDemo(tx, demo.flows, idOf(orgIds, 'iom'));
    if (demo.awareness) await loadAwarenessDemo(tx, demo.awareness, (code) => idOf(orgIds, code));
    if (demo.mobility) await loadMobilityDemo(tx, demo.mobility, (code) => idOf(orgIds, code));
    await loadReturnsDemo(tx, demo);
    await loadReintegrationDemo(tx, demo);
    await appendAudit(tx, { userId: null, username: 'system', requestId: null, ip: null }, { action: 'demo.load', details: { seed: demo.options.seed, scale: demo.options.scale, users: demo.users.length } });
    return { users: demo.users.length };
  });
}
