// Roles: every role with its scope, sensitivity ceiling, permission count and holders.
import { useMemo, useState } from 'react';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '@taama/core';
import { rolesApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { adminKeys, useRoleLabel } from '../shared';

/** Folds accents and case so "securite" finds "Sécurité". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** The roles list (short: searched in the browser). */
export default function RolesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const roleLabel = useRoleLabel();
  const [search, setSearch] = useState('');
  const roles = useQuery({ queryKey: adminKeys.roles, queryFn: rolesApi.list });

  const rows = useMemo(() => {
    const items = roles.data?.items;
    if (!items) return undefined;
    const needle = fold(search);
    return items.filter((role) => !needle || [role.code, role.name, roleLabel(role.code, role), role.description].some((text) => fold(text).includes(needle)));
  }, [roles.data, search, roleLabel]);

  const columns: Column<Role>[] = [
    {
      key: 'name',
      header: t('admin:roles.columns.name'),
      render: (role) => (
        <Stack gap={0}>
          <Group gap={6}>
            <Anchor component={Link} to={`/admin/roles/${role.id}`} fw={600}>
              {roleLabel(role.code, role)}
            </Anchor>
            {role.builtin && (
              <Badge size="xs" variant="light" color="gray">
                {t('admin:roles.builtin')}
              </Badge>
            )}
          </Group>
          {role.description && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {role.description}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'code', header: t('admin:roles.columns.code'), render: (role) => <Text ff="monospace" size="sm">{role.code}</Text>, visibleFrom: 'sm' },
    { key: 'scope', header: t('admin:roles.columns.scope'), render: (role) => t(`enums:scope.${role.scope}`) },
    { key: 'sensitivity', header: t('admin:roles.columns.maxSensitivity'), render: (role) => t(`enums:sensitivity.${role.maxSensitivity}`), visibleFrom: 'md' },
    { key: 'permissions', header: t('admin:roles.columns.permissions'), render: (role) => t('admin:roles.permissionCount', { count: role.permissions.length }) },
    { key: 'users', header: t('admin:roles.columns.users'), render: (role) => formatNumber(role.userCount, i18n.language) },
  ];

  return (
    <>
      <PageHeader
        title={t('admin:roles.title')}
        description={t('admin:roles.description')}
        actions={can('role.manage') && <NewRecordButton to="/admin/roles/new" label={t('admin:roles.new')} />}
      />
      <DataTable
        caption={t('admin:roles.title')}
        columns={columns}
        rows={rows}
        rowKey={(role) => role.id}
        loading={roles.isPending}
        error={roles.error}
        onRetry={() => void roles.refetch()}
        emptyTitle={t('admin:roles.emptyTitle')}
        emptyDescription={t('admin:roles.emptyDescription')}
        filtered={search !== ''}
        toolbar={<ListToolbar search={search} onSearch={setSearch} canClear={search !== ''} onClear={() => setSearch('')} />}
      />
    </>
  );
}
