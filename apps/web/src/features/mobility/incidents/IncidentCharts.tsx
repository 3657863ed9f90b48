// The incident aggregates: per corridor, per border post (table and map) and per month (trend).
// Every count opens the incidents behind it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MobilityDashboard } from '@taama/core';
import { EChart } from '../../../components/charts/EChart';
import { PointMap } from '../../../components/maps/PointMap';
import { EmptyState } from '../../../components/States';
import { monthRange, within } from '../../awareness/links';
import { useMobilityLabel } from '../shared';

/** The incidents list filtered as given. */
export function incidentsLink(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const search = params.toString();
  return `/mobility/incidents${search ? `?${search}` : ''}`;
}

/** Rows of a keyed count (core types their key loosely): the key as text, the count as a number. */
export function keyedCounts(rows: readonly Record<string, string | number>[], key: string): { key: string; count: number }[] {
  return rows.map((row) => ({ key: String(row[key] ?? ''), count: Number(row.count ?? 0) }));
}

interface ChartsProps {
  incidents: MobilityDashboard['incidents'];
  period: { from?: string; to?: string };
}

/** Incidents per month. */
export function IncidentTrend({ incidents, period }: ChartsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const byMonth = useMemo(() => keyedCounts(incidents.byMonth, 'month'), [incidents.byMonth]);
  const months = byMonth.map((m) => m.key);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 16, right: 16, top: 16, bottom: 16, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('mobility:incidents.count'), type: 'line', areaStyle: { opacity: 0.15 }, data: byMonth.map((m) => m.count) }],
    }),
    [byMonth, months, t],
  );
  const linkFor = (month: string | undefined) => {
    const range = month ? monthRange(month) : undefined;
    return range ? incidentsLink(within(range, period)) : undefined;
  };
  return (
    <EChart
      title={t('mobility:incidents.trendTitle')}
      option={option}
      height={260}
      table={{ header: [t('mobility:incidents.month'), t('mobility:incidents.count')], rows: byMonth.map((m) => [m.key, m.count]) }}
      cellLink={(row) => linkFor(months[row])}
      onItemClick={(click) => {
        const to = linkFor(click.name);
        if (to) void navigate(to);
      }}
      empty={months.length === 0 ? <EmptyState title={t('mobility:incidents.noData')} /> : undefined}
    />
  );
}

/** Incidents per corridor. */
export function IncidentsByCorridor({ incidents, period }: ChartsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useMobilityLabel();
  const rows = useMemo(() => keyedCounts(incidents.byCorridor, 'corridor').sort((a, b) => b.count - a.count), [incidents.byCorridor]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 16, right: 16, top: 16, bottom: 16, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => label('corridor', r.key)) },
      series: [{ name: t('mobility:incidents.count'), type: 'bar', data: rows.map((r) => r.count) }],
    }),
    [rows, label, t],
  );
  const linkFor = (corridor: string | undefined) => (corridor ? incidentsLink({ ...period, corridor }) : undefined);
  return (
    <EChart
      title={t('mobility:incidents.byCorridorTitle')}
      option={option}
      height={300}
      table={{ header: [t('mobility:incidents.fields.corridor'), t('mobility:incidents.count')], rows: rows.map((r) => [label('corridor', r.key), r.count]) }}
      cellLink={(row) => linkFor(rows[row]?.key)}
      onItemClick={(click) => {
        const to = linkFor(rows[click.dataIndex ?? -1]?.key);
        if (to) void navigate(to);
      }}
      empty={rows.length === 0 ? <EmptyState title={t('mobility:incidents.noData')} /> : undefined}
    />
  );
}

/** Incidents per border post, on a map (posts with coordinates) and in its table. */
export function IncidentsMap({ incidents, period }: ChartsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const linkFor = (borderPostId: string) => incidentsLink({ ...period, borderPostId });
  return (
    <PointMap
      title={t('mobility:incidents.mapTitle')}
      description={t('mobility:incidents.mapDescription')}
      points={incidents.byBorderPost.flatMap((p) => (p.lat === null || p.lon === null ? [] : [{ id: p.borderPostId, name: p.name, lat: p.lat, lon: p.lon, value: p.count }]))}
      valueLabel={t('mobility:incidents.count')}
      linkFor={linkFor}
      onSelect={(id) => void navigate(linkFor(id))}
    />
  );
}
