// POST /sync/push (SPEC §12): a device's outbox, applied in order, each change in its own
// transaction through the online services; an idempotency key makes every replay harmless.
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import {
  canonicalJson,
  isUuid,
  parseChangeType,
  type SyncChange,
  type SyncChangeResult,
  type SyncPushBody,
  type SyncPushResponse,
} from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { classify } from '../../platform/http/error-handler';
import { acknowledgeWipe, deviceRow, wipeRequested } from './devices.service';
import { applyCreate, applyUpdate, rejected } from './push.apply';

/** How long a claimed key may stay unfinished before another request may take it over. */
const STALE_CLAIM_MS = 60_000;
/** How long a replay waits for the same key being applied by a concurrent request. */
const WAIT_FOR_CLAIM_MS = 15_000;

/** The fingerprint of a change's body: the same key with another body is refused. */
export function requestHash(change: SyncChange): string {
  const body = canonicalJson({ type: change.type, record: change.record, baseVersion: change.baseVersion ?? null, base: change.base ?? null });
  return createHash('sha256').update(body).digest('hex');
}

type Claim =
  | { kind: 'claimed'; takeover: boolean }
  | { kind: 'done'; result: SyncChangeResult }
  | { kind: 'mismatch' }
  | { kind: 'busy' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims an idempotency key with a committed "pending" row before the change runs, so a second
 * request with the same key (a replay, or the same outbox flushed twice at once) finds it and
 * waits for the stored outcome instead of applying the change again.
 */
async function claim(ctx: RequestContext, deviceId: string, key: string, hash: string): Promise<Claim> {
  const deadline = Date.now() + WAIT_FOR_CLAIM_MS;
  for (;;) {
    const inserted = await ctx.db
      .insertInto('syncChanges')
      .values({ userId: ctx.user.id, idempotencyKey: key, requestHash: hash, deviceId, status: 'pending' })
      .onConflict((oc) => oc.columns(['userId', 'idempotencyKey']).doNothing())
      .returning('idempotencyKey')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed', takeover: false };
    const row = await ctx.db
      .selectFrom('syncChanges')
      .select(['requestHash', 'status', 'result', 'createdAt'])
      .where('userId', '=', ctx.user.id)
      .where('idempotencyKey', '=', key)
      .executeTakeFirst();
    if (!row) continue; // released between our insert and our read: claim again
    if (row.requestHash !== hash) return { kind: 'mismatch' };
    if (row.status === 'done' && row.result) return { kind: 'done', result: row.result as unknown as SyncChangeResult };
    if (Date.now() - new Date(row.createdAt).getTime() > STALE_CLAIM_MS) {
      // The request that claimed it died mid-way (process killed): take the claim over, once.
      const taken = await ctx.db
        .updateTable('syncChanges')
        .set({ createdAt: new Date(), deviceId })
        .where('userId', '=', ctx.user.id)
        .where('idempotencyKey', '=', key)
        .where('status', '=', 'pending')
        .where('createdAt', '=', row.createdAt)
        .returning('idempotencyKey')
        .executeTakeFirst();
      if (taken) return { kind: 'claimed', takeover: true };
      continue;
    }
    if (Date.now() > deadline) return { kind: 'busy' };
    await sleep(25);
  }
}

async function release(ctx: RequestContext, key: string): Promise<void> {
  await ctx.db.deleteFrom('syncChanges').where('userId', '=', ctx.user.id).where('idempotencyKey', '=', key).where('status', '=', 'pending').execute();
}

async function store(ctx: RequestContext, key: string, result: SyncChangeResult): Promise<void> {
  await ctx.db
    .updateTable('syncChanges')
    .set({ status: 'done', result: JSON.stringify(result), completedAt: new Date() })
    .where('userId', '=', ctx.user.id)
    .where('idempotencyKey', '=', key)
    .execute();
}

async function apply(ctx: RequestContext, change: SyncChange, takeover: boolean, log: FastifyBaseLogger): Promise<SyncChangeResult> {
  const { op } = parseChangeType(change.type);
  try {
    return op === 'create' ? await applyCreate(ctx, change) : await applyUpdate(ctx, change);
  } catch (error) {
    const known = classify(error as Parameters<typeof classify>[0]);
    const id = change.record.id;
    // A create whose first attempt committed before its process died: the record is there.
    if (takeover && op === 'create' && known?.code === 'already_exists' && typeof id === 'string' && isUuid(id)) {
      return { idempotencyKey: change.idempotencyKey, status: 'applied', id };
    }
    if (!known || known.status >= 500) {
      log.error({ err: error }, 'sync change failed');
      if (process.env.TEST_LOG) console.error('sync change failed', error);
      return rejected(change.idempotencyKey, 'internal_error', `The change could not be applied (request ${ctx.requestId}); it may be sent again`);
    }
    return rejected(change.idempotencyKey, known.code, known.message, known.fields);
  }
}

/** Applies one change exactly once: a stored outcome answers every later copy of it. */
async function pushOne(ctx: RequestContext, deviceId: string, change: SyncChange, log: FastifyBaseLogger): Promise<SyncChangeResult> {
  const key = change.idempotencyKey;
  const claimed = await claim(ctx, deviceId, key, requestHash(change));
  switch (claimed.kind) {
    case 'mismatch':
      return rejected(key, 'idempotency_mismatch', 'This idempotency key was already used for a different change', { idempotencyKey: 'was used with a different body' });
    case 'done':
      return { ...claimed.result, idempotencyKey: key, status: 'duplicate' };
    case 'busy':
      return rejected(key, 'in_progress', 'The same change is being applied by another request; send it again shortly');
    case 'claimed':
      break;
  }
  let result: SyncChangeResult;
  try {
    result = await apply(ctx, change, claimed.takeover, log);
  } catch (error) {
    await release(ctx, key);
    throw error;
  }
  // Only an applied change had an effect worth remembering; a rejection or a conflict changed
  // nothing, so its key is freed and the device may send it again (after fixing or resolving).
  if (result.status === 'applied') await store(ctx, key, result);
  else await release(ctx, key);
  return result;
}

/** Applies a device's queued changes in order and answers one result per change. */
export async function push(ctx: RequestContext, body: SyncPushBody, log: FastifyBaseLogger): Promise<SyncPushResponse> {
  const wipe = await inTransaction(ctx.db, async (tx) => {
    const device = await deviceRow(tx, ctx, body.deviceId);
    if (!wipeRequested(device)) return false;
    await acknowledgeWipe(tx, ctx, device);
    return true;
  });
  if (wipe) {
    return {
      wipe: true,
      results: body.changes.map((c) => rejected(c.idempotencyKey, 'device_wiped', 'This device was wiped by an administrator; its changes are refused')),
    };
  }
  const device = await ctx.db.selectFrom('syncDevices').select('id').where('userId', '=', ctx.user.id).where('deviceId', '=', body.deviceId).executeTakeFirstOrThrow();
  const results: SyncChangeResult[] = [];
  for (const change of body.changes) results.push(await pushOne(ctx, device.id, change, log));
  return { results, wipe: false };
}
