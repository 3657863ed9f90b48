// The offline session: the key at sign-in, offline sign-in against the sealed profile, and the purges.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { makeMe } from '../test/helpers';
import { DB_NAME } from './db';
import { enqueue } from './outbox';
import { current, purgeOnLogout, startOffline, startOnline, wipeDevice } from './session';
import { getOfflineStatus, hasOfflineCopy } from './status';
import { freshIndexedDb } from './testing';

const me = makeMe(['person.read', 'person.create', 'sync.use'], { username: 'caseworker.gao' });

async function counts(): Promise<Record<string, number>> {
  const raw = await openDB(DB_NAME);
  const out = { accounts: await raw.count('accounts'), records: await raw.count('records'), outbox: await raw.count('outbox') };
  raw.close();
  return out;
}

describe('offline session', () => {
  // One database for the file: the session keeps its connection open between tests.
  beforeAll(() => freshIndexedDb());
  beforeEach(() => {
    // No server in these tests: the sync loop's attempts fail and are retried later.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
  });
  afterEach(async () => {
    await wipeDevice();
  });

  it('opens the store at an online sign-in and again offline with the same password only', async () => {
    await startOnline(me, 'Pass-word-1');
    expect(getOfflineStatus().unlocked).toBe(true);
    expect(hasOfflineCopy()).toBe(true);
    const session = current();
    if (!session) throw new Error('not started');
    await session.vault.put({ entity: 'person', id: 'p1', version: 1, record: { givenName: 'Awa' } });

    await expect(startOffline('caseworker.gao', 'wrong')).rejects.toMatchObject({ status: 401 });
    const offline = await startOffline('Caseworker.Gao', 'Pass-word-1');
    expect(offline.id).toBe(me.id);
    expect(current()?.vault.get('person', 'p1')?.record).toEqual({ givenName: 'Awa' });
    await expect(startOffline('someone.else', 'Pass-word-1')).rejects.toMatchObject({ code: 'offline_unknown_user' });
  });

  it('purges the caseload at sign-out and keeps nothing when no change waits', async () => {
    await startOnline(me, 'pw');
    await current()?.vault.put({ entity: 'person', id: 'p1', version: 1, record: { givenName: 'Awa' } });
    await purgeOnLogout('caseworker.gao');
    expect(await counts()).toEqual({ accounts: 0, records: 0, outbox: 0 });
    expect(hasOfflineCopy()).toBe(false);
    expect(getOfflineStatus().unlocked).toBe(false);
  });

  it('keeps undelivered changes (sealed) through a sign-out, for the next sign-in to send', async () => {
    await startOnline(me, 'pw');
    const session = current();
    if (!session) throw new Error('not started');
    await session.vault.put({ entity: 'person', id: 'p1', version: 1, record: { givenName: 'Awa' } });
    await enqueue(session.vault, { type: 'person.create', record: { id: 'p2', givenName: 'Oumou' }, label: 'Oumou' });
    await purgeOnLogout('caseworker.gao');
    expect(await counts()).toEqual({ accounts: 1, records: 0, outbox: 1 });
    await startOffline('caseworker.gao', 'pw');
    expect((await current()?.vault.outbox())?.[0]?.change.record.givenName).toBe('Oumou');
  });

  it('wipes everything on a remote wipe, undelivered changes included', async () => {
    await startOnline(me, 'pw');
    const session = current();
    if (!session) throw new Error('not started');
    await enqueue(session.vault, { type: 'person.create', record: { id: 'p2' }, label: 'x' });
    await wipeDevice();
    expect(await counts()).toEqual({ accounts: 0, records: 0, outbox: 0 });
    expect(getOfflineStatus().wiped).toBe(true);
  });
});
