// The timeline of a case: every event (creation, moves with their notes, documents, medical checks,
// best interest, movement and arrival), newest first, with who and when.
import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { returnsApi, returnsKeys } from '../api';
import type { ReturnCase, ReturnEvent } from '../types';

/** One event in words. */
function useEventText() {
  const { t } = useTranslation();
  return (e: ReturnEvent) => {
    const status = (s: string | null | undefined) => (s ? t(`returns:enum.status.${s}`) : '—');
    if (e.kind === 'transition') return t('returns:timeline.transition', { from: status(e.from), to: status(e.to) });
    return t(`returns:enum.eventKind.${e.kind}`);
  };
}

/** The timeline tab. */
export function TimelineSection({ returnCase: c }: { returnCase: ReturnCase }) {
  const { t, i18n } = useTranslation();
  const text = useEventText();
  // Keyed by version so any change to the case shows up here too.
  const query = useQuery({ queryKey: [...returnsKeys.events(c.id), c.version], queryFn: () => returnsApi.events(c.id) });
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h4">{t('returns:timeline.title')}</Title>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={t('returns:timeline.empty')} />
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {[...query.data.items].sort((a, b) => b.at.localeCompare(a.at)).map((e) => (
              <Timeline.Item key={e.id} title={text(e)}>
                <Text size="xs" c="dimmed">{`${formatDateTime(e.at, i18n.language)} · ${e.by?.displayName ?? t('returns:timeline.system')}`}</Text>
                {e.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
