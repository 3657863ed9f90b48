// Past publications: when, by whom, which filters, how many rows, the file's SHA-256, and the file
// itself again, byte for byte as published.
import { Anchor, Code } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Publication } from '@taama/core';
import { formatDateTime, formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { flowKeys, flowsApi, publicationUrl } from '../api';

/** The publications table. */
export function PublicationHistory() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: flowKeys.publications, queryFn: flowsApi.publications });
  const filtersText = (p: Publication) => {
    const f = p.filters;
    return [
      t(`flows:dashboard.intervals.${f.groupBy}`),
      f.from || f.to ? `${f.from ?? '…'} → ${f.to ?? '…'}` : '',
      f.fmpId ?? '',
      f.direction ? t(`flows:enums.direction.${f.direction}`) : '',
    ].filter(Boolean).join(' · ');
  };
  const columns: Column<Publication>[] = [
    { key: 'at', header: t('flows:openData.history.at'), render: (p) => formatDateTime(p.publishedAt, i18n.language) },
    { key: 'by', header: t('flows:openData.history.by'), render: (p) => p.publishedBy },
    { key: 'filters', header: t('flows:openData.history.filters'), render: filtersText },
    { key: 'rows', header: t('flows:openData.history.rows'), render: (p) => formatNumber(p.rows, i18n.language) },
    { key: 'sha', header: 'SHA-256', render: (p) => <Code title={p.sha256}>{p.sha256.slice(0, 12)}…</Code>, visibleFrom: 'md' },
    {
      key: 'file',
      header: t('flows:openData.history.file'),
      render: (p) => (
        <Anchor href={publicationUrl(p.id)} download>
          {t('flows:openData.history.download')}
        </Anchor>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('flows:openData.historyTitle')}
      columns={columns}
      rows={query.data?.items}
      rowKey={(p) => p.id}
      loading={query.isPending}
      fetching={query.isFetching}
      error={query.error}
      onRetry={() => void query.refetch()}
      emptyTitle={t('flows:openData.history.emptyTitle')}
      emptyDescription={t('flows:openData.history.emptyDescription')}
    />
  );
}
