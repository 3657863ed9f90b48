// The reintegration dashboard: the status funnel from eligible to completed, RSS score
// distributions, assistance by type (planned vs disbursed), cases by region of return on the map,
// and what is overdue; every count links to the caseload filtered to the cases behind it.
import { useMemo } from 'react';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatNumber } from '../../../app/format';
import { EChart } from '../../../components/charts/EChart';
import { BoundaryMap } from '../../../components/maps/BoundaryMap';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { reintegrationApi, reintegrationKeys } from '../api';
import { UnverifiedNotice } from '../shared';
import { RSS_SCORE_KEYS, type ReintegrationDashboard, type RssSummary } from '../types';
import { binLabels, funnelRows, histogramTable } from './chartData';
import { ChangeTable } from './ChangeTable';

const FILTERS = ['from', 'to'] as const;

/** One count of the dashboard, as a link to the cases behind it. */
function Stat({ label, value, to }: { label: string; value: number; to: string }) {
  const { i18n } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Anchor component={Link} to={to} underline="hover" c="inherit" aria-label={`${label} : ${value}`}>
        <Text size="sm" c="dimmed">{label}</Text>
        <Text fz={32} fw={700} c={value > 0 ? 'red' : undefined}>{formatNumber(value, i18n.language)}</Text>
      </Anchor>
    </Card>
  );
}

/** The funnel chart: cases per status, a click opens them. */
function Funnel({ data }: { data: ReintegrationDashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = useMemo(() => funnelRows(data.funnel), [data.funnel]);
  const label = (s: string) => t(`reintegration:enum.status.${s}`);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 16, right: 16, top: 16, bottom: 16, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => t(`reintegration:enum.status.${r.status}`)) },
      series: [{ type: 'bar', data: rows.map((r) => r.count), name: t('reintegration:dashboard.cases') }],
    }),
    [rows, t],
  );
  return (
    <EChart
      title={t('reintegration:dashboard.funnel')}
      option={option}
      table={{ header: [t('reintegration:cases.columns.status'), t('reintegration:dashboard.cases')], rows: rows.map((r) => [label(r.status), r.count]) }}
      cellLink={(row, column) => (column === 1 ? `/reintegration/cases?status=${rows[row]?.status ?? ''}` : undefined)}
      onItemClick={(click) => {
        const status = rows[click.dataIndex ?? -1]?.status;
        if (status) void navigate(`/reintegration/cases?status=${status}`);
      }}
    />
  );
}

/** Assistance by type: planned against disbursed XOF. */
function AssistanceByType({ data }: { data: ReintegrationDashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The cases behind a type: those with a non-cancelled item of it (a case may hold several items).
  const caseload = (row: number) => {
    const type = data.assistanceByType[row]?.type;
    return type ? `/reintegration/cases?assistanceType=${type}` : undefined;
  };
  const rows = data.assistanceByType;
  const types = rows.map((r) => t(`reintegration:enum.assistanceType.${r.type}`));
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: types },
      series: [
        { type: 'bar', name: t('reintegration:dashboard.planned'), data: rows.map((r) => r.plannedXof) },
        { type: 'bar', name: t('reintegration:dashboard.disbursed'), data: rows.map((r) => r.disbursedXof) },
      ],
    }),
    [rows, types, t],
  );
  return (
    <EChart
      title={t('reintegration:dashboard.assistanceByType')}
      description={t('reintegration:dashboard.xofNote')}
      option={option}
      height={Math.max(240, rows.length * 36)}
      table={{
        header: [t('reintegration:plan.type'), t('reintegration:plan.dimension'), t('reintegration:dashboard.items'), t('reintegration:dashboard.planned'), t('reintegration:dashboard.disbursed')],
        rows: rows.map((r, i) => [types[i] ?? r.type, t(`reintegration:enum.dimension.${r.dimension}`), r.count, r.plannedXof, r.disbursedXof]),
      }}
      cellLink={(row, column) => (column === 0 || column === 2 ? caseload(row) : undefined)}
      onItemClick={(click) => {
        const to = caseload(click.dataIndex ?? -1);
        if (to) void navigate(to);
      }}
      empty={rows.length === 0 ? <EmptyState title={t('reintegration:dashboard.noAssistance')} /> : undefined}
    />
  );
}

