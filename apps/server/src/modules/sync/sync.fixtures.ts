// Test helpers of the sync tests: a device, pushes and pulls through the real API.
import { newId, type SyncChange, type SyncChangeResult, type SyncPulledChange, type SyncPullResponse } from '@taama/core';
import { bearer, type Harness } from '../../../test/harness';

export interface Device {
  deviceId: string;
  token: string;
}

/** A fresh device id for a user's token. */
export function device(token: string): Device {
  return { deviceId: newId(), token };
}

/** A change with a fresh idempotency key. */
export function change(type: SyncChange['type'], record: Record<string, unknown>, extra: Partial<SyncChange> = {}): SyncChange {
  return { idempotencyKey: newId(), type, record, recordedAt: new Date().toISOString(), ...extra };
}

/** POST /sync/push; the raw response. */
export function pushRaw(h: Harness, d: Device, payload: unknown) {
  return h.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: bearer(d.token), payload: payload as object });
}

/** Pushes changes and returns the results (fails the test on a non-200). */
export async function push(h: Harness, d: Device, changes: SyncChange[]): Promise<SyncChangeResult[]> {
  const res = await pushRaw(h, d, { deviceId: d.deviceId, changes });
  if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { results: SyncChangeResult[] }).results;
}

/** One pull page. */
export async function pullPage(h: Harness, d: Device, cursor?: string, limit?: number): Promise<SyncPullResponse> {
  const params = new URLSearchParams({ deviceId: d.deviceId });
  if (cursor !== undefined) params.set('cursor', cursor);
  if (limit !== undefined) params.set('limit', String(limit));
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/sync/pull?${params.toString()}`, headers: bearer(d.token) });
  if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
  return res.json() as SyncPullResponse;
}

/** A device's local copy: what it holds after applying pulled pages, keyed `<type>:<id>`. */
export class LocalCopy {
  readonly records = new Map<string, SyncPulledChange>();
  cursor: string | undefined;
  wiped = false;

  /** Pulls every page until nothing more is waiting; returns the changes received. */
  async sync(h: Harness, d: Device, limit?: number): Promise<SyncPulledChange[]> {
    const received: SyncPulledChange[] = [];
    for (let pages = 0; pages < 200; pages++) {
      const page = await pullPage(h, d, this.cursor, limit);
      if (page.wipe) {
        this.records.clear();
        this.wiped = true;
        return received;
      }
      for (const c of page.changes) {
        received.push(c);
        if (c.op === 'remove') this.records.delete(`${c.type}:${c.id}`);
        else this.records.set(`${c.type}:${c.id}`, c);
      }
      this.cursor = page.cursor;
      if (!page.hasMore) return received;
    }
    throw new Error('pull never finished');
  }

  /** The record of a type and id, if held. */
  get(type: string, id: string): Record<string, unknown> | undefined {
    return this.records.get(`${type}:${id}`)?.record ?? undefined;
  }

  /** Ids held of one type. */
  ids(type: string): string[] {
    return [...this.records.values()].filter((c) => c.type === type).map((c) => c.id);
  }
}
