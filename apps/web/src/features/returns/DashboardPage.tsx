// The returns dashboard: cases by status, vulnerable groups, expiring documents, departures by month
// and arrivals by region; every number leads to the records behind it.
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatNumber } from '../../app/format';
import { EChart } from '../../components/charts/EChart';
import { BoundaryMap } from '../../components/maps/BoundaryMap';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { returnsApi, returnsKeys } from './api';
import { monthEnd } from './logic';
import { withFilters } from './shared';
import type { ReturnsDashboard } from './types';

/** A number with its label, linking to its list. */
function Stat({ label, value, to }: { label: string; value: number; to?: string }) {
  const { i18n } = useTranslation();
  const body = (
    <>
      <Text size="xl" fw={700}>{formatNumber(value, i18n.language)}</Text>
      <Text size="sm" c="dimmed">{label}</Text>
    </>
  );
  // Without a list that filters exactly on what it counts, a number is shown without a link.
  return (
    <Paper withBorder p="md">
      {to ? <Anchor component={Link} to={to} underline="hover" aria-label={`${label} : ${value}`}>{body}</Anchor> : body}
    </Paper>
  );
}

/** Departures per month, inbound and outbound. */
function DeparturesChart({ data }: { data: ReturnsDashboard['departedByMonth'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inbound = t('returns:enum.direction.inbound');
  const outbound = t('returns:enum.direction.outbound');
  // The people who departed in a month travelled on the movements that departed that month.
  const link = (row: number, direction: string) => {
    const month = data[row]?.month;
    return month ? withFilters('/returns/movements', { direction, from: `${month}-01`, to: monthEnd(month) }) : undefined;
  };
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => d.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: inbound, type: 'bar', stack: 'total', data: data.map((d) => d.inbound) },
      { name: outbound, type: 'bar', stack: 'total', data: data.map((d) => d.outbound) },
    ],
  };
  return (
    <EChart
      title={t('returns:dashboard.departures')}
      description={t('returns:dashboard.departuresHint')}
      option={option}
      table={{ header: [t('returns:dashboard.month'), inbound, outbound], rows: data.map((d) => [d.month, d.inbound, d.outbound]) }}
      cellLink={(row, column) => (column === 1 ? link(row, 'inbound') : column === 2 ? link(row, 'outbound') : undefined)}
      onItemClick={(click) => {
        const to = click.dataIndex === undefined ? undefined : link(click.dataIndex, click.seriesName === outbound ? 'outbound' : 'inbound');
        if (to) void navigate(to);
      }}
      empty={data.length === 0 ? <EmptyState title={t('returns:dashboard.noDepartures')} /> : undefined}
    />
  );
}

/** The dashboard page. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: returnsKeys.dashboard, queryFn: () => returnsApi.dashboard({}) });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  return (
    <>
      <PageHeader title={t('returns:dashboard.title')} description={t('returns:dashboard.description')} />
      <Stack gap="lg">
        <section aria-label={t('returns:dashboard.byStatus')}>
          <Title order={2} size="h4" mb="sm">{t('returns:dashboard.byStatus')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing="sm">
            {d.byStatus.map((s) => <Stat key={s.status} label={t(`returns:enum.status.${s.status}`)} value={s.count} to={withFilters('/returns/cases', { status: s.status })} />)}
          </SimpleGrid>
        </section>
        <section aria-label={t('returns:dashboard.attention')}>
          <Title order={2} size="h4" mb="sm">{t('returns:dashboard.attention')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
            <Stat label={t('returns:dashboard.expiring')} value={d.expiringDocuments} to="/returns/documents" />
            {/* Counted among open cases, as the list filtered on open cases shows them. */}
            <Stat label={t('returns:dashboard.unaccompanied')} value={d.vulnerable.unaccompaniedChildren} to={withFilters('/returns/cases', { open: 'true', unaccompaniedChild: 'true' })} />
            <Stat label={t('returns:dashboard.minors')} value={d.vulnerable.minors} to={withFilters('/returns/cases', { open: 'true', ageGroup: 'child' })} />
            <Stat label={t('returns:dashboard.women')} value={d.vulnerable.women} to={withFilters('/returns/cases', { open: 'true', sex: 'female' })} />
            <Stat label={t('returns:dashboard.medical')} value={d.vulnerable.medical} to={withFilters('/returns/cases', { open: 'true', medical: 'true' })} />
            {d.byDirection.map((x) => <Stat key={x.direction} label={t(`returns:enum.direction.${x.direction}`)} value={x.count} to={withFilters('/returns/cases', { direction: x.direction })} />)}
          </SimpleGrid>
        </section>
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          <DeparturesChart data={d.departedByMonth} />
          <BoundaryMap
            title={t('returns:dashboard.arrivalsMap')}
            description={t('returns:dashboard.arrivalsMapHint')}
            values={d.arrivalsByRegion.map((r) => ({ pcode: r.pcode, total: r.count }))}
            valueLabel={t('returns:dashboard.arrivals')}
            linkFor={(pcode) => withFilters('/returns/cases', { regionPcode: pcode, arrived: 'true' })}
          />
        </SimpleGrid>
      </Stack>
    </>
  );
}
