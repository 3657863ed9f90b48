// /flows: the flows dashboard. Filters in the URL; trends, origin–destination flows, composition,
// maps of points and regions of departure, and survey reasons. Every number leads to its records.
import { useCallback, useMemo } from 'react';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FLOW_DIRECTIONS } from '@taama/core';
import { formatNumber } from '../../../app/format';
import { BoundaryMap } from '../../../components/maps/BoundaryMap';
import { PointMap } from '../../../components/maps/PointMap';
import { PageHeader } from '../../../components/PageHeader';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { flowKeys, flowsApi, type StatsFilters } from '../api';
import { codeOf, countsLink, type Interval } from '../links';
import { useCountryName } from '../shared';
import { ChartGate } from './ChartGate';
import { CompositionCharts } from './CompositionCharts';
import { DASHBOARD_KEYS, DashboardFilters } from './DashboardFilters';
import { OdSankey } from './OdSankey';
import { ReasonsTable } from './ReasonsTable';
import { TrendChart } from './TrendChart';

const INTERVALS: readonly Interval[] = ['day', 'week', 'month'];

/** The dashboard page. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const filters = useUrlFilters(DASHBOARD_KEYS);
  const { values } = filters;
  const interval: Interval = INTERVALS.find((i) => i === values.interval) ?? 'month';
  const kind = values.chart === 'bar' ? 'bar' : 'line';
  const stats: StatsFilters = useMemo(
    () => ({
      from: values.from || undefined,
      to: values.to || undefined,
      fmpId: values.fmpId || undefined,
      direction: codeOf(FLOW_DIRECTIONS, values.direction),
      nationality: values.nationality || undefined,
      status: values.status === 'all' ? ('all' as const) : undefined,
    }),
    [values.from, values.to, values.fmpId, values.direction, values.nationality, values.status],
  );
  const listFilters = { from: stats.from, to: stats.to, fmpId: stats.fmpId, direction: stats.direction };
  // The counts behind a number: validated ones, unless the dashboard shows every status.
  const status = stats.status === 'all' ? undefined : 'validated';
  const options = { placeholderData: keepPreviousData };
  const key = (name: string, ...extra: string[]) => [...flowKeys.stats, name, stats, ...extra];

  const trends = useQuery({ queryKey: key('trends', interval), queryFn: () => flowsApi.trends(stats, interval), ...options });
  const od = useQuery({ queryKey: key('od'), queryFn: () => flowsApi.od(stats), ...options });
  const composition = useQuery({ queryKey: key('composition'), queryFn: () => flowsApi.composition(stats), ...options });
  const points = useQuery({ queryKey: key('points'), queryFn: () => flowsApi.pointStats(stats), ...options });
  const regions = useQuery({ queryKey: key('regions'), queryFn: () => flowsApi.regions(stats), ...options });
  const byNationality = useQuery({ queryKey: key('reasons', 'nationality'), queryFn: () => flowsApi.reasons(stats, 'nationality'), ...options });
  const byRegion = useQuery({ queryKey: key('reasons', 'region'), queryFn: () => flowsApi.reasons(stats, 'region'), ...options });

  const country = useCountryName();
  const regionName = useCallback((pcode: string) => t(`flows:regions.${pcode}`, { defaultValue: pcode }), [t]);
  const pointLink = (fmpId: string) => countsLink({ ...listFilters, fmpId, status });
  // The counts list has no region filter: its search finds counts by place code.
  const regionLink = (pcode: string) => countsLink({ ...listFilters, q: pcode, status });
  // The surveys list filters by nationality (not by region of departure).
  const surveysLink = (nationality: string) => {
    const params = new URLSearchParams();
    if (stats.from) params.set('from', stats.from);
    if (stats.to) params.set('to', stats.to);
    if (stats.fmpId) params.set('fmpId', stats.fmpId);
    params.set('nationality', nationality);
    return `/flows/surveys?${params.toString()}`;
  };

  const total = composition.data?.total;
  return (
    <>
      <PageHeader title={t('flows:dashboard.title')} description={t('flows:dashboard.description')} />
      <DashboardFilters filters={filters} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Group gap="xl">
            <Stack gap={0}>
              <Text size="sm" c="dimmed">
                {t('flows:dashboard.totalPersons')}
              </Text>
              {total === undefined ? (
                <Text size="xl" fw={700}>
                  …
                </Text>
              ) : (
                <Anchor component={Link} to={countsLink({ ...listFilters, status })} size="xl" fw={700} data-testid="dashboard-total">
                  {formatNumber(total, i18n.language)}
                </Anchor>
              )}
            </Stack>
            <Text size="sm" c="dimmed" maw="40rem">
              {stats.status === 'all' ? t('flows:dashboard.allStatuses') : t('flows:dashboard.validatedOnly')}
            </Text>
          </Group>
        </Paper>
        <ChartGate title={t('flows:dashboard.trendTitle', { interval: t(`flows:dashboard.intervals.${interval}`).toLowerCase() })} query={trends}>
          {(data) => <TrendChart stats={data} interval={interval} kind={kind} filters={listFilters} status={status} />}
        </ChartGate>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <ChartGate title={t('flows:dashboard.odTitle')} query={od}>
            {(data) => <OdSankey stats={data} filters={listFilters} status={status} />}
          </ChartGate>
          <ChartGate title={t('flows:dashboard.pointsMapTitle')} query={points}>
            {(data) => (
              <PointMap
                title={t('flows:dashboard.pointsMapTitle')}
                description={t('flows:dashboard.pointsMapDescription')}
                points={data.items.flatMap((p) => (p.lat === null || p.lon === null ? [] : [{ id: p.fmpId, name: p.name, lat: p.lat, lon: p.lon, value: p.total }]))}
                valueLabel={t('flows:dashboard.persons')}
                linkFor={pointLink}
                onSelect={(id) => void navigate(pointLink(id))}
              />
            )}
          </ChartGate>
        </SimpleGrid>
        <ChartGate title={t('flows:dashboard.sexAgeTitle')} query={composition}>
          {(data) => <CompositionCharts stats={data} filters={listFilters} status={status} />}
        </ChartGate>
        <ChartGate title={t('flows:dashboard.regionsMapTitle')} query={regions}>
          {(data) => (
            <BoundaryMap
              title={t('flows:dashboard.regionsMapTitle')}
              description={t('flows:dashboard.regionsMapDescription')}
              values={data.items}
              valueLabel={t('flows:dashboard.persons')}
              linkFor={regionLink}
              onSelect={(pcode) => void navigate(regionLink(pcode))}
            />
          )}
        </ChartGate>
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          <ChartGate title={t('flows:dashboard.reasonsNationalityTitle')} query={byNationality}>
            {(data) => <ReasonsTable title={t('flows:dashboard.reasonsNationalityTitle')} stats={data} by="nationality" groupLabel={country} surveysLink={surveysLink} />}
          </ChartGate>
          <ChartGate title={t('flows:dashboard.reasonsRegionTitle')} query={byRegion}>
            {(data) => <ReasonsTable title={t('flows:dashboard.reasonsRegionTitle')} stats={data} by="region" groupLabel={regionName} />}
          </ChartGate>
        </SimpleGrid>
      </Stack>
    </>
  );
}
