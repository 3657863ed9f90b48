// Organisations: searchable, paginated list.
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation } from '@taama/core';
import { organisationsApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { DataTable, type Column } from '../../../components/DataTable';
import { ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { ActiveBadge, adminKeys, useCountryOptions } from '../shared';

const FILTERS = ['q'] as const;
const PAGE_SIZE = 25;

/** The organisations list. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useCursorList({
    filters: FILTERS,
    search: 'q',
    queryKey: adminKeys.organisations,
    pageSize: PAGE_SIZE,
    fetch: ({ q }, page) => organisationsApi.list({ q: q || undefined, ...page }),
  });
  const countries = useCountryOptions();

  const columns: Column<Organisation>[] = [
    {
      key: 'name',
      header: t('admin:organisations.columns.name'),
      render: (org) => (
        <Anchor component={Link} to={`/admin/organisations/${org.id}`} fw={600}>
          {org.name}
        </Anchor>
      ),
    },
    { key: 'code', header: t('admin:organisations.columns.code'), render: (org) => <Text ff="monospace" size="sm">{org.code}</Text> },
    { key: 'kind', header: t('admin:organisations.columns.kind'), render: (org) => t(`enums:organisationKind.${org.kind}`) },
    {
      key: 'country',
      header: t('admin:organisations.columns.country'),
      render: (org) => countries.find((c) => c.value === org.countryCode)?.label ?? org.countryCode ?? '—',
      visibleFrom: 'sm',
    },
    { key: 'status', header: t('admin:organisations.columns.status'), render: (org) => <ActiveBadge active={org.active} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('admin:organisations.title')}
        description={t('admin:organisations.description')}
        actions={can('organisation.manage') && <NewRecordButton to="/admin/organisations/new" label={t('admin:organisations.new')} />}
      />
      <DataTable
        {...list.table}
        caption={t('admin:organisations.title')}
        columns={columns}
        rowKey={(org) => org.id}
        emptyTitle={t('admin:organisations.emptyTitle')}
        emptyDescription={t('admin:organisations.emptyDescription')}
        filtered={list.filters.any}
        toolbar={<ListToolbar {...list.toolbar} searchLabel={t('admin:organisations.searchLabel')} searchPlaceholder={t('admin:organisations.searchPlaceholder')} />}
      />
    </>
  );
}
