// The device database (IndexedDB). Only encrypted payloads are stored, under keys that hold no
// personal data: the user's id, the entity type and random record ids.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Sealed } from './crypto';

/** What an account needs before its key exists: the salt and the sealed profile (the verifier). */
export interface AccountRow {
  username: string;
  userId: string;
  salt: Uint8Array;
  iterations: number;
  /** The user's profile (GET /me) sealed with the key: decrypting it proves the password. */
  profile: Sealed;
}

/** A queued change: delivery bookkeeping in the clear (no personal data), the change sealed. */
export interface OutboxRow {
  status: string;
  attempts: number;
  nextAttemptAt: number;
  sealed: Sealed;
}

interface OfflineSchema extends DBSchema {
  accounts: { key: string; value: AccountRow };
  records: { key: [string, string, string]; value: Sealed };
  outbox: { key: [string, string]; value: OutboxRow };
  meta: { key: [string, string]; value: Sealed };
}

/** The device database handle. */
export type OfflineDb = IDBPDatabase<OfflineSchema>;

/** The database's name (tests read it raw). */
export const DB_NAME = 'taama-offline';

/** Opens (and on first use creates) the device database. */
export function openOfflineDb(): Promise<OfflineDb> {
  return openDB<OfflineSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('accounts', { keyPath: 'username' });
      db.createObjectStore('records');
      db.createObjectStore('outbox');
      db.createObjectStore('meta');
    },
  });
}

/** The key range of every row of one user in a store keyed by [userId, …]. */
export function userRange(userId: string): IDBKeyRange {
  // An empty array sorts after every string, so [userId, []] bounds all of the user's keys.
  return IDBKeyRange.bound([userId], [userId, []]);
}

/** Deletes everything one user holds on the device (no key needed: nothing is read). */
export async function purgeUser(db: OfflineDb, userId: string, { outbox }: { outbox: boolean }): Promise<void> {
  const stores = outbox ? (['records', 'meta', 'outbox'] as const) : (['records', 'meta'] as const);
  const tx = db.transaction([...stores], 'readwrite');
  await Promise.all([...stores.map((s) => tx.objectStore(s).delete(userRange(userId))), tx.done]);
}
