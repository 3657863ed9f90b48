// The arrivals recorded at a site in the last 30 days: who, from where, vulnerable or not, the
// assistance given, the return case and the reintegration case opened for them.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { formatDay, personName, useCountryName } from '../../registry/shared';
import { arrivalsApi, returnsKeys } from '../api';
import { daysBefore } from './dates';
import type { Arrival } from '../types';
import { AssistanceDialog } from './AssistanceDialog';
import { ReintegrationLink } from '../reintegration';

/** The recent arrivals table of a site, up to the day shown. */
export function RecentArrivals({ siteId, date }: { siteId: string; date: string }) {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  const query = useQuery({
    queryKey: [...returnsKeys.arrivals, siteId, date],
    queryFn: () => arrivalsApi.list({ siteId, from: daysBefore(date, 30), to: date, limit: 100 }),
    enabled: Boolean(siteId),
    placeholderData: keepPreviousData,
  });
  const columns: Column<Arrival>[] = [
    {
      key: 'person',
      header: t('returns:desk.columns.person'),
      render: (a) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/protection/people/${a.person.id}`}>{personName(a.person)}</Anchor>
          {a.returnCaseId ? <Anchor component={Link} to={`/returns/cases/${a.returnCaseId}`} size="xs">{a.caseNumber}</Anchor> : <Text size="xs" c="dimmed">{t('returns:desk.spontaneous')}</Text>}
        </Stack>
      ),
    },
    { key: 'arrivedOn', header: t('returns:desk.columns.arrivedOn'), render: (a) => formatDay(a.arrivedOn, i18n.language) },
    { key: 'from', header: t('returns:desk.columns.from'), render: (a) => country(a.fromCountry), visibleFrom: 'sm' },
    { key: 'destination', header: t('returns:desk.columns.destination'), render: (a) => a.destinationPcode ?? '—', visibleFrom: 'md' },
    {
      key: 'vulnerable',
      header: t('returns:desk.columns.vulnerable'),
      render: (a) =>
        a.vulnerable ? (
          <Group gap={4}>
            <Badge color="red" size="sm">{t('returns:desk.vulnerableBadge')}</Badge>
            {a.referralNeeds.map((n) => <Badge key={n} size="xs" variant="outline">{t(`returns:enum.referralNeed.${n}`)}</Badge>)}
          </Group>
        ) : '—',
      visibleFrom: 'sm',
    },
    {
      key: 'assistance',
      header: t('returns:desk.columns.assistance'),
      render: (a) => (
        <Stack gap={4} align="flex-start">
          <Text size="xs">{a.assistance.length === 0 ? t('returns:assistance.none') : a.assistance.map((x) => t(`returns:enum.assistance.${x.type}`)).join(', ')}</Text>
          <AssistanceDialog arrival={a} />
        </Stack>
      ),
    },
    {
      key: 'reintegration',
      header: t('returns:desk.columns.reintegration'),
      render: (a) => (a.reintegrationCaseId ? <ReintegrationLink id={a.reintegrationCaseId} number={a.reintegrationCaseNumber} /> : '—'),
    },
  ];
  return (
    <DataTable
      caption={t('returns:desk.recent')}
      columns={columns}
      rows={siteId ? query.data?.items : []}
      rowKey={(a) => a.id}
      loading={query.isPending && Boolean(siteId)}
      fetching={query.isFetching}
      error={query.error}
      onRetry={() => void query.refetch()}
      emptyTitle={t('returns:desk.noRecent')}
    />
  );
}
