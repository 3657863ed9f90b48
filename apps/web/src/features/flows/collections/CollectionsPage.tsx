// /flows/collections: the data collection exercises (FMR periods, FMS rounds, studies), searchable and
// filtered by status.
import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COLLECTION_KINDS, COLLECTION_STATUSES, type FlowCollection } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { flowKeys, flowsApi } from '../api';
import { codeOf } from '../links';
import { useFlowEnum } from '../shared';

const FILTERS = ['kind', 'status'] as const;
const STATUS_COLORS: Record<string, string> = { planned: 'gray', ongoing: 'blue', completed: 'green', cancelled: 'red' };

/** The collections list. */
export default function CollectionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useCursorList({
    filters: FILTERS,
    // No text search on collections: the toolbar filters by kind and status.
    search: 'kind',
    queryKey: flowKeys.collections,
    pageSize: 25,
    fetch: ({ kind, status }, page) => flowsApi.collections({ kind: codeOf(COLLECTION_KINDS, kind), status: codeOf(COLLECTION_STATUSES, status), ...page }),
  });
  const statuses = useFlowEnum('collectionStatus', COLLECTION_STATUSES);
  const kinds = useFlowEnum('collectionKind', COLLECTION_KINDS);
  const columns: Column<FlowCollection>[] = [
    {
      key: 'name',
      header: t('flows:collections.fields.name'),
      render: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/flows/collections/${c.id}`} fw={600}>
            {c.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`flows:enums.collectionKind.${c.kind}`)}
          </Text>
        </Stack>
      ),
    },
    { key: 'method', header: t('flows:collections.fields.method'), render: (c) => t(`flows:enums.collectionExerciseMethod.${c.method}`, { defaultValue: c.method }), visibleFrom: 'md' },
    { key: 'dates', header: t('flows:collections.dates'), render: (c) => `${c.startDate} → ${c.endDate ?? '…'}` },
    { key: 'coverage', header: t('flows:collections.fields.coverage'), render: (c) => c.coverage.text || t('flows:collections.pointsCount', { count: c.coverage.fmpIds.length }), visibleFrom: 'lg' },
    {
      key: 'status',
      header: t('flows:collections.fields.status'),
      render: (c) => (
        <Badge variant="light" color={STATUS_COLORS[c.status] ?? 'gray'}>
          {t(`flows:enums.collectionStatus.${c.status}`)}
        </Badge>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('flows:collections.title')} description={t('flows:collections.description')} actions={can('flow.manage') && <NewRecordButton to="/flows/collections/new" label={t('flows:collections.new')} />} />
      <DataTable
        {...list.table}
        caption={t('flows:collections.title')}
        columns={columns}
        rowKey={(c) => c.id}
        emptyTitle={t('flows:collections.emptyTitle')}
        emptyDescription={t('flows:collections.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            canClear={list.toolbar.canClear}
            onClear={list.toolbar.onClear}
            filters={
              <>
                <FilterSelect filters={list.filters} name="kind" label={t('flows:collections.fields.kind')} data={kinds} w={240} />
                <FilterSelect filters={list.filters} name="status" label={t('flows:collections.fields.status')} data={statuses} w={180} />
              </>
            }
          />
        }
      />
    </>
  );
}
