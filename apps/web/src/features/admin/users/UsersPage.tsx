// Users: searchable, filterable, paginated list of accounts.
import { Anchor, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '@taama/core';
import { usersApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { formatDateTime } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { ListToolbar } from '../../../components/ListToolbar';
import { PageHeader } from '../../../components/PageHeader';
import { useCursorPages } from '../../../components/useCursorPages';
import { adminKeys, nameOf, useOrganisations, useRoleLabel, useRoles, useSites, useUrlFilters } from '../shared';
import { UserStatus } from './UserStatus';

const FILTERS = ['q', 'role', 'organisationId', 'siteId', 'status'] as const;
const PAGE_SIZE = 25;

/** The users list. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const filters = useUrlFilters(FILTERS);
  const pages = useCursorPages(filters.key);
  const roles = useRoles();
  const organisations = useOrganisations();
  const sites = useSites();
  const roleLabel = useRoleLabel();
  const { q, role, organisationId, siteId, status } = filters.values;

  const users = useQuery({
    queryKey: [...adminKeys.users, 'list', filters.values, pages.cursor],
    queryFn: () =>
      usersApi.list({
        q: q || undefined,
        role: role || undefined,
        organisationId: organisationId || undefined,
        siteId: siteId || undefined,
        disabled: status === 'disabled' ? true : status === 'active' ? false : undefined,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    placeholderData: keepPreviousData,
  });

  const siteOptions = (sites.data ?? [])
    .filter((s) => !organisationId || s.organisationId === organisationId)
    .map((s) => ({ value: s.id, label: s.name }));

  const columns: Column<User>[] = [
    {
      key: 'user',
      header: t('admin:users.columns.user'),
      render: (user) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
            {user.displayName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {user.username}
          </Text>
        </Stack>
      ),
    },
    { key: 'organisation', header: t('admin:users.columns.organisation'), render: (user) => nameOf(organisations.data, user.organisationId) },
    { key: 'site', header: t('admin:users.columns.site'), render: (user) => nameOf(sites.data, user.siteId), visibleFrom: 'sm' },
    {
      key: 'roles',
      header: t('admin:users.columns.roles'),
      render: (user) => (
        <Group gap={4}>
          {user.roles.map((code) => (
            <Badge key={code} variant="outline" color="indigo" tt="none">
              {roleLabel(code, roles.data?.find((r) => r.code === code))}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'status', header: t('admin:users.columns.status'), render: (user) => <UserStatus user={user} /> },
    {
      key: 'lastLogin',
      header: t('admin:users.columns.lastLogin'),
      render: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('admin:users.neverLoggedIn')),
      visibleFrom: 'md',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin:users.title')}
        description={t('admin:users.description')}
        actions={
          can('user.manage') && (
            <Button component={Link} to="/admin/users/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('admin:users.new')}
            </Button>
          )
        }
      />
      <DataTable
        caption={t('admin:users.title')}
        columns={columns}
        rows={users.data?.items}
        rowKey={(user) => user.id}
        loading={users.isPending}
        fetching={users.isFetching}
        error={users.error}
        onRetry={() => void users.refetch()}
        emptyTitle={t('admin:users.emptyTitle')}
        emptyDescription={filters.any ? t('common:states.emptyFiltered') : t('admin:users.emptyDescription')}
        pagination={{
          page: pages.page,
          hasPrevious: pages.hasPrevious,
          hasNext: Boolean(users.data?.nextCursor),
          onPrevious: pages.previous,
          onNext: () => users.data?.nextCursor && pages.next(users.data.nextCursor),
        }}
        toolbar={
          <ListToolbar
            searchLabel={t('admin:users.searchLabel')}
            searchPlaceholder={t('admin:users.searchPlaceholder')}
            search={q}
            onSearch={(value) => filters.set('q', value)}
            canClear={filters.any}
            onClear={filters.clear}
            filters={
              <>
                {can('role.read') && (
                  <Select
                    label={t('admin:users.filterRole')}
                    placeholder={t('common:filters.all')}
                    data={(roles.data ?? []).map((r) => ({ value: r.code, label: roleLabel(r.code, r) }))}
                    value={role || null}
                    onChange={(value) => filters.set('role', value)}
                    clearable
                    searchable
                    w={200}
                  />
                )}
                {can('organisation.read') && (
                  <Select
                    label={t('admin:users.filterOrganisation')}
                    placeholder={t('common:filters.all')}
                    data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                    value={organisationId || null}
                    onChange={(value) => filters.set('organisationId', value)}
                    clearable
                    searchable
                    w={200}
                  />
                )}
                {can('site.read') && (
                  <Select
                    label={t('admin:users.filterSite')}
                    placeholder={t('common:filters.all')}
                    data={siteOptions}
                    value={siteId || null}
                    onChange={(value) => filters.set('siteId', value)}
                    clearable
                    searchable
                    w={200}
                  />
                )}
                <Select
                  label={t('admin:users.filterStatus')}
                  placeholder={t('common:filters.all')}
                  data={[
                    { value: 'active', label: t('admin:users.statusActive') },
                    { value: 'disabled', label: t('admin:users.statusDisabled') },
                  ]}
                  value={status || null}
                  onChange={(value) => filters.set('status', value)}
                  clearable
                  w={160}
                />
              </>
            }
          />
        }
      />
    </>
  );
}
