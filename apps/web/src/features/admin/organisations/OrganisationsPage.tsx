// Organisations: searchable, paginated list.
import { Anchor, Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation } from '@taama/core';
import { organisationsApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { DataTable, type Column } from '../../../components/DataTable';
import { ListToolbar } from '../../../components/ListToolbar';
import { PageHeader } from '../../../components/PageHeader';
import { useCursorPages } from '../../../components/useCursorPages';
import { ActiveBadge, adminKeys, useCountryOptions, useUrlFilters } from '../shared';

const FILTERS = ['q'] as const;
const PAGE_SIZE = 25;

/** The organisations list. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const filters = useUrlFilters(FILTERS);
  const pages = useCursorPages(filters.key);
  const countries = useCountryOptions();
  const list = useQuery({
    queryKey: [...adminKeys.organisations, 'list', filters.values, pages.cursor],
    queryFn: () => organisationsApi.list({ q: filters.values.q || undefined, limit: PAGE_SIZE, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });

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
        actions={
          can('organisation.manage') && (
            <Button component={Link} to="/admin/organisations/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('admin:organisations.new')}
            </Button>
          )
        }
      />
      <DataTable
        caption={t('admin:organisations.title')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(org) => org.id}
        loading={list.isPending}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyTitle={t('admin:organisations.emptyTitle')}
        emptyDescription={filters.any ? t('common:states.emptyFiltered') : t('admin:organisations.emptyDescription')}
        pagination={{
          page: pages.page,
          hasPrevious: pages.hasPrevious,
          hasNext: Boolean(list.data?.nextCursor),
          onPrevious: pages.previous,
          onNext: () => list.data?.nextCursor && pages.next(list.data.nextCursor),
        }}
        toolbar={
          <ListToolbar
            searchLabel={t('admin:organisations.searchLabel')}
            searchPlaceholder={t('admin:organisations.searchPlaceholder')}
            search={filters.values.q}
            onSearch={(value) => filters.set('q', value)}
            canClear={filters.any}
            onClear={filters.clear}
          />
        }
      />
    </>
  );
}
