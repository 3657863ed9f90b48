// Account security (/account/security): two-step verification, recovery codes, password, open sessions.
import { useEffect } from 'react';
import { Button, Paper, Stack } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { MfaCard } from './MfaCard';
import { SessionsList } from './SessionsList';

/** The account security page. */
export default function SecurityPage() {
  const { t } = useTranslation('account');
  useEffect(() => {
    document.title = `${t('security.title')} · Taama`;
  }, [t]);
  return (
    <>
      <PageHeader
        title={t('security.title')}
        description={t('security.description')}
        actions={<Button component={Link} to="/account/password" variant="light" leftSection={<IconKey size={16} aria-hidden />}>{t('security.changePassword')}</Button>}
      />
      <Stack gap="lg" maw={900}>
        <Paper withBorder p="lg"><MfaCard /></Paper>
        <Paper withBorder p="lg"><SessionsList /></Paper>
      </Stack>
    </>
  );
}
