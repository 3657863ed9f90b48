// A chart's place on the dashboard while its statistics load or when they fail.
import type { ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../../../components/States';

/** The chart once its query has data; a titled card with the loading or error state before that. */
export function ChartGate<T>({ title, query, children }: { title: string; query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} mih={200}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <LoadingState />}
      </Stack>
    </Paper>
  );
}
