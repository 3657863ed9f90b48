// The indicator dashboard (/results): every indicator of the programme over the chosen span, grouped
// by logframe level, with its value, cumulative value, target and progress, a bar per period, and
// the restatement of signed-off quarters. Every number opens the records behind it.
import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorValue } from '@taama/core';
import { formatNumber } from '../../app/format';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { resultsApi, resultsKeys } from './api';
import { groupByLevel } from './logic';
import { PeriodPicker, usePeriodParams, usePeriodSelection, useProgrammeQuarters } from './PeriodPicker';
import { PeriodBars, RecordsNumber, RestatementBadge, TargetProgress } from './shared';

/** One indicator's row. */
function IndicatorRow({ item, from, to, start, search }: { item: IndicatorValue; from: string; to: string; start: string; search: string }) {
  const { t, i18n } = useTranslation();
  if (!item.available)
    return (
      <Table.Tr>
        <Table.Td>{item.code}</Table.Td>
        <Table.Td>{item.title}</Table.Td>
        <Table.Td colSpan={5}>
          <Badge color="gray" variant="light">{t('results:dashboard.unavailable')}</Badge>{' '}
          <Text span size="sm" c="dimmed">{item.reason ?? ''}</Text>
        </Table.Td>
      </Table.Tr>
    );
  return (
    <Table.Tr>
      <Table.Td>{item.code}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/results/indicators/${encodeURIComponent(item.code)}${search}`}>{item.title}</Anchor>
        {item.mode === 'manual' && <Badge ml="xs" size="xs" variant="outline">{t('results:dashboard.manual')}</Badge>}{' '}
        <RestatementBadge restatements={item.restatements} />
      </Table.Td>
      <Table.Td ta="right">
        <RecordsNumber code={item.code} value={item.value} from={from} to={to} label={t('results:dashboard.valueOf', { code: item.code })} />
      </Table.Td>
      <Table.Td ta="right">
        {start ? <RecordsNumber code={item.code} value={item.cumulative} from={start} to={to} label={t('results:dashboard.cumulativeOf', { code: item.code })} /> : formatNumber(item.cumulative, i18n.language)}
      </Table.Td>
      <Table.Td ta="right">{formatNumber(item.target, i18n.language)}</Table.Td>
      <Table.Td><TargetProgress cumulative={item.cumulative} target={item.target} label={item.code} /></Table.Td>
      <Table.Td visibleFrom="md"><PeriodBars periods={item.periods} /></Table.Td>
    </Table.Tr>
  );
}

/** The dashboard with its period picker. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const params = usePeriodParams();
  const { span, interval } = usePeriodSelection(params);
  const ok = !('error' in span);
  const from = ok ? span.from : '';
  const to = ok ? span.to : '';
  const query = useQuery({
    queryKey: [...resultsKeys.indicators, from, to, interval, i18n.language],
    queryFn: () => resultsApi.indicators({ from, to, interval }),
    enabled: ok,
  });
  const search = window.location.search;
  // The cumulative value counts from the programme's first day: its first quarter's start.
  const quarters = useProgrammeQuarters();
  const start = quarters.items[quarters.items.length - 1]?.from ?? '';

  return (
    <>
      <PageHeader title={t('results:dashboard.title')} description={t('results:dashboard.description')} />
      <Paper withBorder p="md" mb="md">
        <PeriodPicker filters={params} />
      </Paper>
      {!ok ? null : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Paper withBorder><EmptyState title={t('results:dashboard.empty')} /></Paper>
      ) : (
        <Stack gap="lg">
          {groupByLevel(query.data.items).map((group) => (
            <Paper withBorder p="md" key={group.level}>
              <Title order={2} size="h4" mb="sm">{t('results:dashboard.level', { level: group.level })}</Title>
              <Table.ScrollContainer minWidth={760}>
                <Table striped highlightOnHover>
                  <Table.Caption>{t('results:dashboard.caption', { level: group.level, from: query.data.from, to: query.data.to })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('results:columns.code')}</Table.Th>
                      <Table.Th>{t('results:columns.indicator')}</Table.Th>
                      <Table.Th ta="right">{t('results:columns.value')}</Table.Th>
                      <Table.Th ta="right">{t('results:columns.cumulative')}</Table.Th>
                      <Table.Th ta="right">{t('results:columns.target')}</Table.Th>
                      <Table.Th>{t('results:columns.achieved')}</Table.Th>
                      <Table.Th visibleFrom="md">{t('results:columns.trend')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.items.map((item) => <IndicatorRow key={item.code} item={item} from={query.data.from} to={query.data.to} start={start} search={search} />)}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
