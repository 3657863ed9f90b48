// Devices that hold an offline copy (SPEC §12): registration by their user, the administrators'
// list, and remote wipe — the device's next pull or push is told to purge everything it holds.
import { newId, type SyncDevice, type SyncDeviceInput } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { NotFound } from '../../platform/errors';

function deviceQuery(db: Db | Tx) {
  return db
    .selectFrom('syncDevices as d')
    .innerJoin('users as u', 'u.id', 'd.userId')
    .select(['d.id', 'd.deviceId', 'd.userId', 'u.username', 'd.label', 'd.registeredAt', 'd.lastSeenAt', 'd.wipeRequestedAt', 'd.wipedAt']);
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function present(row: Awaited<ReturnType<ReturnType<typeof deviceQuery>['executeTakeFirstOrThrow']>>): SyncDevice {
  return {
    id: row.id,
    deviceId: row.deviceId,
    userId: row.userId,
    username: row.username,
    label: row.label,
    registeredAt: new Date(row.registeredAt).toISOString(),
    lastSeenAt: iso(row.lastSeenAt),
    wipeRequestedAt: iso(row.wipeRequestedAt),
    wipedAt: iso(row.wipedAt),
  };
}

/** The caller's row for a device, created on first contact; locked for the rest of the transaction. */
export async function deviceRow(tx: Tx, ctx: RequestContext, deviceId: string, label: string | null = null) {
  // "on conflict do nothing" then a locking read: two first contacts at once create one row.
  await tx
    .insertInto('syncDevices')
    .values({ id: newId(), deviceId, userId: ctx.user.id, label, lastSeenAt: new Date() })
    .onConflict((oc) => oc.columns(['userId', 'deviceId']).doNothing())
    .execute();
  const row = await tx.selectFrom('syncDevices').selectAll().where('userId', '=', ctx.user.id).where('deviceId', '=', deviceId).forUpdate().executeTakeFirstOrThrow();
  await tx
    .updateTable('syncDevices')
    .set({ lastSeenAt: new Date(), ...(label !== null ? { label } : {}) })
    .where('id', '=', row.id)
    .execute();
  return row;
}
export type DeviceRow = Awaited<ReturnType<typeof deviceRow>>;

/** Tells whether an administrator asked for this device to be wiped. */
export function wipeRequested(row: DeviceRow): boolean {
  return row.wipeRequestedAt !== null;
}

/** Records that the device was told to purge (first answer carrying `wipe: true`) and forgets what it held. */
export async function acknowledgeWipe(tx: Tx, ctx: RequestContext, row: DeviceRow): Promise<void> {
  await tx.deleteFrom('syncDeviceRecords').where('deviceId', '=', row.id).execute();
  if (row.wipedAt !== null) return;
  await tx.updateTable('syncDevices').set({ wipedAt: new Date() }).where('id', '=', row.id).execute();
  await appendAudit(tx, actorOf(ctx), { action: 'sync.device_wiped', entityType: 'sync_device', entityId: row.id, details: { deviceId: row.deviceId } });
}

/** Registers (or relabels) a device of the caller. */
export async function registerDevice(ctx: RequestContext, input: SyncDeviceInput): Promise<SyncDevice> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await deviceRow(tx, ctx, input.deviceId, input.label ?? null);
    await appendAudit(tx, actorOf(ctx), { action: 'sync.device_register', entityType: 'sync_device', entityId: row.id, details: { deviceId: input.deviceId, label: input.label ?? null } });
    return present(await deviceQuery(tx).where('d.id', '=', row.id).executeTakeFirstOrThrow());
  });
}

/** Every registered device, most recently seen first (administrators). */
export async function listDevices(ctx: RequestContext, query: { userId?: string | undefined }): Promise<{ items: SyncDevice[] }> {
  let q = deviceQuery(ctx.db);
  if (query.userId) q = q.where('d.userId', '=', query.userId);
  const rows = await q.orderBy('d.lastSeenAt', 'desc').orderBy('d.registeredAt', 'desc').limit(1000).execute();
  return { items: rows.map(present) };
}

/** Asks a device to purge its offline copy at its next contact (administrators). */
export async function wipeDevice(ctx: RequestContext, id: string): Promise<SyncDevice> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('syncDevices').select(['id', 'deviceId', 'userId', 'wipeRequestedAt']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Device');
    if (row.wipeRequestedAt === null) {
      await tx.updateTable('syncDevices').set({ wipeRequestedAt: new Date(), wipeRequestedBy: ctx.user.id }).where('id', '=', id).execute();
      await appendAudit(tx, actorOf(ctx), { action: 'sync.device_wipe', entityType: 'sync_device', entityId: id, details: { deviceId: row.deviceId, userId: row.userId } });
    }
    return present(await deviceQuery(tx).where('d.id', '=', id).executeTakeFirstOrThrow());
  });
}
