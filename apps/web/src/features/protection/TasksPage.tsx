// Tasks: mine by default, filtered by status and overdue; complete and approve from the list.
import { Anchor, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TASK_STATUSES, type Task, type TaskStatus } from '@taama/core';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../components/useCursorList';
import { formatDay, useCodeOptions } from '../registry/shared';
import { protectionKeys, tasksApi } from './api';
import { TaskActions } from './TaskActions';
import { TaskStatusBadge } from './shared';

const FILTERS = ['status', 'overdue', 'assigned'] as const;
const PAGE_SIZE = 25;

/** The tasks list. */
export default function TasksPage() {
  const { t, i18n } = useTranslation();
  const list = useCursorList({
    filters: FILTERS,
    search: 'status',
    queryKey: protectionKeys.tasks,
    pageSize: PAGE_SIZE,
    fetch: ({ status, overdue, assigned }, page) =>
      tasksApi.list({
        status: (status || undefined) as TaskStatus | undefined,
        overdue: overdue === 'true' ? true : undefined,
        assignedTo: assigned === 'all' ? undefined : 'me',
        ...page,
      }),
  });
  const statuses = useCodeOptions('protection', 'taskStatus', TASK_STATUSES);
  const mine = list.filters.values.assigned !== 'all';

  const columns: Column<Task>[] = [
    {
      key: 'title',
      header: t('protection:tasks.columns.title'),
      render: (task) => (
        <Stack gap={0}>
          <Text fw={600} size="sm">{task.title}</Text>
          <Text size="xs" c="dimmed">{t(`protection:codes.taskKind.${task.kind}`)}</Text>
        </Stack>
      ),
    },
    { key: 'case', header: t('protection:tasks.columns.case'), render: (task) => <Anchor component={Link} to={`/protection/cases/${task.transitCaseId}`}>{task.caseNumber}</Anchor> },
    { key: 'due', header: t('protection:tasks.columns.due'), render: (task) => formatDay(task.dueDate, i18n.language), visibleFrom: 'sm' },
    { key: 'assignee', header: t('protection:tasks.columns.assignee'), render: (task) => task.assignedToName ?? '—', visibleFrom: 'md' },
    { key: 'status', header: t('protection:tasks.columns.status'), render: (task) => <TaskStatusBadge status={task.status} overdue={task.overdue} /> },
    { key: 'actions', header: t('protection:tasks.columns.actions'), render: (task) => <TaskActions task={task} /> },
  ];

  return (
    <>
      <PageHeader title={t('protection:tasks.title')} description={t('protection:tasks.description')} />
      <DataTable
        {...list.table}
        caption={t('protection:tasks.title')}
        columns={columns}
        rowKey={(task) => task.id}
        emptyTitle={t('protection:tasks.emptyTitle')}
        filtered={Boolean(list.filters.values.status || list.filters.values.overdue)}
        toolbar={
          <ListToolbar
            onClear={list.filters.clear}
            canClear={list.filters.any}
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
                <FilterSelect filters={list.filters} name="status" label={t('protection:tasks.columns.status')} data={statuses} w={200} />
                <FilterSelect filters={list.filters} name="overdue" label={t('protection:overdue')} data={[{ value: 'true', label: t('protection:tasks.overdueOnly') }]} w={170} />
              </>
            }
          />
        }
      />
    </>
  );
}
