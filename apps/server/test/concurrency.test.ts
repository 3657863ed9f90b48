// Hundreds of concurrent transactional writes through the real pool: none lost, none doubled,
// stale versions refused. Runs on the embedded database and on PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '@taama/core';
import { inTransaction } from '../src/platform/db/tx';
import { verifyAuditChain } from '../src/platform/audit/audit';
import { bearer, createHarness, unique, type Harness } from './harness';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(() => h.close());

describe('concurrent writes', () => {
  it('300 concurrent read-modify-write transactions lose no update', async () => {
    const key = unique('counter.');
    await h.database.db.insertInto('settings').values({ key, value: JSON.stringify({ n: 0 }) }).execute();
    await Promise.all(
      Array.from({ length: 300 }, () =>
        inTransaction(h.database.db, async (tx) => {
          const row = await tx.selectFrom('settings').select('value').where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
          const n = (row.value as { n: number }).n;
          await tx.updateTable('settings').set({ value: JSON.stringify({ n: n + 1 }) }).where('key', '=', key).execute();
        }),
      ),
    );
    const final = await h.database.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
    expect(final.value).toEqual({ n: 300 });
  });

  it('a failed transaction leaves nothing behind while 200 others commit', async () => {
    const prefix = unique('org-');
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        inTransaction(h.database.db, async (tx) => {
          await tx.insertInto('organisations').values({ id: newId(), code: `${prefix}-${i}`, name: 'x', kind: 'ngo', countryCode: null, createdBy: null, updatedBy: null }).execute();
          if (i % 10 === 0) throw new Error('rolled back on purpose');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(20);
    const { n } = await h.database.db.selectFrom('organisations').select(sql<number>`count(*)::int`.as('n')).where('code', 'like', `${prefix}-%`).executeTakeFirstOrThrow();
    expect(n).toBe(180);
  });

  it('200 concurrent API creations each commit with their audit entry, and the chain stays intact', async () => {
    const prefix = unique('c');
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: bearer(admin), payload: { code: `${prefix}-${i}`, name: `Partner ${i}`, kind: 'ngo' } }),
      ),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const ids = responses.map((r) => (r.json() as { id: string }).id);
    const audited = await h.database.db.selectFrom('auditLog').select('entityId').where('action', '=', 'organisation.create').where('entityId', 'in', ids).execute();
    expect(new Set(audited.map((a) => a.entityId)).size).toBe(200);
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });

  it('50 concurrent edits of the same version: exactly one wins, the others get 412', async () => {
    const site = await h.siteId('mopti');
    const current = (await h.app.inject({ method: 'GET', url: `/api/v1/sites/${site}`, headers: bearer(admin) })).json() as { version: number };
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.app.inject({ method: 'PATCH', url: `/api/v1/sites/${site}`, headers: { ...bearer(admin), 'if-match': String(current.version) }, payload: { capacity: i } }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);
    const stale = responses.find((r) => r.statusCode === 412);
    expect(stale?.json().error.details.currentVersion).toBe(current.version + 1);
    const after = (await h.app.inject({ method: 'GET', url: `/api/v1/sites/${site}`, headers: bearer(admin) })).json() as { version: number; capacity: number };
    expect(after.version).toBe(current.version + 1);
    const winner = responses.findIndex((r) => r.statusCode === 200);
    expect(after.capacity).toBe(winner);
  });
});
