// /mobility/institutions: the institutions trained or equipped (police, customs, gendarmerie…).
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INSTITUTION_KINDS, type Institution } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { useCountryName } from '../../flows/shared';
import { mobilityApi, mobilityKeys } from '../api';
import { useMobilityEnum, useMobilityLabel } from '../shared';

const FILTERS = ['kind', 'q'] as const;

/** The institutions list. */
export default function InstitutionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const label = useMobilityLabel();
  const country = useCountryName();
  const kinds = useMobilityEnum('institutionKind', INSTITUTION_KINDS);
  const list = useCursorList<(typeof FILTERS)[number], Institution>({
    filters: FILTERS,
    search: 'q',
    queryKey: mobilityKeys.institutions,
    pageSize: 50,
    fetch: (f, page) => mobilityApi.institutions({ kind: (f.kind || undefined) as Institution['kind'] | undefined, q: f.q || undefined, ...page }),
  });
  const columns: Column<Institution>[] = [
    { key: 'name', header: t('mobility:institutions.fields.name'), render: (i) => <Anchor component={Link} to={`/mobility/institutions/${encodeURIComponent(i.id)}`} fw={600}>{i.name}</Anchor> },
    { key: 'kind', header: t('mobility:institutions.fields.kind'), render: (i) => label('institutionKind', i.kind) },
    { key: 'country', header: t('mobility:institutions.fields.countryCode'), render: (i) => country(i.countryCode), visibleFrom: 'sm' },
    { key: 'parent', header: t('mobility:institutions.fields.parent'), render: (i) => i.parentInstitutionName ?? '—', visibleFrom: 'md' },
  ];
  return (
    <>
      <PageHeader title={t('mobility:institutions.title')} description={t('mobility:institutions.description')} actions={can('mobility.manage') && <NewRecordButton to="/mobility/institutions/new" label={t('mobility:institutions.new')} />} />
      <DataTable
        caption={t('mobility:institutions.title')}
        columns={columns}
        rowKey={(i) => i.id}
        {...list.table}
        emptyTitle={t('mobility:institutions.emptyTitle')}
        filtered={list.filters.any}
        toolbar={<ListToolbar {...list.toolbar} searchLabel={t('mobility:institutions.searchLabel')} filters={<FilterSelect filters={list.filters} name="kind" label={t('mobility:institutions.fields.kind')} data={kinds} w={200} />} />}
      />
    </>
  );
}
