// The offline session of the signed-in user: the key derived at sign-in (online or offline), the
// encrypted store opened with it, the sync loop, and the purges (sign-out, remote wipe). Loaded on
// demand after sign-in, never with the sign-in page.
import { newId, type Me } from '@taama/core';
import { ApiError, setOfflineHandler } from '../api/client';
import { deriveKey, newSalt, open, PBKDF2_ITERATIONS, seal } from './crypto';
import { openOfflineDb, purgeUser, userRange, type AccountRow, type OfflineDb } from './db';
import { SyncEngine } from './engine';
import { handleOffline, NOT_HANDLED } from './local';
import { markOfflineCopy, setOfflineStatus } from './status';
import { Vault } from './vault';

/** The permission that lets a user keep a caseload on the device. */
export const SYNC_PERMISSION = 'sync.use';

const profileContext = (username: string) => `profile:${username}`;

interface Active {
  vault: Vault;
  engine: SyncEngine;
  username: string;
}

let active: Active | null = null;
let dbPromise: Promise<OfflineDb> | null = null;

function db(): Promise<OfflineDb> {
  dbPromise ??= openOfflineDb();
  return dbPromise;
}

const accountKey = (username: string) => username.trim().toLowerCase();

async function start(database: OfflineDb, account: AccountRow, key: CryptoKey): Promise<void> {
  stop();
  const vault = await Vault.open(database, account.userId, key);
  let deviceId = await vault.getMeta<string>('deviceId');
  if (!deviceId) {
    deviceId = newId();
    await vault.setMeta('deviceId', deviceId);
  }
  const engine = new SyncEngine(vault, deviceId, wipeDevice);
  active = { vault, engine, username: account.username };
  setOfflineHandler(async (request) => {
    const answer = await handleOffline(vault, request);
    if (answer === NOT_HANDLED) return null;
    if (request.method !== 'GET') await engine.refreshCounts();
    return { value: answer };
  });
  setOfflineStatus({ unlocked: true, locked: false, wiped: false });
  markOfflineCopy(true);
  engine.start();
}

function stop(): void {
  active?.engine.stop();
  active = null;
  setOfflineHandler(null);
  setOfflineStatus({ unlocked: false, pending: 0, conflicts: 0, rejected: 0, records: 0 });
}

/**
 * After an online sign-in: derives the key and opens (or creates) the user's device store. A store
 * sealed with an older password cannot be opened any more: it is replaced by a fresh one.
 */
export async function startOnline(me: Me, password: string): Promise<void> {
  if (!me.permissions.includes(SYNC_PERMISSION)) return;
  const database = await db();
  const username = accountKey(me.username);
  let account = await database.get('accounts', username);
  let key: CryptoKey | null = null;
  if (account && account.userId === me.id) {
    key = await deriveKey(password, account.salt, account.iterations);
    try {
      await open(key, account.profile, profileContext(username));
    } catch {
      key = null; // the password changed since: the old copy is unreadable, start again
    }
  }
  if (!account || !key || account.userId !== me.id) {
    if (account) await purgeUser(database, account.userId, { outbox: true });
    const salt = newSalt();
    key = await deriveKey(password, salt);
    account = { username, userId: me.id, salt, iterations: PBKDF2_ITERATIONS, profile: await seal(key, me, profileContext(username)) };
  } else {
    account = { ...account, profile: await seal(key, me, profileContext(username)) };
  }
  await database.put('accounts', account);
  await start(database, account, key);
}

/** Signs in without the server: the password is right when it decrypts the stored profile. */
export async function startOffline(usernameTyped: string, password: string): Promise<Me> {
  const database = await db();
  const username = accountKey(usernameTyped);
  const account = await database.get('accounts', username);
  if (!account) throw new ApiError(0, 'offline_unknown_user', 'No offline copy for this user on this device');
  const key = await deriveKey(password, account.salt, account.iterations);
  let me: Me;
  try {
    me = await open<Me>(key, account.profile, profileContext(username));
  } catch {
    throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
  }
  await start(database, account, key);
  return me;
}

/** Tells whether this device holds an offline copy for a user. */
export async function hasAccount(username: string): Promise<boolean> {
  return (await (await db()).get('accounts', accountKey(username))) !== undefined;
}

/** The open store and engine, when unlocked. */
export function current(): Active | null {
  return active;
}

/**
 * Sign-out: the caseload copy is purged, open or not (nothing needs decrypting to delete it).
 * Changes not yet delivered stay (sealed, unreadable without the password) so the next sign-in can
 * still send them; with none left, nothing of the user stays.
 */
export async function purgeOnLogout(usernameTyped: string): Promise<void> {
  stop();
  const database = await db();
  const username = accountKey(usernameTyped);
  const account = await database.get('accounts', username);
  if (account) {
    const waiting = await database.count('outbox', userRange(account.userId));
    await purgeUser(database, account.userId, { outbox: waiting === 0 });
    if (waiting === 0) await database.delete('accounts', username);
  }
  markOfflineCopy((await database.count('accounts')) > 0);
}

/** Remote wipe: everything of the user goes, the outbox included. */
export async function wipeDevice(): Promise<void> {
  const session = active;
  if (!session) return;
  stop();
  await session.vault.purge({ outbox: true });
  const database = await db();
  await database.delete('accounts', session.username);
  markOfflineCopy((await database.count('accounts')) > 0);
  setOfflineStatus({ wiped: true });
}

/** Closes the store without purging (the key is forgotten). */
export function lock(): void {
  stop();
}
