// Past imports: who, when, which file and source, the mode, and what came of it.
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryItem } from '@taama/core';
import { formatDateTime, formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { flowKeys, flowsApi } from '../api';

/** The import history table. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: flowKeys.imports, queryFn: flowsApi.imports });
  const n = (value: number | null | undefined) => formatNumber(value, i18n.language);
  const columns: Column<ImportHistoryItem>[] = [
    { key: 'at', header: t('flows:import.history.at'), render: (item) => formatDateTime(item.startedAt, i18n.language) },
    { key: 'by', header: t('flows:import.history.by'), render: (item) => item.username ?? '—', visibleFrom: 'sm' },
    { key: 'file', header: t('flows:import.history.file'), render: (item) => item.fileName ?? '—' },
    { key: 'kind', header: t('flows:import.history.kind'), render: (item) => t(`flows:import.kinds.${item.kind}`), visibleFrom: 'md' },
    { key: 'source', header: t('flows:import.history.source'), render: (item) => item.source ?? '—', visibleFrom: 'md' },
    { key: 'mode', header: t('flows:import.history.mode'), render: (item) => <Badge variant="light">{t(`flows:import.modes.${item.mode}`)}</Badge> },
    { key: 'imported', header: t('flows:import.summary.imported'), render: (item) => n(item.imported) },
    { key: 'duplicates', header: t('flows:import.summary.duplicates'), render: (item) => n(item.duplicates), visibleFrom: 'sm' },
    { key: 'rejected', header: t('flows:import.summary.rejected'), render: (item) => n(item.rejected) },
  ];
  return (
    <DataTable
      caption={t('flows:import.history.title')}
      columns={columns}
      rows={query.data?.items}
      rowKey={(item) => item.id}
      loading={query.isPending}
      fetching={query.isFetching}
      error={query.error}
      onRetry={() => void query.refetch()}
      emptyTitle={t('flows:import.history.emptyTitle')}
      emptyDescription={t('flows:import.history.emptyDescription')}
    />
  );
}
