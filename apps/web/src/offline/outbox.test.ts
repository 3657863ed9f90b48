// The outbox: kept across restarts, retried with back-off, one idempotency key per change for life.
import { beforeEach, describe, expect, it } from 'vitest';
import { deriveKey, newSalt } from './crypto';
import { openOfflineDb } from './db';
import { backoffDelay, enqueue, flushOutbox, retryEntry } from './outbox';
import { freshIndexedDb } from './testing';
import type { OutgoingChange, PushResponse } from './types';
import { Vault } from './vault';

const USER = '0190a000-0000-7000-8000-000000000002';

async function vaultWith(salt: Uint8Array): Promise<Vault> {
  return Vault.open(await openOfflineDb(), USER, await deriveKey('pw', salt));
}

/** A server stand-in that answers each change from a script and records what it received. */
function server(answer: (change: OutgoingChange) => PushResponse['results'][number] | 'down') {
  const received: OutgoingChange[][] = [];
  const send = async (changes: OutgoingChange[]): Promise<PushResponse> => {
    received.push(changes);
    const results = changes.map(answer);
    if (results.includes('down')) throw new Error('network down');
    return { results: results.filter((r) => r !== 'down'), wipe: false };
  };
  return { received, send };
}

describe('outbox', () => {
  beforeEach(() => freshIndexedDb());

  it('survives closing and reopening the store (a reload or a browser restart)', async () => {
    const salt = newSalt();
    const vault = await vaultWith(salt);
    const a = await enqueue(vault, { type: 'person.create', record: { id: 'a', givenName: 'Awa' }, label: 'Awa' });
    const b = await enqueue(vault, { type: 'service.create', record: { id: 'b', type: 'food' }, label: 'food' });
    vault.db.close();
    const reopened = await vaultWith(salt);
    const entries = await reopened.outbox();
    expect(entries.map((e) => e.change.idempotencyKey)).toEqual([a.change.idempotencyKey, b.change.idempotencyKey]);
    expect(entries[0]?.change.record).toEqual({ id: 'a', givenName: 'Awa' });
  });

  it('backs off exponentially, capped at five minutes', () => {
    expect([0, 1, 2, 3, 4].map(backoffDelay)).toEqual([0, 2_000, 4_000, 8_000, 16_000]);
    expect(backoffDelay(30)).toBe(300_000);
  });

  it('retries a failed push later with the same idempotency key, then files the answer', async () => {
    const vault = await vaultWith(newSalt());
    const entry = await enqueue(vault, { type: 'person.create', record: { id: 'p1', givenName: 'Awa' }, label: 'Awa' }, 1_000);
    let up = false;
    const srv = server((change) => (up ? { idempotencyKey: change.idempotencyKey, status: 'applied', id: 'p1', version: 1, record: { id: 'p1', givenName: 'Awa', caseNumber: 'P-1' } } : 'down'));

    const first = await flushOutbox(vault, srv.send, 1_000);
    expect(first).toMatchObject({ sent: 1, failed: true });
    const [waiting] = await vault.outbox();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: 3_000 });

    // Not due yet: nothing is sent.
    expect((await flushOutbox(vault, srv.send, 2_999)).sent).toBe(0);
    expect((await flushOutbox(vault, srv.send, 3_000)).failed).toBe(true);
    expect((await vault.outbox())[0]).toMatchObject({ attempts: 2, nextAttemptAt: 7_000 });

    up = true;
    const done = await flushOutbox(vault, srv.send, 7_000);
    expect(done).toMatchObject({ sent: 1, applied: 1, failed: false });
    expect(await vault.outbox()).toEqual([]);
    expect(srv.received).toHaveLength(3);
    expect(new Set(srv.received.map((batch) => batch[0]?.idempotencyKey))).toEqual(new Set([entry.change.idempotencyKey]));
    expect(vault.get('person', 'p1')).toMatchObject({ version: 1, record: { caseNumber: 'P-1' } });
  });

  it('keeps conflicts and rejections with the server reasons; a retry keeps the key', async () => {
    const vault = await vaultWith(newSalt());
    const conflicted = await enqueue(vault, { type: 'person.update', record: { id: 'p1', phones: ['1'] }, baseVersion: 2, base: { phones: [] }, label: 'Awa' }, 0);
    const rejected = await enqueue(vault, { type: 'service.create', record: { id: 's1', type: 'bogus' }, label: 'bogus' }, 0);
    const srv = server((change) =>
      change.idempotencyKey === conflicted.change.idempotencyKey
        ? { idempotencyKey: change.idempotencyKey, status: 'conflict', conflict: { fields: [{ field: 'phones', base: [], mine: ['1'], theirs: ['2'] }], serverRecord: { id: 'p1', version: 3, phones: ['2'] } } }
        : { idempotencyKey: change.idempotencyKey, status: 'rejected', error: { code: 'validation_failed', message: 'type: unknown code', fields: { type: 'unknown code' } } },
    );
    const outcome = await flushOutbox(vault, srv.send, 0);
    expect(outcome).toMatchObject({ conflicts: 1, rejected: 1 });
    const entries = await vault.outbox();
    expect(entries.find((e) => e.status === 'conflict')?.conflict?.fields[0]?.theirs).toEqual(['2']);
    const bad = entries.find((e) => e.status === 'rejected');
    expect(bad?.error?.fields).toEqual({ type: 'unknown code' });
    // Neither is sent again on its own.
    expect((await flushOutbox(vault, srv.send, 10_000)).sent).toBe(0);
    if (!bad) throw new Error('no rejected entry');
    await retryEntry(vault, bad, 20_000);
    const retried = (await vault.outbox()).find((e) => e.change.idempotencyKey === rejected.change.idempotencyKey);
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    expect(retried?.error).toBeUndefined();
  });

  it('stops and reports a remote wipe', async () => {
    const vault = await vaultWith(newSalt());
    await enqueue(vault, { type: 'person.create', record: { id: 'p9' }, label: 'x' }, 0);
    const srv = server((change) => ({ idempotencyKey: change.idempotencyKey, status: 'rejected', error: { code: 'device_wiped', message: 'wiped' } }));
    expect((await flushOutbox(vault, srv.send, 0)).wipe).toBe(true);
  });
});
