// Who was counted: sex and age, nationalities, and the share of vulnerable persons.
import { useMemo } from 'react';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FlowComposition } from '@taama/core';
import { EChart } from '../../../components/charts/EChart';
import { EmptyState } from '../../../components/States';
import { countsLink } from '../links';
import { useCountryName } from '../shared';
import { share, shareTable, topWithOther } from './chartData';

const SEX_AGE = ['men', 'women', 'boys', 'girls', 'sexAgeUnknown'] as const;
const VULNERABLE = ['childrenUnder5', 'unaccompaniedChildren', 'pregnantWomen', 'elderly60plus', 'personsWithDisability'] as const;
const TOP_NATIONALITIES = 10;

interface CompositionProps {
  stats: FlowComposition;
  filters: { from?: string; to?: string; fmpId?: string; direction?: string };
  /** The status the linked counts list shows (validated, or any when the dashboard shows all). */
  status?: string;
}

/** The three composition charts side by side. */
export function CompositionCharts({ stats, filters, status }: CompositionProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const country = useCountryName();
  const link = countsLink({ ...filters, status });
  const header = useMemo(() => [t('flows:dashboard.category'), t('flows:dashboard.persons'), t('flows:dashboard.sharePct')] as const, [t]);
  const empty = stats.total === 0 ? <EmptyState title={t('flows:dashboard.noData')} /> : undefined;

  const sexAge = useMemo(() => {
    const entries = SEX_AGE.map((key) => ({ key, label: t(`flows:fields.${key}`), count: stats.sexAge[key] }));
    return {
      table: shareTable(entries, stats.total, header),
      option: {
        tooltip: { trigger: 'item', formatter: '{b} : {c} ({d} %)' },
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['40%', '70%'], data: entries.map((e) => ({ name: e.label, value: e.count })), label: { show: false } }],
      },
    };
  }, [stats, t, header]);

  const nationalities = useMemo(() => {
    const top = topWithOther(stats.nationalities.map((n) => ({ key: n.country, count: n.count })), TOP_NATIONALITIES, t('flows:dashboard.others'));
    const entries = top.map((n) => ({ label: n.label ?? `${country(n.key)} (${n.key})`, count: n.count }));
    return {
      table: shareTable(entries, stats.total, header),
      option: {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', axisLabel: { hideOverlap: true }, splitNumber: 3 },
        yAxis: { type: 'category', data: entries.map((e) => e.label).reverse() },
        series: [{ type: 'bar', data: entries.map((e) => e.count).reverse(), name: t('flows:dashboard.persons') }],
      },
    };
  }, [stats, t, country, header]);

  const vulnerable = useMemo(() => {
    const entries = VULNERABLE.map((key) => ({ label: t(`flows:fields.${key}`), count: stats.vulnerable[key] ?? 0 }));
    return {
      table: shareTable(entries, stats.total, header),
      option: {
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} %` },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: '{value} %', hideOverlap: true }, splitNumber: 3 },
        yAxis: { type: 'category', data: entries.map((e) => e.label).reverse() },
        series: [{ type: 'bar', data: entries.map((e) => share(e.count, stats.total) ?? 0).reverse(), name: t('flows:dashboard.sharePct') }],
      },
    };
  }, [stats, t, header]);

  const countLink = (_row: number, column: number) => (column === 1 ? link : undefined);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <EChart title={t('flows:dashboard.sexAgeTitle')} option={sexAge.option} table={sexAge.table} cellLink={countLink} onItemClick={() => void navigate(link)} empty={empty} height={280} />
      <EChart title={t('flows:dashboard.nationalitiesTitle')} option={nationalities.option} table={nationalities.table} cellLink={countLink} onItemClick={() => void navigate(link)} empty={empty} height={280} />
      <EChart
        title={t('flows:dashboard.vulnerableTitle')}
        description={t('flows:dashboard.vulnerableDescription')}
        option={vulnerable.option}
        table={vulnerable.table}
        cellLink={countLink}
        onItemClick={() => void navigate(link)}
        empty={empty}
        height={280}
      />
    </SimpleGrid>
  );
}
