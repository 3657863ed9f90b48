// Shown instead of the app to a user whose role requires two-step verification and who has not set
// it up yet (the server refuses everything else meanwhile).
import { Alert, Button, Stack, Title } from '@mantine/core';
import { IconInfoCircle, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { AuthLayout } from '../auth/AuthLayout';
import { MfaEnrolment } from './MfaEnrolment';

/** The forced enrolment screen; once done, /me no longer says mustEnrol and the app opens. */
export function ForcedMfaPage() {
  const { t } = useTranslation(['account', 'common']);
  const { logout, refresh } = useAuth();
  return (
    <AuthLayout
      headerActions={
        <Button variant="subtle" color="gray" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
          {t('common:user.logout')}
        </Button>
      }
    >
      <Stack gap="md">
        <Title order={1} size="h2">{t('account:mfa.forcedTitle')}</Title>
        <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />}>{t('account:mfa.forcedDescription')}</Alert>
        <MfaEnrolment onDone={() => void refresh()} />
      </Stack>
    </AuthLayout>
  );
}
