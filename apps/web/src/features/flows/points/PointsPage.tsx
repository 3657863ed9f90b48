// /flows/points: the flow monitoring points, as a list (searchable, by type) and on a map.
import { useMemo } from 'react';
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FMP_TYPES, type FlowPoint } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { PointMap } from '../../../components/maps/PointMap';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { useFlowEnum, usePoints } from '../shared';
import { activeNow, periodsText } from './periods';

const FILTERS = ['q', 'fmpType'] as const;

/** The points page. */
export default function PointsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const query = usePoints();
  const filters = useUrlFilters(FILTERS);
  const types = useFlowEnum('fmpType', FMP_TYPES);
  const { q, fmpType } = filters.values;
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return query.data?.filter((p) => (!fmpType || p.fmpType === fmpType) && (!needle || `${p.id} ${p.name} ${p.adm1Pcode ?? ''} ${p.adm2Pcode ?? ''}`.toLowerCase().includes(needle)));
  }, [query.data, q, fmpType]);

  const columns: Column<FlowPoint>[] = [
    {
      key: 'name',
      header: t('flows:points.columns.name'),
      render: (p) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/flows/points/${encodeURIComponent(p.id)}`} fw={600}>
            {p.name}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace">
            {p.id}
          </Text>
        </Stack>
      ),
    },
    { key: 'type', header: t('flows:points.columns.type'), render: (p) => t(`flows:enums.fmpType.${p.fmpType}`, { defaultValue: p.fmpType }) },
    { key: 'place', header: t('flows:points.columns.place'), render: (p) => [t(`flows:regions.${p.adm1Pcode ?? ''}`, { defaultValue: p.adm1Pcode ?? '' }), p.adm2Pcode].filter(Boolean).join(' · ') || '—', visibleFrom: 'sm' },
    { key: 'periods', header: t('flows:points.columns.periods'), render: (p) => periodsText(t, p.activePeriods), visibleFrom: 'md' },
    { key: 'active', header: t('flows:points.columns.status'), render: (p) => (activeNow(p.activePeriods) ? t('flows:points.active') : t('flows:points.closed')) },
  ];

  return (
    <>
      <PageHeader title={t('flows:points.title')} description={t('flows:points.description')} actions={can('flow.manage') && <NewRecordButton to="/flows/points/new" label={t('flows:points.new')} />} />
      <Stack gap="lg">
        <DataTable
          caption={t('flows:points.title')}
          columns={columns}
          rows={rows}
          rowKey={(p) => p.id}
          loading={query.isPending}
          fetching={query.isFetching}
          error={query.error}
          onRetry={() => void query.refetch()}
          emptyTitle={t('flows:points.emptyTitle')}
          filtered={filters.any}
          toolbar={
            <ListToolbar
              search={q}
              onSearch={(value) => filters.set('q', value)}
              searchLabel={t('flows:points.searchLabel')}
              canClear={filters.any}
              onClear={filters.clear}
              filters={<FilterSelect filters={filters} name="fmpType" label={t('flows:points.columns.type')} data={types} w={200} />}
            />
          }
        />
        {rows && rows.length > 0 && (
          <PointMap
            title={t('flows:points.mapTitle')}
            points={rows.flatMap((p) => (p.lat === null || p.lon === null ? [] : [{ id: p.id, name: p.name, lat: p.lat, lon: p.lon, value: 1 }]))}
            valueLabel={t('flows:points.mapValue')}
            sized={false}
            onSelect={(id) => void navigate(`/flows/points/${encodeURIComponent(id)}`)}
            height={420}
          />
        )}
      </Stack>
    </>
  );
}
