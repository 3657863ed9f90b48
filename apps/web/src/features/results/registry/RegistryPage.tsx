// The indicator registry (/results/registry, indicator.manage): every indicator with its level,
// mode, rule version and targets; each opens its editor.
import { Anchor, Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorDefinitionView } from '@taama/core';
import { formatNumber } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { DataTable, type Column } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { registryApi, registryKeys } from './api';

/** The registry list. */
export default function RegistryPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: registryKeys.list, queryFn: registryApi.list });
  const columns: Column<IndicatorDefinitionView>[] = [
    { key: 'code', header: t('results:columns.code'), render: (d) => <Anchor component={Link} to={`/results/registry/${encodeURIComponent(d.code)}`}>{d.code}</Anchor> },
    { key: 'title', header: t('results:columns.indicator'), render: (d) => d.title[currentLocale()] },
    { key: 'level', header: t('results:registry.level'), render: (d) => d.level, visibleFrom: 'sm' },
    { key: 'mode', header: t('results:registry.mode'), render: (d) => <Badge variant="light" size="sm">{t(`results:enum.mode.${d.computation.mode}`)}</Badge> },
    { key: 'version', header: t('results:registry.ruleVersion'), render: (d) => d.computation.version, visibleFrom: 'md' },
    { key: 'target', header: t('results:columns.target'), render: (d) => formatNumber(d.target, i18n.language) },
    { key: 'partner', header: t('results:registry.partner'), render: (d) => d.partner, visibleFrom: 'md' },
  ];
  return (
    <>
      <PageHeader title={t('results:registry.title')} description={t('results:registry.description')} />
      <DataTable
        caption={t('results:registry.title')}
        columns={columns}
        rows={query.data?.items}
        rowKey={(d) => d.code}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        emptyTitle={t('results:registry.empty')}
      />
    </>
  );
}
