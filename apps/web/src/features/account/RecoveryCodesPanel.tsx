// Recovery codes, shown once right after they are made: to print or keep somewhere safe.
import { Alert, Button, Code, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The list of fresh recovery codes with print and "saved" buttons. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation('account');
  return (
    <Stack gap="sm" aria-labelledby="recovery-title">
      <Title order={3} size="h4" id="recovery-title">{t('recovery.title')}</Title>
      <Alert color="yellow" variant="light">{t('recovery.explain')}</Alert>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
        {codes.map((code) => (
          <li key={code}><Code fz="md">{code}</Code></li>
        ))}
      </SimpleGrid>
      <Group>
        <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>{t('recovery.print')}</Button>
        <Button onClick={onDone}>{t('recovery.saved')}</Button>
      </Group>
    </Stack>
  );
}
