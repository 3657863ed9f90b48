// The shell's offline indicator (SPEC §12: the UI always shows what is pending): online/offline,
// the number of changes waiting, and a way to unlock the device copy after a reload. It reads the
// small status store only; the offline engine loads when something needs it.
import { useEffect, useState, type FormEvent } from 'react';
import { Badge, Button, Group, Modal, PasswordInput, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCloudOff, IconCloudUpload, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useOfflineStatus } from '../../offline/status';

/** Asks for the password to open the device copy (after a reload, the key is no longer in memory). */
function UnlockButton() {
  const { t } = useTranslation(['offline', 'common']);
  const { me, login } = useAuth();
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!me) return;
    setPending(true);
    setFailed(false);
    try {
      // Online, signing in again checks the password with the server and derives the key; offline,
      // the password must open the copy already on the device.
      if (navigator.onLine) await login(me.username, password);
      else await (await import('../../offline/session')).startOffline(me.username, password);
      setOpened(false);
      setPassword('');
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button size="compact-sm" variant="light" color="orange" leftSection={<IconLock size={14} aria-hidden />} onClick={() => setOpened(true)}>
        {t('offline:unlock.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('offline:unlock.title')} centered>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('offline:unlock.explain')}</Text>
            <PasswordInput label={t('offline:unlock.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={failed ? t('offline:unlock.failed') : undefined} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)} disabled={pending}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={pending} disabled={password === ''}>
                {t('offline:unlock.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Online/offline badge and pending-changes count, linking to the pending-changes page. */
export function OfflineIndicator() {
  const { t } = useTranslation(['offline', 'common']);
  const { can, logout } = useAuth();
  const status = useOfflineStatus();

  // A remote wipe purged the device: the session ends too.
  useEffect(() => {
    if (!status.wiped) return;
    notifications.show({ color: 'red', message: t('offline:wiped') });
    void logout();
  }, [status.wiped, logout, t]);

  if (!can('sync.use') && !status.unlocked) return null;
  const attention = status.conflicts + status.rejected;
  const label = status.online ? t('offline:badge.online') : t('offline:badge.offline');

  return (
    <Group gap={6} wrap="nowrap" data-testid="offline-indicator">
      <Tooltip label={status.online ? t('offline:badge.onlineHint') : t('offline:badge.offlineHint')}>
        <Badge color={status.online ? 'teal' : 'gray'} variant={status.online ? 'light' : 'filled'} leftSection={status.online ? undefined : <IconCloudOff size={12} aria-hidden />} role="status" aria-live="polite">
          {label}
        </Badge>
      </Tooltip>
      {status.locked || (!status.unlocked && can('sync.use')) ? (
        <UnlockButton />
      ) : (
        <Button
          component={Link}
          to="/offline"
          size="compact-sm"
          variant={attention > 0 ? 'filled' : 'subtle'}
          color={attention > 0 ? 'red' : 'indigo'}
          leftSection={<IconCloudUpload size={14} aria-hidden />}
          loading={status.syncing && status.pending > 0}
          aria-label={t('offline:badge.pendingLabel', { count: status.pending, attention })}
          data-testid="pending-changes"
        >
          {attention > 0 ? t('offline:badge.attention', { count: status.pending + attention }) : String(status.pending)}
        </Button>
      )}
    </Group>
  );
}
