// A list read page by page from the API (?limit=&cursor= → {items, nextCursor}) with its filters in
// the URL: the query for the current page, and the props DataTable and ListToolbar take from it.
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/endpoints';
import { useCursorPages } from './useCursorPages';
import { useUrlFilters } from './useUrlFilters';

interface CursorListOptions<K extends string, T> {
  /** The filters kept in the URL. */
  filters: readonly K[];
  /** The filter the toolbar's search box sets. */
  search: K;
  /** The prefix of this kind's list queries (a save refreshes them all). */
  queryKey: QueryKey;
  pageSize: number;
  /** Fetches one page for the filters. */
  fetch: (filters: Record<K, string>, page: { limit: number; cursor: string | undefined }) => Promise<Page<T>>;
}

/** The current page of a filtered list, and its DataTable (`table`) and ListToolbar (`toolbar`) props. */
export function useCursorList<K extends string, T>({ filters: keys, search, queryKey, pageSize, fetch }: CursorListOptions<K, T>) {
  const filters = useUrlFilters(keys);
  const pages = useCursorPages(filters.key);
  const query = useQuery({
    queryKey: [...queryKey, 'list', filters.values, pages.cursor],
    queryFn: () => fetch(filters.values, { limit: pageSize, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const nextCursor = query.data?.nextCursor;
  const table = {
    rows: query.data?.items,
    loading: query.isPending,
    fetching: query.isFetching,
    error: query.error,
    onRetry: () => void query.refetch(),
    pagination: {
      page: pages.page,
      hasPrevious: pages.hasPrevious,
      hasNext: Boolean(nextCursor),
      onPrevious: pages.previous,
      onNext: () => {
        if (nextCursor) pages.next(nextCursor);
      },
    },
  };
  const toolbar = {
    search: filters.values[search],
    onSearch: (value: string) => filters.set(search, value),
    canClear: filters.any,
    onClear: filters.clear,
  };
  return { filters, query, table, toolbar };
}
