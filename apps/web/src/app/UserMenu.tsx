// The signed-in user's menu: who and where they are, change password, sign out.
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconShieldLock, IconLogout } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from './auth';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** Avatar and name opening the account menu. */
export function UserMenu() {
  const { t } = useTranslation(['common', 'account']);
  const me = useMe();
  const { logout } = useAuth();
  const signOut = async () => {
    const confirmed = await logout();
    if (!confirmed) notifications.show({ color: 'yellow', message: t('auth:logout.failed') });
  };
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('common:user.menu', { name: me.displayName })} p={4} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" radius="xl">
              {initials(me.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
              {me.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {t('common:user.organisationValue', { name: me.organisation.name })}
          </Text>
          {me.site && (
            <Text size="xs" c="dimmed">
              {t('common:user.siteValue', { name: me.site.name })}
            </Text>
          )}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account/password" leftSection={<IconKey size={16} aria-hidden />}>
          {t('common:user.changePassword')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/security" leftSection={<IconShieldLock size={16} aria-hidden />}>
          {t('account:security.title')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          {t('common:user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
