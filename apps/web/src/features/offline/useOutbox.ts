// The outbox entries of the open device store, reloaded whenever the offline status changes.
import { useCallback, useEffect, useState } from 'react';
import { current } from '../../offline/session';
import { useOfflineStatus } from '../../offline/status';
import type { OutboxEntry } from '../../offline/types';

/** The queued changes (null while loading or when the device store is locked). */
export function useOutbox(): { entries: OutboxEntry[] | null; reload: () => void; error: unknown } {
  const status = useOfflineStatus();
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const session = current();
    if (!session) return;
    let cancelled = false;
    session.vault
      .outbox()
      .then((found) => {
        if (!cancelled) setEntries(found);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure);
      });
    return () => {
      cancelled = true;
    };
  }, [tick, status.unlocked, status.pending, status.conflicts, status.rejected, status.lastSyncAt]);

  return { entries: status.unlocked ? entries : null, reload, error };
}
