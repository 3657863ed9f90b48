// /flows/counts: the flow counts, newest first, searchable and filtered by period, point, direction
// and status (all in the URL, so the dashboard can link to the counts behind a number).
import { Anchor, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FLOW_COUNT_STATUSES, FLOW_DIRECTIONS, type FlowCount } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { flowKeys, flowsApi } from '../api';
import { codeOf } from '../links';
import { StatusBadge, useCountryName, useFlowEnum, usePointName, usePointOptions } from '../shared';

const FILTERS = ['q', 'from', 'to', 'fmpId', 'direction', 'status'] as const;
const PAGE_SIZE = 50;

/** The counts list. */
export default function CountsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const list = useCursorList({
    filters: FILTERS,
    search: 'q',
    queryKey: flowKeys.counts,
    pageSize: PAGE_SIZE,
    fetch: (f, page) =>
      flowsApi.counts({ q: f.q || undefined, from: f.from || undefined, to: f.to || undefined, fmpId: f.fmpId || undefined, direction: codeOf(FLOW_DIRECTIONS, f.direction), status: codeOf(FLOW_COUNT_STATUSES, f.status), ...page }),
  });
  const points = usePointOptions();
  const pointName = usePointName();
  const country = useCountryName();
  const directions = useFlowEnum('direction', FLOW_DIRECTIONS);
  const statuses = useFlowEnum('status', FLOW_COUNT_STATUSES);

  const columns: Column<FlowCount>[] = [
    {
      key: 'date',
      header: t('flows:fields.date'),
      render: (count) => (
        <Anchor component={Link} to={`/flows/counts/${count.id}`} fw={600} aria-label={t('flows:counts.open', { date: count.date, fmp: (count.fmpName || pointName(count.fmpId)) })}>
          {count.date}
        </Anchor>
      ),
    },
    {
      key: 'fmp',
      header: t('flows:fields.fmpId'),
      render: (count) => (
        <Stack gap={0}>
          <Text size="sm">{count.fmpName || pointName(count.fmpId)}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {count.fmpId}
          </Text>
        </Stack>
      ),
    },
    { key: 'direction', header: t('flows:fields.direction'), render: (count) => t(`flows:enums.direction.${count.direction}`) },
    { key: 'route', header: t('flows:counts.route'), render: (count) => `${country(count.originCountry)} → ${country(count.finalDestinationCountry)}`, visibleFrom: 'md' },
    { key: 'transport', header: t('flows:fields.transportMode'), render: (count) => t(`flows:enums.transportMode.${count.transportMode}`), visibleFrom: 'lg' },
    { key: 'total', header: t('flows:fields.total'), render: (count) => formatNumber(count.total, i18n.language) },
    { key: 'status', header: t('flows:fields.status'), render: (count) => <StatusBadge status={count.status} /> },
  ];

  const { values, set } = list.filters;
  return (
    <>
      <PageHeader title={t('flows:counts.title')} description={t('flows:counts.description')} actions={can('flow.manage') && <NewRecordButton to="/flows/counts/new" label={t('flows:counts.new')} />} />
      <DataTable
        {...list.table}
        caption={t('flows:counts.title')}
        columns={columns}
        rowKey={(count) => count.id}
        emptyTitle={t('flows:counts.emptyTitle')}
        emptyDescription={t('flows:counts.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('flows:counts.searchLabel')}
            searchPlaceholder={t('flows:counts.searchPlaceholder')}
            filters={
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput type="date" label={t('flows:filters.from')} value={values.from} onChange={(e) => set('from', e.currentTarget.value)} w={150} />
                <TextInput type="date" label={t('flows:filters.to')} value={values.to} onChange={(e) => set('to', e.currentTarget.value)} w={150} />
                <FilterSelect filters={list.filters} name="fmpId" label={t('flows:filters.fmp')} data={points} searchable w={240} />
                <FilterSelect filters={list.filters} name="direction" label={t('flows:filters.direction')} data={directions} w={160} />
                <FilterSelect filters={list.filters} name="status" label={t('flows:filters.status')} data={statuses} w={150} />
              </Group>
            }
          />
        }
      />
    </>
  );
}
