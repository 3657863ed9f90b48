// /mobility: the free-movement dashboard — officials trained against the target, institutions
// strengthened, trainings by topic, equipment handed over, and the incidents on the corridors (trend,
// per corridor, per border post on a map). Every number leads to the records behind it.
import { useMemo } from 'react';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MobilityDashboard } from '@taama/core';
import { formatNumber } from '../../../app/format';
import { EChart } from '../../../components/charts/EChart';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { mobilityApi, mobilityKeys } from '../api';
import { IncidentsByCorridor, incidentsLink, IncidentsMap, IncidentTrend } from '../incidents/IncidentCharts';
import { TrainingCounters, useMobilityLabel } from '../shared';

const KEYS = ['from', 'to'] as const;

/** Trainings and completed trainees by topic. */
function TopicsChart({ data, period }: { data: MobilityDashboard; period: { from?: string; to?: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useMobilityLabel();
  const rows = data.trainingsByTopic;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => label('topic', r.topic)) },
      series: [
        { name: t('mobility:dashboard.trainings'), type: 'bar', data: rows.map((r) => r.trainings) },
        { name: t('mobility:dashboard.completed'), type: 'bar', data: rows.map((r) => r.completed) },
      ],
    }),
    [rows, label, t],
  );
  const linkFor = (topic: string | undefined) => {
    if (!topic) return undefined;
    const params = new URLSearchParams({ topic });
    if (period.from) params.set('from', period.from);
    if (period.to) params.set('to', period.to);
    return `/mobility/trainings?${params.toString()}`;
  };
  return (
    <EChart
      title={t('mobility:dashboard.topicsTitle')}
      option={option}
      height={300}
      table={{ header: [t('mobility:trainings.fields.topic'), t('mobility:dashboard.trainings'), t('mobility:dashboard.completed')], rows: rows.map((r) => [label('topic', r.topic), r.trainings, r.completed]) }}
      cellLink={(row) => linkFor(rows[row]?.topic)}
      onItemClick={(click) => {
        const to = linkFor(rows[click.dataIndex ?? -1]?.topic);
        if (to) void navigate(to);
      }}
      empty={rows.length === 0 ? <EmptyState title={t('mobility:dashboard.noTrainings')} /> : undefined}
    />
  );
}

/** The dashboard page. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const filters = useUrlFilters(KEYS);
  const period = { from: filters.values.from || undefined, to: filters.values.to || undefined };
  const query = useQuery({ queryKey: [...mobilityKeys.dashboard, period], queryFn: () => mobilityApi.dashboard(period), placeholderData: keepPreviousData });
  const n = (v: number) => formatNumber(v, i18n.language);
  const data = query.data;
  return (
    <>
      <PageHeader title={t('mobility:dashboard.title')} description={t('mobility:dashboard.description')} />
      <Group align="flex-end" gap="sm" mb="lg" role="search">
        <TextInput type="date" label={t('mobility:filters.from')} value={filters.values.from} onChange={(e) => filters.set('from', e.currentTarget.value)} />
        <TextInput type="date" label={t('mobility:filters.to')} value={filters.values.to} onChange={(e) => filters.set('to', e.currentTarget.value)} />
      </Group>
      {!data && query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <Stack gap="lg">
          <TrainingCounters data={data} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <Paper withBorder p="md" radius="md">
              <Text size="sm" c="dimmed">
                {t('mobility:dashboard.sexSplit')}
              </Text>
              <Text size="lg" fw={600}>
                {t('mobility:dashboard.sexSplitValue', { male: n(data.sexSplit.male), female: n(data.sexSplit.female) })}
              </Text>
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Text size="sm" c="dimmed">
                {t('mobility:dashboard.equipment')}
              </Text>
              <Anchor component={Link} to={`/mobility/equipment${period.from || period.to ? `?${new URLSearchParams(Object.entries(period).filter((e): e is [string, string] => Boolean(e[1]))).toString()}` : ''}`} size="lg" fw={700}>
                {t('mobility:dashboard.equipmentValue', { items: n(data.equipment.items), value: n(data.equipment.valueXof) })}
              </Anchor>
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Text size="sm" c="dimmed">
                {t('mobility:dashboard.incidents')}
              </Text>
              <Anchor component={Link} to={incidentsLink(period)} size="xl" fw={700} data-testid="incidents-total">
                {n(data.incidents.total)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('mobility:dashboard.amountDemanded', { value: n(data.incidents.amountDemandedXof) })}
              </Text>
            </Paper>
          </SimpleGrid>
          <TopicsChart data={data} period={period} />
          <IncidentTrend incidents={data.incidents} period={period} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <IncidentsByCorridor incidents={data.incidents} period={period} />
            <IncidentsMap incidents={data.incidents} period={period} />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
