// The movements (charter and commercial flights, bus convoys): filtered by status, direction and
// departure dates, each with its seats taken.
import { Anchor, Button, Group, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { formatDay } from '../../registry/shared';
import { movementsApi, returnsKeys } from '../api';
import { CapacityMeter } from './CapacityMeter';
import { codeIn, DirectionBadge, MovementStatusBadge, useReturnOptions } from '../shared';
import { MOVEMENT_STATUSES, RETURN_DIRECTIONS, type MovementSummary } from '../types';

const FILTERS = ['status', 'direction', 'from', 'to'] as const;

/** The movements list page. */
export default function MovementsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const statuses = useReturnOptions('movementStatus', MOVEMENT_STATUSES);
  const directions = useReturnOptions('direction', RETURN_DIRECTIONS);
  const list = useCursorList({
    filters: FILTERS,
    // No search box: movements are few, found by their filters.
    search: 'status',
    queryKey: returnsKeys.movements,
    pageSize: 25,
    fetch: (f, page) => movementsApi.list({ status: codeIn(MOVEMENT_STATUSES, f.status), direction: codeIn(RETURN_DIRECTIONS, f.direction), from: f.from || undefined, to: f.to || undefined, ...page }),
  });
  const columns: Column<MovementSummary>[] = [
    { key: 'reference', header: t('returns:movements.columns.reference'), render: (m) => <Anchor component={Link} to={`/returns/movements/${m.id}`} fw={600}>{m.reference}</Anchor> },
    { key: 'kind', header: t('returns:movements.columns.kind'), render: (m) => t(`returns:enum.movementKind.${m.kind}`) },
    { key: 'direction', header: t('returns:movements.columns.direction'), render: (m) => <DirectionBadge direction={m.direction} /> },
    { key: 'departure', header: t('returns:movements.columns.departure'), render: (m) => formatDay(m.departureDate, i18n.language) },
    { key: 'arrival', header: t('returns:movements.columns.arrival'), render: (m) => formatDay(m.arrivalDate, i18n.language), visibleFrom: 'md' },
    { key: 'seats', header: t('returns:movements.columns.seats'), render: (m) => <CapacityMeter seats={m.seats} taken={m.seatsTaken} compact />, width: 180 },
    { key: 'status', header: t('returns:movements.columns.status'), render: (m) => <MovementStatusBadge status={m.status} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('returns:movements.title')}
        description={t('returns:movements.description')}
        actions={
          can('movement.manage') && (
            <Button component={Link} to="/returns/movements/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('returns:movements.new')}
            </Button>
          )
        }
      />
      <DataTable
        {...list.table}
        caption={t('returns:movements.title')}
        columns={columns}
        rowKey={(m) => m.id}
        emptyTitle={t('returns:movements.emptyTitle')}
        emptyDescription={<Text size="sm">{t('returns:movements.emptyDescription')}</Text>}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            canClear={list.toolbar.canClear}
            onClear={list.toolbar.onClear}
            filters={
              <Group gap="sm" align="flex-end" wrap="wrap">
                <FilterSelect filters={list.filters} name="status" label={t('returns:movements.columns.status')} data={statuses} w={160} />
                <FilterSelect filters={list.filters} name="direction" label={t('returns:movements.columns.direction')} data={directions} w={160} />
                <TextInput type="date" label={t('returns:movements.from')} value={list.filters.values.from} onChange={(e) => list.filters.set('from', e.currentTarget.value)} />
                <TextInput type="date" label={t('returns:movements.to')} value={list.filters.values.to} onChange={(e) => list.filters.set('to', e.currentTarget.value)} />
              </Group>
            }
          />
        }
      />
    </>
  );
}
