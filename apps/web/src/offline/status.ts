// What the shell shows about offline work (online or not, changes waiting, conflicts), kept apart
// from the offline engine so the shell can show it without loading the engine.
import { useSyncExternalStore } from 'react';

/** The offline state the interface shows. */
export interface OfflineStatus {
  online: boolean;
  /** The encrypted device store is open (the key is in memory). */
  unlocked: boolean;
  /** The device holds an offline copy for the signed-in user that needs the password to open. */
  locked: boolean;
  pending: number;
  conflicts: number;
  rejected: number;
  syncing: boolean;
  lastSyncAt: string | null;
  /** Records held on the device. */
  records: number;
  /** The server asked this device to purge its copy. */
  wiped: boolean;
}

let status: OfflineStatus = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  unlocked: false,
  locked: false,
  pending: 0,
  conflicts: 0,
  rejected: 0,
  syncing: false,
  lastSyncAt: null,
  records: 0,
  wiped: false,
};
const listeners = new Set<() => void>();

/** The current offline state. */
export function getOfflineStatus(): OfflineStatus {
  return status;
}

/** Updates the offline state and tells whoever shows it. */
export function setOfflineStatus(patch: Partial<OfflineStatus>): void {
  status = { ...status, ...patch };
  for (const listener of listeners) listener();
}

/** Subscribes to changes of the offline state. */
export function subscribeOfflineStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The offline state, re-rendering on change. */
export function useOfflineStatus(): OfflineStatus {
  return useSyncExternalStore(subscribeOfflineStatus, getOfflineStatus, getOfflineStatus);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setOfflineStatus({ online: true }));
  window.addEventListener('offline', () => setOfflineStatus({ online: false }));
}

// A flag (no personal data) telling the start-up that this browser holds an offline copy, so an
// unreachable server leads to the offline sign-in instead of an error page.
const MARKER = 'taama.offline';

/** Tells whether this browser holds an offline copy for someone. */
export function hasOfflineCopy(): boolean {
  try {
    return window.localStorage.getItem(MARKER) === '1';
  } catch {
    return false;
  }
}

/** Records whether this browser holds an offline copy. */
export function markOfflineCopy(present: boolean): void {
  try {
    if (present) window.localStorage.setItem(MARKER, '1');
    else window.localStorage.removeItem(MARKER);
  } catch {
    // storage disabled: the start-up shows the usual error when the server is unreachable
  }
}
