// After a change to a case: its page, the protection lists, the dashboard and the person's timeline.
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TransitCase } from '@taama/core';
import { registryKeys } from '../../registry/api';
import { protectionKeys } from '../api';

/** Refreshes everything a change to the case can show up in. */
export function useCaseRefresh(transitCase: Pick<TransitCase, 'id' | 'person'>) {
  const queryClient = useQueryClient();
  const { id } = transitCase;
  const personId = transitCase.person.id;
  return useCallback(() => {
    for (const key of [protectionKeys.case(id), protectionKeys.cases, protectionKeys.referrals, protectionKeys.tasks, protectionKeys.dashboard, registryKeys.timeline(personId)]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  }, [queryClient, id, personId]);
}
