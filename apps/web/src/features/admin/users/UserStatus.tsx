// Badges saying whether an account is usable: disabled, locked after failed sign-ins, or waiting
// for its holder to choose a password.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '@taama/core';

/** The status badges of one user. */
export function UserStatus({ user }: { user: Pick<User, 'disabled' | 'lockedUntil' | 'mustChangePassword'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {user.disabled ? (
        <Badge color="gray" variant="filled">
          {t('admin:users.status.disabled')}
        </Badge>
      ) : (
        <Badge color="green" variant="light">
          {t('admin:users.status.active')}
        </Badge>
      )}
      {user.lockedUntil && (
        <Badge color="red" variant="light">
          {t('admin:users.status.locked')}
        </Badge>
      )}
      {user.mustChangePassword && !user.disabled && (
        <Badge color="yellow" variant="light">
          {t('admin:users.status.mustChangePassword')}
        </Badge>
      )}
    </Group>
  );
}
