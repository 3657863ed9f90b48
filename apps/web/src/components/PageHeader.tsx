// The top of every page: its title (the page's only h1), a short description, and its actions.
import { useEffect, type ReactNode } from 'react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** A link back to the list this page belongs to. */
  back?: { to: string; label: string };
  badges?: ReactNode;
}

/** Title, description, back link and actions of a page. */
export function PageHeader({ title, description, actions, back, badges }: PageHeaderProps) {
  // The browser tab and screen-reader history name the page too.
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} · Taama`;
  }, [title]);
  return (
    <Stack gap={4} mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} size="sm" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 20rem' }}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {title}
            </Title>
            {badges}
          </Group>
          {description && (
            <Text c="dimmed" maw="48rem">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** The "New …" button in a list page's header, leading to the creation form. */
export function NewRecordButton({ to, label }: { to: string; label: string }) {
  return (
    <Button component={Link} to={to} leftSection={<IconPlus size={16} aria-hidden />}>
      {label}
    </Button>
  );
}
