// GET /sync/pull (SPEC §12): the caller's offline caseload, first in full and then incrementally.
//
// Two passes per page. (1) Rows changed since the cursor, by the shared change sequence (indexed).
// (2) When nothing more changed: a reconciliation against what this device holds
// (`sync_device_records`) — rows that entered the caseload without changing themselves (a case
// assigned, a transfer) are sent, rows that left it (un-assignment, transfer, merge, erasure, a lost
// permission) come back as `remove`. The cursor carries the last sequence sent and the page's
// batch number; presenting it acknowledges that page, and anything sent in a later page that never
// arrived is forgotten and sent again.
import { sql } from 'kysely';
import { SYNC_PULL_ENTITIES, type SyncPulledChange, type SyncPullEntity, type SyncPullQuery, type SyncPullResponse } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Invalid } from '../../platform/errors';
import { acknowledgeWipe, deviceRow, wipeRequested } from './devices.service';
import { PULL_SOURCES, type PullSource } from './pull.sources';
import { shapeRecord } from './sync.present';

const DEFAULT_PULL_LIMIT = 500;

interface Cursor {
  seq: bigint;
  batch: bigint;
}

/** Reads a cursor this server issued (`<seq>.<batch>`); anything else is a 400 naming `cursor`. */
export function parseCursor(text: string | undefined): Cursor | null {
  if (text === undefined || text === '') return null;
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(text);
  if (!match?.[1] || !match[2]) throw new Invalid({ cursor: 'is not a cursor this server issued' });
  return { seq: BigInt(match[1]), batch: BigInt(match[2]) };
}

interface Candidate {
  entity: SyncPullEntity;
  id: string;
  seq: bigint;
}

/** Applies the device's acknowledgement: what it confirmed is kept, what it never received is forgotten. */
async function acknowledge(tx: Tx, deviceId: string, cursor: Cursor | null): Promise<void> {
  if (!cursor) {
    // A pull without a cursor starts a full copy: the device holds nothing we know of.
    await tx.deleteFrom('syncDeviceRecords').where('deviceId', '=', deviceId).execute();
    return;
  }
  const batch = cursor.batch.toString();
  await tx.deleteFrom('syncDeviceRecords').where('deviceId', '=', deviceId).where('batch', '>', batch).where('removed', '=', false).execute();
  await tx.updateTable('syncDeviceRecords').set({ removed: false }).where('deviceId', '=', deviceId).where('batch', '>', batch).where('removed', '=', true).execute();
  await tx.deleteFrom('syncDeviceRecords').where('deviceId', '=', deviceId).where('batch', '<=', batch).where('removed', '=', true).execute();
}

async function changedSince(tx: Tx, ctx: RequestContext, source: PullSource, after: bigint, limit: number): Promise<Candidate[]> {
  const { rows } = await sql<{ id: string; seq: string }>`select x.id, x.seq from (${source.scoped(ctx)}) x where x.seq > ${after.toString()} order by x.seq limit ${limit}`.execute(tx);
  return rows.map((r) => ({ entity: source.entity, id: r.id, seq: BigInt(r.seq) }));
}

/** Rows in the caseload the device lacks, or holds in an older state. */
async function missingOnDevice(tx: Tx, ctx: RequestContext, source: PullSource, deviceId: string, limit: number): Promise<Candidate[]> {
  const { rows } = await sql<{ id: string; seq: string }>`select x.id, x.seq from (${source.scoped(ctx)}) x
    where not exists (select 1 from sync_device_records r where r.device_id = ${deviceId} and r.entity = ${source.entity}
                      and r.record_id = x.id and r.seq >= x.seq and not r.removed)
    order by x.seq limit ${limit}`.execute(tx);
  return rows.map((r) => ({ entity: source.entity, id: r.id, seq: BigInt(r.seq) }));
}

/** Ids the device holds that are no longer in the caller's caseload. */
async function goneFromScope(tx: Tx, ctx: RequestContext, entity: SyncPullEntity, source: PullSource | undefined, deviceId: string, limit: number): Promise<string[]> {
  const inScope = source ? sql`select x.id from (${source.scoped(ctx)}) x` : sql`select null::text as id where false`;
  const { rows } = await sql<{ id: string }>`select r.record_id as id from sync_device_records r
    where r.device_id = ${deviceId} and r.entity = ${entity} and not r.removed and r.record_id not in (${inScope})
    order by r.record_id limit ${limit}`.execute(tx);
  return rows.map((r) => r.id);
}

const bySeq = (a: Candidate, b: Candidate) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0);

