// Origin → destination countries as a Sankey diagram; a click opens the counts behind the flows.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FlowOd } from '@taama/core';
import { EChart } from '../../../components/charts/EChart';
import { EmptyState } from '../../../components/States';
import { countsLink } from '../links';
import { useCountryName } from '../shared';
import { sankeyData } from './chartData';

interface OdSankeyProps {
  stats: FlowOd;
  filters: { from?: string; to?: string; fmpId?: string; direction?: string };
  /** The status the linked counts list shows (validated, or any when the dashboard shows all). */
  status?: string;
}

// More links than this make a Sankey unreadable: the rest stays in the table and the CSV.
const MAX_LINKS = 25;

/** The origin–destination chart. */
export function OdSankey({ stats, filters, status }: OdSankeyProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const country = useCountryName();
  const data = useMemo(
    () => sankeyData(stats.items, { origin: t('flows:dashboard.origin'), destination: t('flows:dashboard.destination'), total: t('flows:dashboard.persons') }, { direction: (d) => d, country }),
    [stats.items, t, country],
  );
  const option = useMemo(() => {
    const links = [...data.links].sort((a, b) => b.value - a.value).slice(0, MAX_LINKS);
    const used = new Set(links.flatMap((l) => [l.source, l.target]));
    return {
      tooltip: { trigger: 'item' },
      series: [{ type: 'sankey', data: data.nodes.filter((n) => used.has(n.name)), links, emphasis: { focus: 'adjacency' }, nodeGap: 10, lineStyle: { color: 'gradient', curveness: 0.5 }, label: { fontSize: 11 } }],
    };
  }, [data]);
  const link = () => countsLink({ ...filters, status });
  return (
    <EChart
      title={t('flows:dashboard.odTitle')}
      description={t('flows:dashboard.odDescription')}
      option={option}
      table={data.table}
      height={380}
      cellLink={(_row, column) => (column === 2 ? link() : undefined)}
      onItemClick={() => void navigate(link())}
      empty={data.links.length === 0 ? <EmptyState title={t('flows:dashboard.noData')} /> : undefined}
    />
  );
}
