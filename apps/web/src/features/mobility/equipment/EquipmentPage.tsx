// /mobility/equipment: equipment handed over to institutions and border posts.
import { Anchor, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Equipment } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { mobilityApi, mobilityKeys } from '../api';
import { useBorderPostOptions, useInstitutionOptions } from '../shared';

const FILTERS = ['from', 'to', 'recipientInstitutionId', 'borderPostId'] as const;

/** The equipment list. */
export default function EquipmentPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const institutions = useInstitutionOptions();
  const posts = useBorderPostOptions();
  const list = useCursorList<(typeof FILTERS)[number], Equipment>({
    filters: FILTERS,
    search: 'from',
    queryKey: mobilityKeys.equipment,
    pageSize: 50,
    fetch: (f, page) => mobilityApi.equipment({ from: f.from || undefined, to: f.to || undefined, recipientInstitutionId: f.recipientInstitutionId || undefined, borderPostId: f.borderPostId || undefined, ...page }),
  });
  const { filters } = list;
  const columns: Column<Equipment>[] = [
    { key: 'date', header: t('mobility:equipment.fields.handedOverOn'), render: (e) => <Anchor component={Link} to={`/mobility/equipment/${encodeURIComponent(e.id)}`}>{e.handedOverOn}</Anchor> },
    { key: 'type', header: t('mobility:equipment.fields.type'), render: (e) => e.type },
    { key: 'quantity', header: t('mobility:equipment.fields.quantity'), render: (e) => formatNumber(e.quantity, i18n.language) },
    { key: 'value', header: t('mobility:equipment.fields.valueXof'), render: (e) => `${formatNumber(e.valueXof, i18n.language)} XOF`, visibleFrom: 'sm' },
    { key: 'recipient', header: t('mobility:equipment.fields.recipient'), render: (e) => [e.recipientInstitutionName, e.borderPostName].filter(Boolean).join(' · ') },
  ];
  return (
    <>
      <PageHeader title={t('mobility:equipment.title')} description={t('mobility:equipment.description')} actions={can('mobility.manage') && <NewRecordButton to="/mobility/equipment/new" label={t('mobility:equipment.new')} />} />
      <DataTable
        caption={t('mobility:equipment.title')}
        columns={columns}
        rowKey={(e) => e.id}
        {...list.table}
        emptyTitle={t('mobility:equipment.emptyTitle')}
        filtered={filters.any}
        toolbar={
          <ListToolbar
            canClear={filters.any}
            onClear={filters.clear}
            filters={
              <>
                <TextInput type="date" label={t('mobility:filters.from')} value={filters.values.from} onChange={(e) => filters.set('from', e.currentTarget.value)} />
                <TextInput type="date" label={t('mobility:filters.to')} value={filters.values.to} onChange={(e) => filters.set('to', e.currentTarget.value)} />
                <FilterSelect filters={filters} name="recipientInstitutionId" label={t('mobility:equipment.fields.recipientInstitution')} data={institutions} searchable w={220} />
                <FilterSelect filters={filters} name="borderPostId" label={t('mobility:equipment.fields.borderPost')} data={posts} searchable w={200} />
              </>
            }
          />
        }
      />
    </>
  );
}
