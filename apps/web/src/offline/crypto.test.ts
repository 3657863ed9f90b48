// The device store at rest: encrypted with the password-derived key, useless without it.
import { beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { deriveKey, newSalt, open, PBKDF2_ITERATIONS, seal } from './crypto';
import { DB_NAME, openOfflineDb } from './db';
import { enqueue } from './outbox';
import { freshIndexedDb } from './testing';
import { Vault } from './vault';

const USER = '0190a000-0000-7000-8000-000000000001';
const person = { givenName: 'Aminata', familyName: 'Traoré', phones: ['+22376543210'] };

function bytesOf(value: unknown): string {
  if (value instanceof ArrayBuffer) return new TextDecoder('latin1').decode(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) return new TextDecoder('latin1').decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (Array.isArray(value)) return value.map(bytesOf).join('|');
  if (typeof value === 'object' && value !== null) return Object.values(value).map(bytesOf).join('|');
  return String(value);
}

describe('device encryption', () => {
  beforeEach(() => freshIndexedDb());

  it('uses at least 210,000 PBKDF2 iterations', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(210_000);
  });

  it('round-trips a value with the right password and fails with a wrong one', async () => {
    const salt = newSalt();
    const key = await deriveKey('s3cret-Passw0rd', salt);
    const sealed = await seal(key, person, 'record:x');
    await expect(open(key, sealed, 'record:x')).resolves.toEqual(person);
    const again = await deriveKey('s3cret-Passw0rd', salt);
    await expect(open(again, sealed, 'record:x')).resolves.toEqual(person);
    const wrong = await deriveKey('s3cret-passw0rd', salt);
    await expect(open(wrong, sealed, 'record:x')).rejects.toThrow();
    const otherSalt = await deriveKey('s3cret-Passw0rd', newSalt());
    await expect(open(otherSalt, sealed, 'record:x')).rejects.toThrow();
  });

  it('refuses a ciphertext moved under another record key', async () => {
    const key = await deriveKey('pw', newSalt());
    const sealed = await seal(key, person, 'record:a');
    await expect(open(key, sealed, 'record:b')).rejects.toThrow();
  });

  it('keeps no readable name in IndexedDB: records, outbox and settings are ciphertext', async () => {
    const salt = newSalt();
    const vault = await Vault.open(await openOfflineDb(), USER, await deriveKey('pw-1', salt));
    await vault.put({ entity: 'person', id: 'p1', version: 3, record: person });
    await enqueue(vault, { type: 'person.create', record: { id: 'p2', givenName: 'Oumou', familyName: 'Sangaré' }, label: 'Oumou Sangaré' });
    await vault.setMeta('cursor', 'Aminata-cursor');
    vault.db.close();

    const raw = await openDB(DB_NAME);
    const dump = [await raw.getAll('records'), await raw.getAll('outbox'), await raw.getAll('meta')].map(bytesOf).join('\n');
    raw.close();
    expect(dump.length).toBeGreaterThan(100);
    for (const plain of ['Aminata', 'Traor', 'Oumou', 'Sangar', '76543210', 'givenName']) expect(dump).not.toContain(plain);

    // The same rows read back with the key derived again from the password.
    const reopened = await Vault.open(await openOfflineDb(), USER, await deriveKey('pw-1', salt));
    expect(reopened.get('person', 'p1')?.record).toEqual(person);
    expect((await reopened.outbox())[0]?.change.record.givenName).toBe('Oumou');
    expect(await reopened.getMeta('cursor')).toBe('Aminata-cursor');
    reopened.db.close();

    // A wrong password opens nothing.
    await expect(Vault.open(await openOfflineDb(), USER, await deriveKey('pw-2', salt))).rejects.toThrow();
  });
});