/** RSS score distributions: one histogram per score. */
function RssDistributions({ summary, linked }: { summary: RssSummary; linked: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A composite bar is the returnees whose latest result falls in the bin; the caseload filters on the
  // latest result of all time, so the link is offered only when the dashboard has no period.
  const composite = RSS_SCORE_KEYS.indexOf('composite');
  const caseload = (bin: number) => (linked && bin >= 0 && bin < 10 ? `/reintegration/cases?composite=${bin / 10}-${(bin + 1) / 10}` : undefined);
  const names = RSS_SCORE_KEYS.map((k) => t(`reintegration:enum.score.${k}`));
  const series = RSS_SCORE_KEYS.map((k) => summary.distributions[k] ?? []);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: binLabels() },
      yAxis: { type: 'value' },
      series: series.map((data, i) => ({ type: 'bar', name: names[i], data })),
    }),
    [series, names],
  );
  const total = series.reduce((sum, s) => sum + s.reduce((a, b) => a + b, 0), 0);
  return (
    <Stack gap="xs">
      <UnverifiedNotice status={summary.instrumentStatus} />
      <EChart
        title={t('reintegration:dashboard.rssDistributions')}
        description={t('reintegration:dashboard.rssDescription')}
        option={option}
        table={histogramTable([t('reintegration:dashboard.bin'), ...names], series)}
        cellLink={(row, column) => (column === composite + 1 ? caseload(row) : undefined)}
        onItemClick={(click) => {
          const to = click.seriesName === names[composite] ? caseload(click.dataIndex ?? -1) : undefined;
          if (to) void navigate(to);
        }}
        empty={total === 0 ? <EmptyState title={t('reintegration:dashboard.noRss')} /> : undefined}
      />
    </Stack>
  );
}

/** The dashboard page. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters(FILTERS);
  const range = { from: filters.values.from || undefined, to: filters.values.to || undefined };
  const dashboard = useQuery({ queryKey: [...reintegrationKeys.dashboard, range], queryFn: () => reintegrationApi.dashboard(range) });
  const rss = useQuery({ queryKey: [...reintegrationKeys.dashboard, 'rss', range], queryFn: () => reintegrationApi.rssSummary(range) });
  const d = dashboard.data;
  return (
    <>
      <PageHeader
        title={t('reintegration:dashboard.title')}
        description={t('reintegration:dashboard.description')}
        actions={
          <Group gap="xs" align="flex-end">
            <TextInput type="date" label={t('reintegration:dashboard.from')} value={filters.values.from} onChange={(e) => filters.set('from', e.currentTarget.value)} w={160} />
            <TextInput type="date" label={t('reintegration:dashboard.to')} value={filters.values.to} onChange={(e) => filters.set('to', e.currentTarget.value)} w={160} />
          </Group>
        }
      />
      {dashboard.isPending ? (
        <LoadingState />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        d && (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Stat label={t('reintegration:dashboard.plansOverdue')} value={d.plansOverdue} to="/reintegration/cases?overduePlan=true" />
              <Stat label={t('reintegration:dashboard.visitsOverdue')} value={d.visitsOverdue} to="/reintegration/cases?overdueVisit=true" />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Funnel data={d} />
              <BoundaryMap
                title={t('reintegration:dashboard.byRegion')}
                values={d.byRegion.map((r) => ({ pcode: r.pcode, total: r.count }))}
                valueLabel={t('reintegration:dashboard.cases')}
                linkFor={(pcode) => `/reintegration/cases?regionPcode=${pcode}`}
              />
            </SimpleGrid>
            <AssistanceByType data={d} />
            {rss.data ? (
              <>
                <RssDistributions summary={rss.data} linked={!range.from && !range.to} />
                <ChangeTable summary={rss.data} />
              </>
            ) : rss.isError ? <ErrorState error={rss.error} onRetry={() => void rss.refetch()} /> : <LoadingState />}
          </Stack>
        )
      )}
    </>
  );
}
