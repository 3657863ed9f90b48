// Creating a user, or viewing and editing one with its account actions (disable, enable, reset).
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PASSWORD_MIN_LENGTH, type User } from '@taama/core';
import { usersApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormErrorAlert, useFormState } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { adminKeys } from '../shared';
import { UserForm } from './UserForm';
import { UserStatus } from './UserStatus';

function ResetPasswordDialog({ user, opened, onClose, onDone }: { user: User; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ password: '' });
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearServerError();
    if (form.values.password.length < PASSWORD_MIN_LENGTH) {
      form.setErrors({ password: t('common:fieldMessages.minChars', { count: PASSWORD_MIN_LENGTH }) });
      return;
    }
    setPending(true);
    try {
      await usersApi.resetPassword(user.id, form.values.password);
      notifications.show({ color: 'green', message: t('admin:users.resetDone', { username: user.username }) });
      form.set('password', '');
      onDone(); // the account changed (must change password, new version)
      onClose();
    } catch (error) {
      form.showServerError(t, error, ['password']);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal opened={opened} onClose={pending ? () => undefined : onClose} title={t('admin:users.resetTitle', { username: user.username })} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text size="sm">{t('admin:users.resetDescription')}</Text>
          <FormErrorAlert error={form.submitError} other={form.otherErrors} />
          <PasswordInput
            label={t('admin:users.resetField')}
            autoComplete="new-password"
            required
            data-autofocus
            value={form.values.password}
            error={form.errors.password}
            onChange={(event) => form.set('password', event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={pending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('admin:users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EditUser({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { can, me } = useAuth();
  const [confirming, setConfirming] = useState(false);
  // Fixed when the dialog opens, so its wording does not flip while it closes after success.
  const [action, setAction] = useState<'disable' | 'enable'>('disable');
  const [resetting, setResetting] = useState(false);
  const user = useQuery({ queryKey: adminKeys.user(id), queryFn: () => usersApi.get(id) });

  const saved = (updated: User) => {
    queryClient.setQueryData(adminKeys.user(id), updated);
    void queryClient.invalidateQueries({ queryKey: adminKeys.users });
  };
  const toggleDisabled = useMutation({
    mutationFn: (next: 'disable' | 'enable') => (next === 'enable' ? usersApi.enable(id) : usersApi.disable(id)),
    onSuccess: (updated) => {
      saved(updated);
      setConfirming(false);
      notifications.show({
        color: 'green',
        message: updated.disabled ? t('admin:users.disabledDone', { username: updated.username }) : t('admin:users.enabledDone', { username: updated.username }),
      });
    },
  });

  if (user.isPending) return <LoadingState />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  const current = user.data;
  const manage = can('user.manage');
  const self = me?.id === current.id;

  return (
    <>
      <PageHeader
        title={t('admin:users.editTitle', { username: current.username })}
        description={current.displayName}
        back={{ to: '/admin/users', label: t('admin:users.title') }}
        badges={<UserStatus user={current} />}
        actions={
          manage && (
            <>
              <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => setResetting(true)}>
                {t('admin:users.resetPassword')}
              </Button>
              {!self && (
                <Button
                  variant={current.disabled ? 'light' : 'outline'}
                  color={current.disabled ? 'green' : 'red'}
                  leftSection={current.disabled ? <IconUserCheck size={16} aria-hidden /> : <IconUserOff size={16} aria-hidden />}
                  onClick={() => {
                    toggleDisabled.reset();
                    setAction(current.disabled ? 'enable' : 'disable');
                    setConfirming(true);
                  }}
                >
                  {current.disabled ? t('admin:users.enable') : t('admin:users.disable')}
                </Button>
              )}
            </>
          )
        }
      />
      <UserForm
        key={`${current.id}:${current.version}`}
        user={current}
        readOnly={!manage}
        onUpdate={async (patch) => {
          const updated = await usersApi.update(current.id, current.version, patch);
          saved(updated);
          notifications.show({ color: 'green', message: t('admin:users.saved', { username: updated.username }) });
        }}
        onReload={() => void user.refetch()}
        onCancel={() => void navigate('/admin/users')}
      />
      <ConfirmDialog
        opened={confirming}
        title={t(`admin:users.${action}Title`, { username: current.username })}
        message={t(`admin:users.${action}Message`, { username: current.username })}
        confirmLabel={t(`admin:users.${action}`)}
        color={action === 'enable' ? 'green' : 'red'}
        pending={toggleDisabled.isPending}
        error={<FormErrorAlert error={toggleDisabled.error} />}
        onConfirm={() => toggleDisabled.mutate(action)}
        onClose={() => setConfirming(false)}
      />
      <ResetPasswordDialog
        user={current}
        opened={resetting}
        onClose={() => setResetting(false)}
        onDone={() => {
          void user.refetch();
          void queryClient.invalidateQueries({ queryKey: adminKeys.users });
        }}
      />
    </>
  );
}

function CreateUser() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t('admin:users.createTitle')} back={{ to: '/admin/users', label: t('admin:users.title') }} />
      <UserForm
        onCreate={async (input) => {
          const created = await usersApi.create(input);
          void queryClient.invalidateQueries({ queryKey: adminKeys.users });
          notifications.show({ color: 'green', message: t('admin:users.created', { username: created.username }) });
          await navigate(`/admin/users/${created.id}`);
        }}
        onCancel={() => void navigate('/admin/users')}
      />
    </>
  );
}

/** /admin/users/new and /admin/users/:id. */
export default function UserFormPage() {
  const { id } = useParams();
  return id ? <EditUser id={id} /> : <CreateUser />;
}
