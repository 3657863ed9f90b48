// The frame of the pages shown outside the shell: sign-in and the forced password change.
import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/** A centred card under a slim header with the product name and the language menu. */
export function AuthLayout({ children, headerActions }: { children: ReactNode; headerActions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="lg" h={56} bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Text component="span" fz="xl" fw={750} c="indigo.9" style={{ letterSpacing: '0.02em' }}>
          {t('common:appName')}
        </Text>
        <Group gap="xs">
          <LanguageSwitch />
          {headerActions}
        </Group>
      </Group>
      <Center component="main" id="main" px="md" py={48}>
        <Stack w="100%" maw={420} gap="lg">
          <Paper withBorder shadow="sm" radius="md" p="xl">
            {children}
          </Paper>
          <Text size="sm" c="dimmed" ta="center">
            {t('common:tagline')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
