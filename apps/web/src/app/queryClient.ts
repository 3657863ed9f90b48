// Server state cache. Errors the user must act on (bad input, no access, stale version) are not retried.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** A fresh query client with Taama's defaults. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Offline, requests still run: the API client answers what the device copy holds (SPEC §12)
        // and fails the rest, instead of the query waiting paused for the network.
        networkMode: 'always',
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failures < 2;
        },
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
