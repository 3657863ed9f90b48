// After a change to a case: its page, budget and RSS results, the caseload, the dashboard and the
// overdue lists.
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { reintegrationKeys } from '../api';

/** Refreshes everything a change to the case `id` can show up in. */
export function useCaseRefresh(id: string) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    for (const key of [reintegrationKeys.case(id), reintegrationKeys.cases, reintegrationKeys.dashboard, reintegrationKeys.overdueVisits]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  }, [queryClient, id]);
}
