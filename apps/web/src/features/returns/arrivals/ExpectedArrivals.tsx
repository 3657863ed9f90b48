// The movements expected at a reception site on a day (and departed ones overdue), each confirmed
// in one click: every departed passenger arrives on the chosen day.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { formatDay, personName } from '../../registry/shared';
import { arrivalsApi, movementsApi, returnsKeys } from '../api';
import { RefusalAlert, useReturnsRefresh } from '../shared';
import type { ExpectedArrivals as Expected } from '../types';

/** One expected movement with its confirm button. */
function ExpectedMovement({ item, date }: { item: Expected['items'][number]; date: string }) {
  const { t, i18n } = useTranslation();
  const refresh = useReturnsRefresh();
  const confirm = useMutation({
    mutationFn: () => movementsApi.arrival(item.movementId, { arrivedOn: date }),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'green', message: t('returns:arrival.done', { reference: item.reference }) });
    },
  });
  const waiting = item.passengers.filter((p) => !p.arrived && p.departureStatus !== 'no_show');
  const seats = waiting.reduce((sum, p) => sum + p.seats, 0);
  const overdue = item.overdue;
  return (
    <Paper withBorder p="md" component="li" style={{ listStyle: 'none' }} aria-label={item.reference}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Anchor component={Link} to={`/returns/movements/${item.movementId}`} fw={600}>{item.reference}</Anchor>
            <Text size="sm" c={overdue ? 'red' : 'dimmed'}>
              {`${t(`returns:enum.movementKind.${item.kind}`)} · ${overdue ? t('returns:desk.overdue', { date: formatDay(item.arrivalDate, i18n.language) }) : t('returns:desk.expectedOn', { date: formatDay(item.arrivalDate, i18n.language) })}`}
            </Text>
          </Stack>
          {item.status === 'departed' ? (
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending} disabled={waiting.length === 0} aria-label={t('returns:desk.confirmNamed', { reference: item.reference })}>
              {t('returns:desk.confirm', { count: seats })}
            </Button>
          ) : (
            // Arrival follows a confirmed departure: a movement still planned cannot arrive yet.
            <Text size="sm" c="orange">{t('returns:desk.notDeparted')}</Text>
          )}
        </Group>
        <Text size="sm">{waiting.length === 0 ? t('returns:desk.allArrived') : waiting.map((p) => personName(p.person)).join(', ')}</Text>
        <RefusalAlert error={confirm.error} />
      </Stack>
    </Paper>
  );
}

/** Today's (or the chosen day's) expected arrivals at a site. */
export function ExpectedArrivals({ siteId, date }: { siteId: string; date: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: [...returnsKeys.expected, siteId, date], queryFn: () => arrivalsApi.expected({ siteId, date }), enabled: Boolean(siteId) });
  return (
    <Stack gap="sm" component="section" aria-label={t('returns:desk.expected')}>
      <Title order={2} size="h4">{t('returns:desk.expected')}</Title>
      {!siteId ? (
        <Text c="dimmed">{t('returns:desk.pickSite')}</Text>
      ) : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('returns:desk.noneExpected')} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0}>
          {query.data.items.map((item) => <ExpectedMovement key={item.movementId} item={item} date={date} />)}
        </Stack>
      )}
    </Stack>
  );
}
