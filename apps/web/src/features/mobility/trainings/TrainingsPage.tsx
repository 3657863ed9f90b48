// /mobility/trainings: the trainings of border and security officials, with the officials trained
// against the target and the institutions strengthened.
import { Anchor, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TRAINING_TOPICS, type Training } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { ErrorState } from '../../../components/States';
import { useCursorList } from '../../../components/useCursorList';
import { mobilityApi, mobilityKeys } from '../api';
import { TrainingCounters, useMobilityDashboard, useMobilityEnum, useMobilityLabel } from '../shared';

const FILTERS = ['from', 'to', 'topic', 'q'] as const;

/** The trainings list. */
export default function TrainingsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const label = useMobilityLabel();
  const topics = useMobilityEnum('topic', TRAINING_TOPICS);
  const counters = useMobilityDashboard();
  const list = useCursorList<(typeof FILTERS)[number], Training>({
    filters: FILTERS,
    search: 'q',
    queryKey: mobilityKeys.trainings,
    pageSize: 50,
    fetch: (f, page) => mobilityApi.trainings({ from: f.from || undefined, to: f.to || undefined, topic: (f.topic || undefined) as Training['topic'] | undefined, q: f.q || undefined, ...page }),
  });
  const { filters } = list;
  const n = (v: number) => formatNumber(v, i18n.language);
  const columns: Column<Training>[] = [
    { key: 'title', header: t('mobility:trainings.fields.title'), render: (tr) => <Anchor component={Link} to={`/mobility/trainings/${encodeURIComponent(tr.id)}`} fw={600}>{tr.title}</Anchor> },
    { key: 'topic', header: t('mobility:trainings.fields.topic'), render: (tr) => label('topic', tr.topic) },
    { key: 'period', header: t('mobility:trainings.fields.period'), render: (tr) => `${tr.startsOn} → ${tr.endsOn}`, visibleFrom: 'sm' },
    { key: 'place', header: t('mobility:trainings.fields.place'), render: (tr) => tr.borderPostName ?? tr.place, visibleFrom: 'md' },
    { key: 'trainees', header: t('mobility:trainings.fields.trainees'), render: (tr) => t('mobility:trainings.completedOf', { completed: n(tr.completedCount), total: n(tr.traineeCount) }) },
  ];
  return (
    <>
      <PageHeader title={t('mobility:trainings.title')} description={t('mobility:trainings.description')} actions={can('mobility.manage') && <NewRecordButton to="/mobility/trainings/new" label={t('mobility:trainings.new')} />} />
      <Stack gap="lg">
        {counters.data && <TrainingCounters data={counters.data} />}
        {counters.isError && <ErrorState error={counters.error} onRetry={() => void counters.refetch()} />}
        <DataTable
          caption={t('mobility:trainings.title')}
          columns={columns}
          rowKey={(tr) => tr.id}
          {...list.table}
          emptyTitle={t('mobility:trainings.emptyTitle')}
          filtered={filters.any}
          toolbar={
            <ListToolbar
              {...list.toolbar}
              searchLabel={t('mobility:trainings.searchLabel')}
              filters={
                <>
                  <TextInput type="date" label={t('mobility:filters.from')} value={filters.values.from} onChange={(e) => filters.set('from', e.currentTarget.value)} />
                  <TextInput type="date" label={t('mobility:filters.to')} value={filters.values.to} onChange={(e) => filters.set('to', e.currentTarget.value)} />
                  <FilterSelect filters={filters} name="topic" label={t('mobility:trainings.fields.topic')} data={topics} w={240} />
                </>
              }
            />
          }
        />
      </Stack>
    </>
  );
}
