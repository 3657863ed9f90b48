// /mobility/incidents: the free-movement incident log (filters by period, type, corridor, border post),
// with its aggregates per corridor, per border post and per month.
import { Anchor, Badge, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CORRIDORS, INCIDENT_TYPES, type Incident } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { useQuery } from '@tanstack/react-query';
import { mobilityApi, mobilityKeys } from '../api';
import { useBorderPostOptions, useMobilityEnum, useMobilityLabel } from '../shared';
import { IncidentsByCorridor, IncidentsMap, IncidentTrend } from './IncidentCharts';

const FILTERS = ['from', 'to', 'type', 'corridor', 'borderPostId'] as const;

/** The incidents page. */
export default function IncidentsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const label = useMobilityLabel();
  const types = useMobilityEnum('incidentType', INCIDENT_TYPES);
  const corridors = useMobilityEnum('corridor', CORRIDORS);
  const posts = useBorderPostOptions();
  const list = useCursorList<(typeof FILTERS)[number], Incident>({
    filters: FILTERS,
    search: 'from',
    queryKey: mobilityKeys.incidents,
    pageSize: 50,
    fetch: (f, page) =>
      mobilityApi.incidents({
        from: f.from || undefined,
        to: f.to || undefined,
        type: (f.type || undefined) as Incident['types'][number] | undefined,
        corridor: (f.corridor || undefined) as Incident['corridor'] | undefined,
        borderPostId: f.borderPostId || undefined,
        ...page,
      }),
  });
  const { filters } = list;
  const period = { from: filters.values.from || undefined, to: filters.values.to || undefined };
  const stats = useQuery({ queryKey: [...mobilityKeys.dashboard, period], queryFn: () => mobilityApi.dashboard(period), placeholderData: keepPreviousData });
  const columns: Column<Incident>[] = [
    { key: 'date', header: t('mobility:incidents.fields.occurredOn'), render: (i) => <Anchor component={Link} to={`/mobility/incidents/${encodeURIComponent(i.id)}`}>{i.occurredOn}</Anchor> },
    { key: 'place', header: t('mobility:incidents.fields.place'), render: (i) => i.borderPostName ?? i.place?.name ?? '—' },
    { key: 'corridor', header: t('mobility:incidents.fields.corridor'), render: (i) => label('corridor', i.corridor), visibleFrom: 'sm' },
    {
      key: 'types',
      header: t('mobility:incidents.fields.types'),
      render: (i) => (
        <Group gap={4}>
          {i.types.map((type) => (
            <Badge key={type} size="sm" variant="light" color="red">
              {label('incidentType', type)}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'agency', header: t('mobility:incidents.fields.agency'), render: (i) => label('agency', i.agency), visibleFrom: 'md' },
    { key: 'amount', header: t('mobility:incidents.fields.amountDemandedXof'), render: (i) => (i.amountDemandedXof === null ? '—' : `${formatNumber(i.amountDemandedXof, i18n.language)} XOF`), visibleFrom: 'md' },
    { key: 'reporter', header: t('mobility:incidents.fields.reporter'), render: (i) => (i.reporter.anonymous ? t('mobility:incidents.anonymous') : (i.reporter.name ?? t('mobility:incidents.named'))), visibleFrom: 'lg' },
  ];
  return (
    <>
      <PageHeader title={t('mobility:incidents.title')} description={t('mobility:incidents.description')} actions={can('mobility.manage') && <NewRecordButton to="/mobility/incidents/new" label={t('mobility:incidents.new')} />} />
      <Stack gap="lg">
        <DataTable
          caption={t('mobility:incidents.title')}
          columns={columns}
          rowKey={(i) => i.id}
          {...list.table}
          emptyTitle={t('mobility:incidents.emptyTitle')}
          filtered={filters.any}
          toolbar={
            <ListToolbar
              canClear={filters.any}
              onClear={filters.clear}
              filters={
                <>
                  <TextInput type="date" label={t('mobility:filters.from')} value={filters.values.from} onChange={(e) => filters.set('from', e.currentTarget.value)} />
                  <TextInput type="date" label={t('mobility:filters.to')} value={filters.values.to} onChange={(e) => filters.set('to', e.currentTarget.value)} />
                  <FilterSelect filters={filters} name="type" label={t('mobility:incidents.fields.type')} data={types} w={220} />
                  <FilterSelect filters={filters} name="corridor" label={t('mobility:incidents.fields.corridor')} data={corridors} w={200} />
                  <FilterSelect filters={filters} name="borderPostId" label={t('mobility:incidents.fields.borderPost')} data={posts} searchable w={200} />
                </>
              }
            />
          }
        />
        {stats.data && (
          <>
            <IncidentTrend incidents={stats.data.incidents} period={period} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <IncidentsByCorridor incidents={stats.data.incidents} period={period} />
              <IncidentsMap incidents={stats.data.incidents} period={period} />
            </SimpleGrid>
          </>
        )}
      </Stack>
    </>
  );
}