/** One page of the caller's caseload for a device. */
export async function pull(ctx: RequestContext, query: SyncPullQuery): Promise<SyncPullResponse> {
  const limit = query.limit ?? DEFAULT_PULL_LIMIT;
  const cursor = parseCursor(query.cursor);
  return inTransaction(ctx.db, async (tx) => {
    const device = await deviceRow(tx, ctx, query.deviceId);
    if (wipeRequested(device)) {
      await acknowledgeWipe(tx, ctx, device);
      return { changes: [], cursor: '', hasMore: false, wipe: true };
    }
    const lastBatch = BigInt(device.batch);
    if (cursor && cursor.batch > lastBatch) throw new Invalid({ cursor: 'was not issued to this device' });
    await acknowledge(tx, device.id, cursor);
    const batch = lastBatch + 1n;
    const sources = PULL_SOURCES.filter((s) => s.applies(ctx));
    const after = cursor?.seq ?? 0n;

    // (1) changed since the cursor, merged across record types in sequence order.
    let hasMore = false;
    const changed: Candidate[] = [];
    for (const source of sources) {
      const rows = await changedSince(tx, ctx, source, after, limit);
      if (rows.length === limit) hasMore = true;
      changed.push(...rows);
    }
    changed.sort(bySeq);
    if (changed.length > limit) hasMore = true;
    const upserts = changed.slice(0, limit);
    const seq = upserts.reduce((max, c) => (c.seq > max ? c.seq : max), after);
    await remember(tx, device.id, upserts, batch);

    // (2) reconciliation with what the device holds, once nothing newer is waiting.
    const removes: { entity: SyncPullEntity; id: string }[] = [];
    if (!hasMore) {
      for (const source of sources) {
        const room = limit - upserts.length;
        const rows = await missingOnDevice(tx, ctx, source, device.id, room + 1);
        if (rows.length > room) hasMore = true;
        const taken = rows.slice(0, room);
        upserts.push(...taken);
        await remember(tx, device.id, taken, batch);
        if (hasMore) break;
      }
    }
    if (!hasMore) {
      for (const entity of SYNC_PULL_ENTITIES) {
        const room = limit - upserts.length - removes.length;
        const ids = await goneFromScope(tx, ctx, entity, sources.find((s) => s.entity === entity), device.id, room + 1);
        if (ids.length > room) hasMore = true;
        removes.push(...ids.slice(0, room).map((id) => ({ entity, id })));
        if (hasMore) break;
      }
      await forget(tx, device.id, removes, batch);
    }

    const changes = await present(tx, ctx, sources, upserts);
    for (const r of removes) changes.push({ type: r.entity, op: 'remove', id: r.id, version: 0, record: null });
    await tx.updateTable('syncDevices').set({ batch: batch.toString() }).where('id', '=', device.id).execute();
    if (changes.length > 0) {
      const personIds = upserts.filter((u) => u.entity === 'person').map((u) => u.id);
      const counts: Record<string, number> = {};
      for (const c of changes) counts[`${c.type}.${c.op}`] = (counts[`${c.type}.${c.op}`] ?? 0) + 1;
      // Reads of personal records are audited: one entry per page, naming the people sent.
      await appendAudit(tx, actorOf(ctx), { action: 'sync.pull', entityType: 'sync_device', entityId: device.id, details: { deviceId: device.deviceId, counts, personIds } });
    }
    return { changes, cursor: `${seq.toString()}.${batch.toString()}`, hasMore, wipe: false };
  });
}

/** Loads, shapes and redacts the records to upsert, in the order chosen. */
async function present(tx: Tx, ctx: RequestContext, sources: readonly PullSource[], upserts: readonly Candidate[]): Promise<SyncPulledChange[]> {
  const loaded = new Map<string, SyncPulledChange>();
  for (const source of sources) {
    const ids = upserts.filter((u) => u.entity === source.entity).map((u) => u.id);
    if (ids.length === 0) continue;
    for (const item of await source.load(tx, ctx, ids)) {
      loaded.set(`${source.entity}:${item.id}`, { type: source.entity, op: 'upsert', id: item.id, version: item.version, record: shapeRecord(source.schema, item.record, ctx.maxSensitivity) });
    }
  }
  const out: SyncPulledChange[] = [];
  for (const u of upserts) {
    const change = loaded.get(`${u.entity}:${u.id}`);
    if (change) out.push(change);
  }
  return out;
}

/** Notes what the device was sent in this batch (kept once the next cursor acknowledges it). */
async function remember(tx: Tx, deviceId: string, rows: readonly Candidate[], batch: bigint): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('syncDeviceRecords')
    .values(rows.map((r) => ({ deviceId, entity: r.entity, recordId: r.id, seq: r.seq.toString(), batch: batch.toString(), removed: false })))
    .onConflict((oc) => oc.columns(['deviceId', 'entity', 'recordId']).doUpdateSet((eb) => ({ seq: eb.ref('excluded.seq'), batch: eb.ref('excluded.batch'), removed: false })))
    .execute();
}

/** Marks ids removed in this batch (dropped for good once the next cursor acknowledges it). */
async function forget(tx: Tx, deviceId: string, rows: readonly { entity: SyncPullEntity; id: string }[], batch: bigint): Promise<void> {
  for (const entity of new Set(rows.map((r) => r.entity))) {
    const ids = rows.filter((r) => r.entity === entity).map((r) => r.id);
    await tx.updateTable('syncDeviceRecords').set({ removed: true, batch: batch.toString() }).where('deviceId', '=', deviceId).where('entity', '=', entity).where('recordId', 'in', ids).execute();
  }
}
