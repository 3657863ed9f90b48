// The sync loop: when online, send the outbox (with back-off on failure), then pull the caseload
// (first in full, then by cursor), and keep the shell's counters up to date.
import { getCsrfToken, setCsrfToken } from '../api/client';
import { authApi } from '../api/endpoints';
import { syncApi } from './api';
import { mergePulled } from './merge';
import { flushOutbox, type FlushOutcome } from './outbox';
import { setOfflineStatus } from './status';
import type { LocalRecord, PullResponse, PushResponse, OutgoingChange } from './types';
import type { Vault } from './vault';

const TICK_MS = 5_000;
const PULL_EVERY_MS = 60_000;

/** How the engine reaches the server (tests pass their own). */
export interface SyncTransport {
  push: (deviceId: string, changes: OutgoingChange[]) => Promise<PushResponse>;
  pull: (deviceId: string, cursor: string | undefined) => Promise<PullResponse>;
  registerDevice: (deviceId: string) => Promise<unknown>;
  /** Makes sure the session's CSRF token is known (after an offline sign-in, for example). */
  ensureSession: () => Promise<void>;
}

/** The transport over the real API. */
export const httpTransport: SyncTransport = {
  push: (deviceId, changes) => syncApi.push(deviceId, changes),
  pull: (deviceId, cursor) => syncApi.pull(deviceId, cursor),
  registerDevice: (deviceId) => syncApi.registerDevice(deviceId, typeof navigator === 'undefined' ? 'web' : navigator.platform || 'web'),
  ensureSession: async () => {
    if (getCsrfToken()) return;
    const me = await authApi.me(true);
    setCsrfToken(me.session.csrfToken);
  },
};

/** Applies one page of pulled changes to the local copy. */
export async function applyPullPage(vault: Vault, page: PullResponse): Promise<void> {
  const puts = new Map<string, LocalRecord>();
  const removals: { entity: string; id: string }[] = [];
  for (const change of page.changes) {
    const key = `${change.type}:${change.id}`;
    const merged = mergePulled(puts.get(key) ?? vault.get(change.type, change.id), change);
    if (merged) puts.set(key, merged);
    else {
      puts.delete(key);
      removals.push({ entity: change.type, id: change.id });
    }
  }
  await vault.apply([...puts.values()], removals);
  await vault.setMeta('cursor', page.cursor);
}

/** One user's sync loop. */
export class SyncEngine {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private lastPull = 0;
  private registered = false;

  constructor(
    readonly vault: Vault,
    readonly deviceId: string,
    private readonly onWipe: () => Promise<void>,
    private readonly transport: SyncTransport = httpTransport,
  ) {}

  /** Starts syncing now and whenever the connection comes back or changes are due. */
  start(): void {
    if (this.timer) return;
    window.addEventListener('online', this.onOnline);
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    void this.refreshCounts();
    void this.syncNow();
  }

  /** Stops the loop (sign-out, lock). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    window.removeEventListener('online', this.onOnline);
  }

  private readonly onOnline = () => void this.syncNow();

  private async tick(): Promise<void> {
    if (!navigator.onLine) return;
    const due = (await this.vault.outbox()).some((e) => e.status === 'pending' && e.nextAttemptAt <= Date.now());
    if (due || Date.now() - this.lastPull > PULL_EVERY_MS) await this.syncNow();
  }

  /** Sends what is due and pulls, once at a time; resolves when done. */
  syncNow(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    if (!navigator.onLine) return;
    setOfflineStatus({ syncing: true });
    try {
      await this.transport.ensureSession();
      if (!this.registered) {
        await this.transport.registerDevice(this.deviceId);
        this.registered = true;
      }
      let outcome: FlushOutcome;
      do {
        outcome = await flushOutbox(this.vault, (changes) => this.transport.push(this.deviceId, changes));
        if (outcome.wipe) return await this.onWipe();
      } while (!outcome.failed && outcome.sent > 0 && (await this.hasDue()));
      if (!outcome.failed) await this.pull();
      setOfflineStatus({ lastSyncAt: new Date().toISOString() });
    } catch {
      // Unreachable or refused: the outbox keeps everything and the next tick tries again.
    } finally {
      setOfflineStatus({ syncing: false });
      await this.refreshCounts();
    }
  }

  private async hasDue(): Promise<boolean> {
    return (await this.vault.outbox()).some((e) => e.status === 'pending' && e.nextAttemptAt <= Date.now());
  }

  private async pull(): Promise<void> {
    let cursor = await this.vault.getMeta<string>('cursor');
    for (;;) {
      const page = await this.transport.pull(this.deviceId, cursor);
      if (page.wipe) return this.onWipe();
      await applyPullPage(this.vault, page);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    this.lastPull = Date.now();
  }

  /** Recounts the outbox for the shell. */
  async refreshCounts(): Promise<void> {
    const entries = await this.vault.outbox();
    setOfflineStatus({
      pending: entries.filter((e) => e.status === 'pending').length,
      conflicts: entries.filter((e) => e.status === 'conflict').length,
      rejected: entries.filter((e) => e.status === 'rejected').length,
      records: this.vault.size,
    });
  }
}
