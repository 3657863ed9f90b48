// Creating a user, or viewing and editing one with its account actions (disable, enable, reset).
import { useState } from 'react';
import { Box, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PASSWORD_MIN_LENGTH, type User } from '@taama/core';
import { usersApi } from '../../../api/endpoints';
import { SessionsList } from '../../account/SessionsList';
import { useAuth } from '../../../app/auth';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormErrorAlert, useFormState } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { CreateRecordPage, QueryGate, useEditRecord, versionKey } from '../../../components/recordPages';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { adminResources } from '../shared';
import { UserForm, userInput, userPatch } from './UserForm';
import { UserStatus } from './UserStatus';

const RESOURCE = adminResources.users;

function ResetPasswordDialog({ user, opened, onClose, onDone }: { user: User; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ password: '' });
  const submission = useFormSubmit(form, {
    fields: ['password'],
    validate: (values) => (values.password.length < PASSWORD_MIN_LENGTH ? { password: t('common:fieldMessages.minChars', { count: PASSWORD_MIN_LENGTH }) } : {}),
    onSubmit: async (values) => {
      await usersApi.resetPassword(user.id, values.password);
      notifications.show({ color: 'green', message: t('admin:users.resetDone', { username: user.username }) });
      form.set('password', '');
      onDone(); // the account changed (must change password, new version)
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={submission.pending ? () => undefined : onClose} title={t('admin:users.resetTitle', { username: user.username })} centered>
      <form onSubmit={submission.submit} noValidate>
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
            <Button variant="default" onClick={onClose} disabled={submission.pending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={submission.pending}>
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
  const queryClient = useQueryClient();
  const { can, me } = useAuth();
  const [confirming, setConfirming] = useState(false);
  // Fixed when the dialog opens, so its wording does not flip while it closes after success.
  const [action, setAction] = useState<'disable' | 'enable'>('disable');
  const [resetting, setResetting] = useState(false);
  const edit = useEditRecord(RESOURCE, id, (updated) => t('admin:users.saved', { username: updated.username }));

  const toggleDisabled = useMutation({
    mutationFn: (next: 'disable' | 'enable') => (next === 'enable' ? usersApi.enable(id) : usersApi.disable(id)),
    onSuccess: (updated) => {
      edit.saved(updated);
      setConfirming(false);
      notifications.show({
        color: 'green',
        message: updated.disabled ? t('admin:users.disabledDone', { username: updated.username }) : t('admin:users.enabledDone', { username: updated.username }),
      });
    },
  });
  const manage = can('user.manage');

  return (
    <QueryGate query={edit.query}>
      {(current) => (
        <>
          <PageHeader
            title={t('admin:users.editTitle', { username: current.username })}
            description={current.displayName}
            back={{ to: RESOURCE.path, label: t('admin:users.title') }}
            badges={<UserStatus user={current} />}
            actions={
              manage && (
                <>
                  <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => setResetting(true)}>
                    {t('admin:users.resetPassword')}
                  </Button>
                  {me?.id !== current.id && (
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
          <UserForm key={versionKey(current)} record={current} readOnly={!manage} onReload={edit.reload} onSubmit={(values) => edit.save(current, userPatch(current, values))} />
          {manage && (
            <Box mt="xl">
              <SessionsList userId={current.id} />
            </Box>
          )}
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
              edit.reload();
              void queryClient.invalidateQueries({ queryKey: RESOURCE.listQueryKey });
            }}
          />
        </>
      )}
    </QueryGate>
  );
}

function CreateUser() {
  const { t } = useTranslation();
  return (
    <CreateRecordPage
      resource={RESOURCE}
      title={t('admin:users.createTitle')}
      backLabel={t('admin:users.title')}
      createdMessage={(created) => t('admin:users.created', { username: created.username })}
      form={(create) => <UserForm readOnly={false} onSubmit={(values) => create(userInput(values))} />}
    />
  );
}

/** /admin/users/new and /admin/users/:id. */
export default function UserFormPage() {
  const { id } = useParams();
  return id ? <EditUser id={id} /> : <CreateUser />;
}
