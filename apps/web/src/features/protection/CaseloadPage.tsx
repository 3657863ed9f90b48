// My caseload: the transit cases assigned to me (or all those I may see), searchable, filtered by
// status, priority and site, paginated.
import { Anchor, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRIORITIES, TRANSIT_CASE_STATUSES, type Priority, type TransitCaseStatus, type TransitCaseSummary } from '@taama/core';
import { useAuth } from '../../app/auth';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../components/useCursorList';
import { useSites } from '../admin/shared';
import { formatDay, personName, useCodeOptions } from '../registry/shared';
import { casesApi, protectionKeys } from './api';
import { CaseStatusBadge, PriorityBadge } from './shared';

const FILTERS = ['q', 'status', 'priority', 'siteId', 'assigned'] as const;
const PAGE_SIZE = 25;

/** The caseload list. */
export default function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const list = useCursorList({
    filters: FILTERS,
    search: 'q',
    queryKey: protectionKeys.cases,
    pageSize: PAGE_SIZE,
    fetch: ({ q, status, priority, siteId, assigned }, page) =>
      casesApi.list({
        q: q || undefined,
        status: (status || undefined) as TransitCaseStatus | undefined,
        priority: (priority || undefined) as Priority | undefined,
        siteId: siteId || undefined,
        assignedTo: assigned === 'all' ? undefined : 'me',
        ...page,
      }),
  });
  const statuses = useCodeOptions('protection', 'caseStatus', TRANSIT_CASE_STATUSES);
  const priorities = useCodeOptions('protection', 'priority', PRIORITIES);
  const sites = useSites();
  const mine = list.filters.values.assigned !== 'all';

  const columns: Column<TransitCaseSummary>[] = [
    {
      key: 'case',
      header: t('protection:cases.columns.case'),
      render: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/protection/cases/${c.id}`} fw={600}>{c.caseNumber}</Anchor>
          <Text size="sm">{personName(c.person)}</Text>
        </Stack>
      ),
    },
    { key: 'status', header: t('protection:cases.columns.status'), render: (c) => <CaseStatusBadge status={c.status} /> },
    { key: 'priority', header: t('protection:cases.columns.priority'), render: (c) => <PriorityBadge priority={c.priority} /> },
    { key: 'site', header: t('protection:cases.columns.site'), render: (c) => c.siteName, visibleFrom: 'sm' },
    { key: 'assignee', header: t('protection:cases.columns.assignee'), render: (c) => c.assignedToName ?? t('protection:cases.unassigned'), visibleFrom: 'md' },
    { key: 'opened', header: t('protection:cases.columns.opened'), render: (c) => formatDay(c.openedOn, i18n.language), visibleFrom: 'md' },
    {
      key: 'tasks',
      header: t('protection:cases.columns.tasks'),
      render: (c) => (
        <Text size="sm" c={c.overdueTasks > 0 ? 'red' : undefined}>
          {t('protection:cases.tasksCount', { open: c.openTasks, overdue: c.overdueTasks })}
        </Text>
      ),
      visibleFrom: 'lg',
    },
  ];

  return (
    <>
      <PageHeader title={mine ? t('protection:cases.titleMine') : t('protection:cases.titleAll')} description={t('protection:cases.description')} />
      <DataTable
        {...list.table}
        caption={mine ? t('protection:cases.titleMine') : t('protection:cases.titleAll')}
        columns={columns}
        rowKey={(c) => c.id}
        emptyTitle={t('protection:cases.emptyTitle')}
        emptyDescription={t('protection:cases.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('protection:cases.searchLabel')}
            searchPlaceholder={t('protection:cases.searchPlaceholder')}
            filters={
              <>
                <SegmentedControl
                  aria-label={t('protection:cases.assignedLabel')}
                  data={[
                    { value: 'me', label: t('protection:cases.assignedMe') },
                    { value: 'all', label: t('protection:cases.assignedAll') },
                  ]}
                  value={mine ? 'me' : 'all'}
                  onChange={(v) => list.filters.set('assigned', v === 'all' ? 'all' : null)}
                />
                <FilterSelect filters={list.filters} name="status" label={t('protection:cases.columns.status')} data={statuses} w={150} />
                <FilterSelect filters={list.filters} name="priority" label={t('protection:cases.columns.priority')} data={priorities} w={150} />
                {can('site.read') && <FilterSelect filters={list.filters} name="siteId" label={t('protection:cases.columns.site')} data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} searchable w={200} />}
              </>
            }
          />
        }
      />
    </>
  );
}
