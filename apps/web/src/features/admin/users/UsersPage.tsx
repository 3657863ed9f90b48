// Users: searchable, filterable, paginated list of accounts.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '@taama/core';
import { usersApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { formatDateTime } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { adminKeys, nameOf, useOrganisations, useRoleLabel, useRoles, useSites } from '../shared';
import { UserStatus } from './UserStatus';

const FILTERS = ['q', 'role', 'organisationId', 'siteId', 'status'] as const;
const PAGE_SIZE = 25;

/** The users list. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const list = useCursorList({
    filters: FILTERS,
    search: 'q',
    queryKey: adminKeys.users,
    pageSize: PAGE_SIZE,
    fetch: ({ q, role, organisationId, siteId, status }, page) =>
      usersApi.list({
        q: q || undefined,
        role: role || undefined,
        organisationId: organisationId || undefined,
        siteId: siteId || undefined,
        disabled: status === 'disabled' ? true : status === 'active' ? false : undefined,
        ...page,
      }),
  });
  const roles = useRoles();
  const organisations = useOrganisations();
  const sites = useSites();
  const roleLabel = useRoleLabel();
  const { organisationId } = list.filters.values;

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
        actions={can('user.manage') && <NewRecordButton to="/admin/users/new" label={t('admin:users.new')} />}
      />
      <DataTable
        {...list.table}
        caption={t('admin:users.title')}
        columns={columns}
        rowKey={(user) => user.id}
        emptyTitle={t('admin:users.emptyTitle')}
        emptyDescription={t('admin:users.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('admin:users.searchLabel')}
            searchPlaceholder={t('admin:users.searchPlaceholder')}
            filters={
              <>
                {can('role.read') && (
                  <FilterSelect
                    filters={list.filters}
                    name="role"
                    label={t('admin:users.filterRole')}
                    data={(roles.data ?? []).map((r) => ({ value: r.code, label: roleLabel(r.code, r) }))}
                    searchable
                    w={200}
                  />
                )}
                {can('organisation.read') && (
                  <FilterSelect
                    filters={list.filters}
                    name="organisationId"
                    label={t('admin:users.filterOrganisation')}
                    data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                    searchable
                    w={200}
                  />
                )}
                {can('site.read') && <FilterSelect filters={list.filters} name="siteId" label={t('admin:users.filterSite')} data={siteOptions} searchable w={200} />}
                <FilterSelect
                  filters={list.filters}
                  name="status"
                  label={t('admin:users.filterStatus')}
                  data={[
                    { value: 'active', label: t('admin:users.statusActive') },
                    { value: 'disabled', label: t('admin:users.statusDisabled') },
                  ]}
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
