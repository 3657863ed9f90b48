// Sites: searchable list, filterable by organisation, paginated.
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Site } from '@taama/core';
import { sitesApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { ActiveBadge, adminKeys, nameOf, useOrganisations } from '../shared';

const FILTERS = ['q', 'organisationId'] as const;
const PAGE_SIZE = 25;

/** The sites list. */
export default function SitesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const list = useCursorList({
    filters: FILTERS,
    search: 'q',
    queryKey: adminKeys.sites,
    pageSize: PAGE_SIZE,
    fetch: ({ q, organisationId }, page) => sitesApi.list({ q: q || undefined, organisationId: organisationId || undefined, ...page }),
  });
  const organisations = useOrganisations();

  const columns: Column<Site>[] = [
    {
      key: 'name',
      header: t('admin:sites.columns.name'),
      render: (site) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/admin/sites/${site.id}`} fw={600}>
            {site.name}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace">
            {site.code}
          </Text>
        </Stack>
      ),
    },
    { key: 'kind', header: t('admin:sites.columns.kind'), render: (site) => t(`enums:siteKind.${site.kind}`) },
    { key: 'organisation', header: t('admin:sites.columns.organisation'), render: (site) => nameOf(organisations.data, site.organisationId), visibleFrom: 'sm' },
    { key: 'pcode', header: t('admin:sites.columns.pcode'), render: (site) => site.pcode ?? '—', visibleFrom: 'md' },
    { key: 'capacity', header: t('admin:sites.columns.capacity'), render: (site) => formatNumber(site.capacity, i18n.language), visibleFrom: 'md' },
    { key: 'status', header: t('admin:sites.columns.status'), render: (site) => <ActiveBadge active={site.active} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('admin:sites.title')}
        description={t('admin:sites.description')}
        actions={can('site.manage') && <NewRecordButton to="/admin/sites/new" label={t('admin:sites.new')} />}
      />
      <DataTable
        {...list.table}
        caption={t('admin:sites.title')}
        columns={columns}
        rowKey={(site) => site.id}
        emptyTitle={t('admin:sites.emptyTitle')}
        emptyDescription={t('admin:sites.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('admin:sites.searchLabel')}
            searchPlaceholder={t('admin:sites.searchPlaceholder')}
            filters={
              can('organisation.read') && (
                <FilterSelect
                  filters={list.filters}
                  name="organisationId"
                  label={t('admin:sites.columns.organisation')}
                  data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                  searchable
                  w={220}
                />
              )
            }
          />
        }
      />
    </>
  );
}
