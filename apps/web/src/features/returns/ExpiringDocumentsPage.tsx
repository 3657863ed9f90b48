// Issued travel documents of open cases that expire soon (30 days by default, or the window chosen),
// so they are renewed before the movement.
import { Anchor, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../components/DataTable';
import { ListToolbar } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../components/useCursorList';
import { formatDay, personName } from '../registry/shared';
import { returnsApi, returnsKeys } from './api';
import { ExpiryBadge } from './shared';
import type { ExpiringDocument } from './types';

const FILTERS = ['days'] as const;
const WINDOWS = ['7', '30', '60', '90'];

/** The expiring documents page. */
export default function ExpiringDocumentsPage() {
  const { t, i18n } = useTranslation();
  const list = useCursorList({
    filters: FILTERS,
    search: 'days',
    queryKey: returnsKeys.expiring,
    pageSize: 50,
    fetch: (f, page) => returnsApi.expiring({ days: Number(f.days || 30), ...page }),
  });
  const days = list.filters.values.days || '30';
  const columns: Column<ExpiringDocument>[] = [
    {
      key: 'case',
      header: t('returns:cases.columns.case'),
      render: (d) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/returns/cases/${d.returnCaseId}?tab=documents`} fw={600}>{d.caseNumber}</Anchor>
          <Text size="sm">{personName(d.person)}</Text>
        </Stack>
      ),
    },
    { key: 'type', header: t('returns:documents.type'), render: (d) => t(`returns:enum.documentType.${d.document.type}`) },
    { key: 'number', header: t('returns:documents.number'), render: (d) => d.document.number ?? '—' },
    { key: 'issued', header: t('returns:documents.issuedOn'), render: (d) => formatDay(d.document.issuedOn, i18n.language), visibleFrom: 'md' },
    {
      key: 'expires',
      header: t('returns:documents.expiresOn'),
      render: (d) => (
        <Group gap={6}>
          {formatDay(d.document.expiresOn, i18n.language)}
          <ExpiryBadge expiresOn={d.document.expiresOn} />
        </Group>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('returns:expiring.title')} description={t('returns:expiring.description')} />
      <DataTable
        {...list.table}
        caption={t('returns:expiring.title')}
        columns={columns}
        rowKey={(d) => d.document.id}
        emptyTitle={t('returns:expiring.empty', { count: Number(days) })}
        toolbar={
          <ListToolbar
            filters={
              <Stack gap={4}>
                <Text size="sm" fw={500} id="expiring-window">{t('returns:expiring.window')}</Text>
                <SegmentedControl aria-labelledby="expiring-window" data={WINDOWS.map((w) => ({ value: w, label: t('returns:expiring.days', { count: Number(w) }) }))} value={days} onChange={(v) => list.filters.set('days', v === '30' ? null : v)} />
              </Stack>
            }
          />
        }
      />
    </>
  );
}
