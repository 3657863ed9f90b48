// Test helpers for the offline engine: a fresh in-memory IndexedDB per test and a ready vault.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deriveKey, newSalt } from './crypto';
import { openOfflineDb } from './db';
import { Vault } from './vault';

/** Replaces the global IndexedDB with an empty in-memory one. */
export function freshIndexedDb(): void {
  Object.defineProperty(globalThis, 'indexedDB', { value: new IDBFactory(), configurable: true, writable: true });
}

/** A vault for one user, opened with a key derived from `password`. */
export async function testVault(userId = '0190a000-0000-7000-8000-000000000001', password = 'correct horse'): Promise<Vault> {
  const key = await deriveKey(password, newSalt());
  return Vault.open(await openOfflineDb(), userId, key);
}
