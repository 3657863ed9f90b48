// The audit chain detects edited, deleted and re-ordered entries, and the table refuses updates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { verifyAuditChain } from './audit';
import { createHash } from 'node:crypto';
import { canonicalJson, entryHash, entryHashParts, GENESIS_HASH } from './hash';

describe('canonicalJson and entryHash', () => {
  it('ignore key order and change with any field', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    const base = { id: 'a', at: '2025-01-01T00:00:00.000Z', actorId: null, actorUsername: 'x', action: 'user.create', entityType: 'user', entityId: 'u1', requestId: null, ip: null, details: { a: 1 }, prevHash: GENESIS_HASH };
    const h1 = entryHash(base);
    expect(entryHash({ ...base, details: { a: 1 } })).toBe(h1);
    expect(entryHash({ ...base, details: { a: 2 } })).not.toBe(h1);
    expect(entryHash({ ...base, prevHash: '1'.repeat(64) })).not.toBe(h1);
  });

  it.each([
    ['plain details', { a: 1 }, 'req-1'],
    ['details holding a prevHash key of their own', { prevHash: 'p', nested: { prevHash: 'p' } }, null],
    ['a request id that looks like the field', { a: 1 }, '"prevHash":"p"'],
  ])('split around the previous hash, rebuild the same hash (%s)', (_name, details, requestId) => {
    const fields = { id: 'a', at: '2025-01-01T00:00:00.000Z', actorId: null, actorUsername: 'é', action: 'person.create', entityType: 'person', entityId: 'p1', requestId, ip: '::1', details };
    const { before, after } = entryHashParts(fields);
    for (const prevHash of [GENESIS_HASH, 'f'.repeat(64)]) {
      const joined = createHash('sha256').update(before + prevHash + after).digest('hex');
      expect(joined).toBe(entryHash({ ...fields, prevHash }));
    }
  });
});

describe('tamper evidence', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  class Rollback extends Error {}

  // Tampering needs the append-only trigger off, as an attacker with superuser access would do.
  // Tamper and verification run in one transaction that is rolled back: the shared database stays intact.
  async function verifyAfter(tamper: string) {
    let result: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await h.database.db
      .transaction()
      .execute(async (tx) => {
        await sql`alter table audit_log disable trigger user`.execute(tx);
        await sql.raw(tamper).execute(tx);
        result = await verifyAuditChain(tx);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return result;
  }

  it('verifies an intact chain through the API and the verify itself is audited', async () => {
    await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'wrong-one-123' } });
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(true);
    expect(res.json().entries).toBeGreaterThan(2);
    const last = await h.database.db.selectFrom('auditLog').select('action').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last.action).toBe('audit.verify');
  });

  it('the table refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = (select min(seq) from audit_log)`.execute(h.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = (select min(seq) from audit_log)`.execute(h.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(h.database.db)).rejects.toThrow(/append-only/);
  });

  it.each([
    ['an edited entry', `update audit_log set details = '{"reason":"nothing to see"}' where seq = (select seq from audit_log order by seq limit 1 offset 1)`, 'content does not match its hash', 1],
    ['a deleted entry', `delete from audit_log where seq = (select seq from audit_log order by seq limit 1 offset 1)`, 'link to the previous entry does not match (an entry was removed or re-ordered)', 2],
    ['a forged actor with a recomputed-looking hash', `update audit_log set actor_username = 'someone.else', hash = repeat('a', 64) where seq = (select seq from audit_log order by seq limit 1 offset 1)`, 'content does not match its hash', 1],
  ])('detects %s and names the first broken entry', async (_name, tamper, reason, offset) => {
    const seqs = (await h.database.db.selectFrom('auditLog').select('seq').orderBy('seq').limit(3).execute()).map((r) => Number(r.seq));
    expect(await verifyAfter(tamper)).toMatchObject({ ok: false, firstBrokenEntry: seqs[offset], reason });
  });

  it('the chain is intact again after the tamper tests', async () => {
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });
});
