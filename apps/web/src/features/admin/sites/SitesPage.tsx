// Sites: searchable list, filterable by organisation, paginated.
import { Anchor, Button, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Site } from '@taama/core';
import { sitesApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { ListToolbar } from '../../../components/ListToolbar';
import { PageHeader } from '../../../components/PageHeader';
import { useCursorPages } from '../../../components/useCursorPages';
import { ActiveBadge, adminKeys, nameOf, useOrganisations, useUrlFilters } from '../shared';

const FILTERS = ['q', 'organisationId'] as const;
const PAGE_SIZE = 25;

/** The sites list. */
export default function SitesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const filters = useUrlFilters(FILTERS);
  const pages = useCursorPages(filters.key);
  const organisations = useOrganisations();
  const { q, organisationId } = filters.values;
  const list = useQuery({
    queryKey: [...adminKeys.sites, 'list', filters.values, pages.cursor],
    queryFn: () => sitesApi.list({ q: q || undefined, organisationId: organisationId || undefined, limit: PAGE_SIZE, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });

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
        actions={
          can('site.manage') && (
            <Button component={Link} to="/admin/sites/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('admin:sites.new')}
            </Button>
          )
        }
      />
      <DataTable
        caption={t('admin:sites.title')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(site) => site.id}
        loading={list.isPending}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle={t('admin:sites.emptyTitle')}
        emptyDescription={filters.any ? t('common:states.emptyFiltered') : t('admin:sites.emptyDescription')}
        pagination={{
          page: pages.page,
          hasPrevious: pages.hasPrevious,
          hasNext: Boolean(list.data?.nextCursor),
          onPrevious: pages.previous,
          onNext: () => list.data?.nextCursor && pages.next(list.data.nextCursor),
        }}
        toolbar={
          <ListToolbar
            searchLabel={t('admin:sites.searchLabel')}
            searchPlaceholder={t('admin:sites.searchPlaceholder')}
            search={q}
            onSearch={(value) => filters.set('q', value)}
            canClear={filters.any}
            onClear={filters.clear}
            filters={
              can('organisation.read') && (
                <Select
                  label={t('admin:sites.columns.organisation')}
                  placeholder={t('common:filters.all')}
                  data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                  value={organisationId || null}
                  onChange={(value) => filters.set('organisationId', value)}
                  clearable
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
