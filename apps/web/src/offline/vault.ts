// The encrypted device store of one signed-in user: caseload records, the outbox and small settings,
// each sealed with the user's key. Records are also kept decrypted in memory while unlocked, for
// the offline search and the pages read from the local copy.
import { open, seal, type Sealed } from './crypto';
import { purgeUser, userRange, type OfflineDb } from './db';
import type { LocalRecord, OutboxEntry } from './types';

const recordContext = (userId: string, entity: string, id: string) => `record:${userId}:${entity}:${id}`;
const outboxContext = (userId: string, key: string) => `outbox:${userId}:${key}`;
const metaContext = (userId: string, name: string) => `meta:${userId}:${name}`;

/** One user's encrypted store, open with their key. */
export class Vault {
  private readonly cache = new Map<string, LocalRecord>();

  private constructor(
    readonly db: OfflineDb,
    readonly userId: string,
    private readonly key: CryptoKey,
  ) {}

  /** Opens the store and decrypts the caseload into memory. */
  static async open(db: OfflineDb, userId: string, key: CryptoKey): Promise<Vault> {
    const vault = new Vault(db, userId, key);
    const tx = db.transaction('records');
    let cursor = await tx.store.openCursor(userRange(userId));
    const rows: { key: [string, string, string]; value: Awaited<ReturnType<typeof tx.store.get>> }[] = [];
    while (cursor) {
      rows.push({ key: cursor.key, value: cursor.value });
      cursor = await cursor.continue();
    }
    await tx.done;
    const opened = await Promise.all(
      rows.map(async ({ key: [, entity, id], value }) => (value ? open<LocalRecord>(key, value, recordContext(userId, entity, id)) : undefined)),
    );
    for (const record of opened) if (record) vault.cache.set(`${record.entity}:${record.id}`, record);
    return vault;
  }

  /** A record of the local copy, or undefined. */
  get(entity: string, id: string): LocalRecord | undefined {
    return this.cache.get(`${entity}:${id}`);
  }

  /** Every local record of one entity type. */
  all(entity: string): LocalRecord[] {
    return [...this.cache.values()].filter((r) => r.entity === entity);
  }

  /** How many records the local copy holds. */
  get size(): number {
    return this.cache.size;
  }

  /** Stores (or replaces) a record of the local copy. */
  async put(record: LocalRecord): Promise<void> {
    const sealed = await seal(this.key, record, recordContext(this.userId, record.entity, record.id));
    await this.db.put('records', sealed, [this.userId, record.entity, record.id]);
    this.cache.set(`${record.entity}:${record.id}`, record);
  }

  /** Applies many upserts and removals in one IndexedDB transaction (a pulled page). */
  async apply(puts: readonly LocalRecord[], removals: readonly { entity: string; id: string }[]): Promise<void> {
    const sealed = await Promise.all(puts.map((r) => seal(this.key, r, recordContext(this.userId, r.entity, r.id))));
    const tx = this.db.transaction('records', 'readwrite');
    const writes: Promise<unknown>[] = puts.map((r, i) => tx.store.put(sealed[i] as Sealed, [this.userId, r.entity, r.id]));
    for (const r of removals) writes.push(tx.store.delete([this.userId, r.entity, r.id]));
    await Promise.all([...writes, tx.done]);
    for (const r of puts) this.cache.set(`${r.entity}:${r.id}`, r);
    for (const r of removals) this.cache.delete(`${r.entity}:${r.id}`);
  }

  /** Forgets a record of the local copy. */
  async remove(entity: string, id: string): Promise<void> {
    await this.db.delete('records', [this.userId, entity, id]);
    this.cache.delete(`${entity}:${id}`);
  }

  /** Forgets the whole local copy (the outbox stays unless `outbox` is true). */
  async purge({ outbox }: { outbox: boolean }): Promise<void> {
    await purgeUser(this.db, this.userId, { outbox });
    this.cache.clear();
  }

  /** A small sealed setting (the pull cursor, for example). */
  async getMeta<T>(name: string): Promise<T | undefined> {
    const sealed = await this.db.get('meta', [this.userId, name]);
    return sealed ? open<T>(this.key, sealed, metaContext(this.userId, name)) : undefined;
  }

  /** Saves a small sealed setting. */
  async setMeta(name: string, value: unknown): Promise<void> {
    await this.db.put('meta', await seal(this.key, value, metaContext(this.userId, name)), [this.userId, name]);
  }

  /** Every queued change, oldest first (idempotency keys are UUIDv7: they sort by time). */
  async outbox(): Promise<OutboxEntry[]> {
    const rows = await this.db.getAll('outbox', userRange(this.userId));
    const keys = await this.db.getAllKeys('outbox', userRange(this.userId));
    return Promise.all(rows.map((row, i) => open<OutboxEntry>(this.key, row.sealed, outboxContext(this.userId, keys[i]?.[1] ?? ''))));
  }

  /** Saves a queued change (new or updated). */
  async putOutbox(entry: OutboxEntry): Promise<void> {
    const key = entry.change.idempotencyKey;
    const sealed = await seal(this.key, entry, outboxContext(this.userId, key));
    await this.db.put('outbox', { status: entry.status, attempts: entry.attempts, nextAttemptAt: entry.nextAttemptAt, sealed }, [this.userId, key]);
  }

  /** Removes a queued change (delivered or discarded). */
  async removeOutbox(idempotencyKey: string): Promise<void> {
    await this.db.delete('outbox', [this.userId, idempotencyKey]);
  }
}
