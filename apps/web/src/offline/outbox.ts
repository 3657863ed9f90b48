// The outbox: changes made on the device, kept (encrypted) until the server has answered them, sent
// in order, retried with exponential back-off, each under the same idempotency key every time so a
// change resent after a lost answer has one effect only.
import { newId } from '@taama/core';
import { entityOf } from './merge';
import type { ChangeResult, OutboxEntry, PushResponse } from './types';
import type { Vault } from './vault';

/** At most this many changes per push (the server's batch limit). */
export const PUSH_BATCH = 500;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 5 * 60_000;

/** The wait before the next attempt after `attempts` failed ones: 2 s, 4 s, 8 s… up to 5 minutes. */
export function backoffDelay(attempts: number): number {
  if (attempts <= 0) return 0;
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
}

/** What a form asks to record. */
export interface NewChange {
  type: string;
  record: Record<string, unknown>;
  baseVersion?: number;
  base?: Record<string, unknown>;
  label: string;
}

/** Queues a change with a fresh idempotency key, kept for the change's whole life. */
export async function enqueue(vault: Vault, change: NewChange, now = Date.now()): Promise<OutboxEntry> {
  const entry: OutboxEntry = {
    change: {
      idempotencyKey: newId(),
      type: change.type,
      record: change.record,
      ...(change.baseVersion !== undefined ? { baseVersion: change.baseVersion } : {}),
      ...(change.base ? { base: change.base } : {}),
      recordedAt: new Date(now).toISOString(),
    },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    label: change.label,
  };
  await vault.putOutbox(entry);
  return entry;
}

/** What one flush did. */
export interface FlushOutcome {
  sent: number;
  applied: number;
  conflicts: number;
  rejected: number;
  /** The server could not be reached (or failed); the changes wait for their next attempt. */
  failed: boolean;
  /** The server asked the device to purge everything. */
  wipe: boolean;
}

/** Sends the changes that are due, in order, and files each answer. */
export async function flushOutbox(vault: Vault, send: (changes: OutboxEntry['change'][]) => Promise<PushResponse>, now = Date.now()): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { sent: 0, applied: 0, conflicts: 0, rejected: 0, failed: false, wipe: false };
  const due = (await vault.outbox()).filter((e) => e.status === 'pending' && e.nextAttemptAt <= now).slice(0, PUSH_BATCH);
  if (due.length === 0) return outcome;
  outcome.sent = due.length;
  let response: PushResponse;
  try {
    response = await send(due.map((e) => e.change));
  } catch {
    outcome.failed = true;
    for (const entry of due) {
      const attempts = entry.attempts + 1;
      await vault.putOutbox({ ...entry, attempts, nextAttemptAt: now + backoffDelay(attempts) });
    }
    return outcome;
  }
  if (response.wipe) {
    outcome.wipe = true;
    return outcome;
  }
  const byKey = new Map(due.map((e) => [e.change.idempotencyKey, e]));
  for (const result of response.results) {
    const entry = byKey.get(result.idempotencyKey);
    if (!entry) continue;
    if (result.error?.code === 'device_wiped') {
      outcome.wipe = true;
      return outcome;
    }
    await fileResult(vault, entry, result, outcome);
  }
  return outcome;
}

async function fileResult(vault: Vault, entry: OutboxEntry, result: ChangeResult, outcome: FlushOutcome): Promise<void> {
  const entity = entityOf(entry.change.type);
  const id = result.id ?? (typeof entry.change.record.id === 'string' ? entry.change.record.id : undefined);
  if (result.status === 'applied' || result.status === 'duplicate') {
    outcome.applied += 1;
    await vault.removeOutbox(entry.change.idempotencyKey);
    if (id) {
      const local = vault.get(entity, id);
      const record = result.record ?? local?.record;
      if (record) await vault.put({ entity, id, version: result.version ?? local?.version ?? 0, record: { ...record } });
    }
    return;
  }
  if (result.status === 'conflict') {
    outcome.conflicts += 1;
    await vault.putOutbox({ ...entry, status: 'conflict', ...(result.conflict ? { conflict: result.conflict } : {}) });
    return;
  }
  outcome.rejected += 1;
  await vault.putOutbox({ ...entry, status: 'rejected', ...(result.error ? { error: result.error } : {}) });
}

/** Puts a rejected or waiting change back in line for an immediate attempt, same idempotency key. */
export async function retryEntry(vault: Vault, entry: OutboxEntry, now = Date.now()): Promise<void> {
  const { error: _error, ...rest } = entry;
  await vault.putOutbox({ ...rest, status: 'pending', attempts: 0, nextAttemptAt: now });
}
