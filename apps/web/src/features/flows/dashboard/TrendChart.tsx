// Persons counted per period and direction (line or bar); a click on a point opens the counts of
// that period, point and direction.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FlowTrends } from '@taama/core';
import { EChart } from '../../../components/charts/EChart';
import { EmptyState } from '../../../components/States';
import { countsLink, intersect, periodRange, type Interval } from '../links';
import { trendData } from './chartData';

interface TrendChartProps {
  stats: FlowTrends;
  interval: Interval;
  kind: 'line' | 'bar';
  filters: { from?: string; to?: string; fmpId?: string; direction?: string };
  /** The status the linked counts list shows (validated, or any when the dashboard shows all). */
  status?: string;
}

/** The trend chart. */
export function TrendChart({ stats, interval, kind, filters, status }: TrendChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const direction = useCallback((code: string) => t(`flows:enums.direction.${code}`, { defaultValue: code }), [t]);
  const data = useMemo(() => trendData(stats.items, t('flows:dashboard.period'), { direction, country: (c) => c }), [stats.items, t, direction]);

  const linkFor = (period: string | undefined, dir: string | undefined) => {
    const range = period ? periodRange(period, interval) : undefined;
    if (!range) return undefined;
    const within = intersect(range, filters);
    return countsLink({ ...within, fmpId: filters.fmpId, direction: dir ?? filters.direction, status });
  };

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: data.periods, boundaryGap: kind === 'bar' },
      yAxis: { type: 'value' },
      series: data.series.map((s) => ({ name: direction(s.direction), type: kind, stack: kind === 'bar' ? 'total' : undefined, data: s.values, smooth: false, showSymbol: data.periods.length < 60 })),
    }),
    [data, kind, direction],
  );

  const title = t('flows:dashboard.trendTitle', { interval: t(`flows:dashboard.intervals.${interval}`).toLowerCase() });
  return (
    <EChart
      title={title}
      description={t('flows:dashboard.trendDescription')}
      option={option}
      table={data.table}
      cellLink={(row, column) => (column > 0 ? linkFor(data.periods[row], data.directions[column - 1]) : undefined)}
      onItemClick={(click) => {
        const dir = data.series[data.directions.findIndex((d) => direction(d) === click.seriesName)]?.direction;
        const to = linkFor(click.name, dir);
        if (to) void navigate(to);
      }}
      empty={data.periods.length === 0 ? <EmptyState title={t('flows:dashboard.noData')} description={t('flows:dashboard.noDataHint')} /> : undefined}
    />
  );
}
