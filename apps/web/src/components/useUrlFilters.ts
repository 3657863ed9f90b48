// List filters kept in the URL, so Back and shared links keep them.
import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/** The filters of a list, read from and written to the URL's query string. */
export interface UrlFilters<K extends string> {
  /** Every filter's value; '' when not set. */
  values: Record<K, string>;
  /** Sets one filter; '' or null removes it. */
  set: (key: K, value: string | null) => void;
  clear: () => void;
  /** Any filter is set. */
  any: boolean;
  /** Changes whenever a filter does: resets the caller's pagination. */
  key: string;
}

/** Filters kept in the URL (replacing the history entry as they change). */
export function useUrlFilters<K extends string>(keys: readonly K[]): UrlFilters<K> {
  const [params, setParams] = useSearchParams();
  // A late write (a debounced search) from a page the user has already left would navigate back to
  // it while the next page is still loading. When this page is the one in the address bar, a write
  // made after the address bar moved on is dropped.
  const { pathname } = useLocation();
  const shown = window.location.pathname === pathname;
  const left = useCallback(() => shown && window.location.pathname !== pathname, [shown, pathname]);
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const key of keys) out[key] = params.get(key) ?? '';
    return out;
  }, [params, keys]);
  const set = useCallback(
    (key: K, value: string | null) => {
      if (left()) return;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, left],
  );
  const clear = useCallback(() => {
    if (!left()) setParams(new URLSearchParams(), { replace: true });
  }, [setParams, left]);
  const any = keys.some((key) => values[key] !== '');
  return { values, set, clear, any, key: JSON.stringify(values) };
}
