// The dashboard's charts: people reached over time against the target, reach by activity type, by
// region and by sex and age. Each chart's table links its numbers to the activities behind them.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EChart } from '../../../components/charts/EChart';
import { EmptyState } from '../../../components/States';
import type { AwarenessDashboard } from '../api';
import { activitiesLink, communitiesLink, monthRange, within, type ActivityFilters } from '../links';
import { useEnumLabel, useRegionName } from '../shared';

interface ChartProps {
  data: AwarenessDashboard;
  /** The dashboard's filters, carried into every link. */
  filters: ActivityFilters;
}

/** Monthly and cumulative people reached, with the target as a dashed line. */
export function ReachOverTime({ data, filters }: ChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const target = data.targets.peopleReached;
  const months = data.byMonth.map((m) => m.month);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: { type: 'value', max: (value: { max: number }) => Math.max(value.max, target) },
      series: [
        { name: t('awareness:dashboard.cumulative'), type: 'line', data: data.byMonth.map((m) => m.cumulative), areaStyle: { opacity: 0.2 } },
        { name: t('awareness:dashboard.monthly'), type: 'bar', data: data.byMonth.map((m) => m.reached) },
        { name: t('awareness:dashboard.target', { value: target }), type: 'line', data: months.map(() => target), lineStyle: { type: 'dashed', color: '#e8590c' }, itemStyle: { color: '#e8590c' }, showSymbol: false },
      ],
    }),
    [data.byMonth, months, target, t],
  );
  const linkFor = (month: string | undefined) => {
    const range = month ? monthRange(month) : undefined;
    return range ? activitiesLink({ ...filters, ...within(range, filters) }) : undefined;
  };
  const title = t('awareness:dashboard.overTimeTitle');
  return (
    <EChart
      title={title}
      description={t('awareness:dashboard.overTimeDescription')}
      option={option}
      table={{ header: [t('awareness:dashboard.month'), t('awareness:dashboard.monthly'), t('awareness:dashboard.cumulative')], rows: data.byMonth.map((m) => [m.month, m.reached, m.cumulative]) }}
      cellLink={(row) => linkFor(months[row])}
      onItemClick={(click) => {
        const to = linkFor(click.name);
        if (to) void navigate(to);
      }}
      empty={months.length === 0 ? <EmptyState title={t('awareness:dashboard.noData')} /> : undefined}
    />
  );
}

/** Activities, people reached and estimated audiences by activity type. */
export function ReachByType({ data, filters }: ChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useEnumLabel();
  const rows = data.byType;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => label('activityType', r.type)) },
      series: [
        { name: t('awareness:dashboard.reached'), type: 'bar', data: rows.map((r) => r.reached) },
        { name: t('awareness:dashboard.estimated'), type: 'bar', data: rows.map((r) => r.estimated), itemStyle: { color: '#adb5bd' } },
      ],
    }),
    [rows, label, t],
  );
  const linkFor = (type: string | undefined) => (type ? activitiesLink({ ...filters, type }) : undefined);
  return (
    <EChart
      title={t('awareness:dashboard.byTypeTitle')}
      description={t('awareness:dashboard.byTypeDescription')}
      option={option}
      height={360}
      table={{
        header: [t('awareness:dashboard.type'), t('awareness:dashboard.activities'), t('awareness:dashboard.reached'), t('awareness:dashboard.estimated')],
        rows: rows.map((r) => [label('activityType', r.type), r.activities, r.reached, r.estimated]),
      }}
      cellLink={(row) => linkFor(rows[row]?.type)}
      onItemClick={(click) => {
        const to = linkFor(rows[click.dataIndex ?? -1]?.type);
        if (to) void navigate(to);
      }}
      empty={rows.length === 0 ? <EmptyState title={t('awareness:dashboard.noData')} /> : undefined}
    />
  );
}

/** People reached and communities reached by region. */
export function ReachByRegion({ data, filters }: ChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const regionName = useRegionName();
  const rows = data.byRegion;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 16, right: 16, top: 16, bottom: 16, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => regionName(r.pcode)) },
      yAxis: { type: 'value' },
      series: [{ name: t('awareness:dashboard.reached'), type: 'bar', data: rows.map((r) => r.reached) }],
    }),
    [rows, regionName, t],
  );
  const activities = (pcode: string | undefined) => (pcode ? activitiesLink({ ...filters, regionPcode: pcode }) : undefined);
  return (
    <EChart
      title={t('awareness:dashboard.byRegionTitle')}
      option={option}
      table={{ header: [t('awareness:dashboard.region'), t('awareness:dashboard.reached'), t('awareness:dashboard.communities')], rows: rows.map((r) => [regionName(r.pcode), r.reached, r.communities]) }}
      cellLink={(row, column) => {
        const pcode = rows[row]?.pcode;
        if (!pcode) return undefined;
        return column === 2 ? communitiesLink({ regionPcode: pcode, reached: 'true' }) : activities(pcode);
      }}
      onItemClick={(click) => {
        const to = activities(rows[click.dataIndex ?? -1]?.pcode);
        if (to) void navigate(to);
      }}
      empty={rows.length === 0 ? <EmptyState title={t('awareness:dashboard.noData')} /> : undefined}
    />
  );
}

/** Counted reach split by sex and age group. */
export function SexAgeSplit({ data, filters }: ChartProps) {
  const { t } = useTranslation();
  const cells = (['men', 'women', 'boys', 'girls'] as const).map((cell) => ({ cell, value: data.sexAge[cell] }));
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '70%'], data: cells.map((c) => ({ name: t(`awareness:reach.${c.cell}`), value: c.value })) }],
    }),
    [cells, t],
  );
  const total = cells.reduce((sum, c) => sum + c.value, 0);
  return (
    <EChart
      title={t('awareness:dashboard.sexAgeTitle')}
      description={t('awareness:dashboard.sexAgeDescription')}
      option={option}
      table={{ header: [t('awareness:dashboard.group'), t('awareness:dashboard.reached')], rows: cells.map((c) => [t(`awareness:reach.${c.cell}`), c.value]) }}
      cellLink={() => activitiesLink(filters)}
      empty={total === 0 ? <EmptyState title={t('awareness:dashboard.noData')} /> : undefined}
    />
  );
}
