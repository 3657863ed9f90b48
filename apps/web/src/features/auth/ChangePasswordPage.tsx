// Changing one's own password: required before anything else after a reset or on first sign-in,
// and available any time from the user menu.
import { Alert, Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '@taama/core';
import { authApi } from '../../api/endpoints';
import { useAuth } from '../../app/auth';
import { FormErrorAlert, useFormState, type FieldErrors } from '../../components/forms';
import { useFormSubmit } from '../../components/useFormSubmit';
import { PageHeader } from '../../components/PageHeader';
import { AuthLayout } from './AuthLayout';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;

function PasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  const form = useFormState<Values>({ currentPassword: '', newPassword: '', confirm: '' });
  const { values } = form;
  const { submit, pending } = useFormSubmit(form, {
    fields: FIELDS,
    validate: (v) => {
      const errors: FieldErrors<Values> = {};
      if (!v.currentPassword) errors.currentPassword = t('common:fieldMessages.required');
      if (v.newPassword.length < PASSWORD_MIN_LENGTH) errors.newPassword = t('common:fieldMessages.minChars', { count: PASSWORD_MIN_LENGTH });
      if (v.confirm !== v.newPassword) errors.confirm = t('auth:changePassword.mismatch');
      return errors;
    },
    onSubmit: async (v) => {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      notifications.show({ color: 'green', message: t('auth:changePassword.done') });
      await refresh();
      onDone();
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert error={form.submitError} other={form.otherErrors} />
        <PasswordInput
          label={t('auth:changePassword.current')}
          autoComplete="current-password"
          required
          value={values.currentPassword}
          error={form.errors.currentPassword}
          onChange={(event) => form.set('currentPassword', event.currentTarget.value)}
        />
        <PasswordInput
          label={t('auth:changePassword.new')}
          description={t('auth:changePassword.rule', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          value={values.newPassword}
          error={form.errors.newPassword}
          onChange={(event) => form.set('newPassword', event.currentTarget.value)}
        />
        <PasswordInput
          label={t('auth:changePassword.confirm')}
          autoComplete="new-password"
          required
          value={values.confirm}
          error={form.errors.confirm}
          onChange={(event) => form.set('confirm', event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t('auth:changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The password page; `forced` when the user must change it before using Taama. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { logout } = useAuth();

  if (forced) {
    return (
      <AuthLayout
        headerActions={
          <Button variant="subtle" color="gray" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
            {t('common:user.logout')}
          </Button>
        }
      >
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('auth:changePassword.forcedTitle')}
          </Title>
          <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t('auth:changePassword.forcedDescription')}
          </Alert>
          {/* After the change, GET /me no longer says mustChangePassword and the app opens. */}
          <PasswordForm onDone={() => undefined} />
        </Stack>
      </AuthLayout>
    );
  }
  return (
    <>
      <PageHeader title={t('auth:changePassword.title')} />
      <Paper withBorder p="lg" maw={520}>
        <PasswordForm onDone={() => void navigate('/')} />
      </Paper>
    </>
  );
}
