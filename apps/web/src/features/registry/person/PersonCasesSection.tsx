// A person's transit cases, and opening a new one at the caller's site.
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconFolderPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Person } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { casesApi, protectionKeys } from '../../protection/api';
import { CaseStatusBadge, PriorityBadge } from '../../protection/shared';
import { registryKeys } from '../api';
import { formatDay, today } from '../shared';

/** Opens a transit case for the person and goes to it. */
export function OpenCaseButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () => casesApi.create({ personId: person.id, openedOn: today() }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: protectionKeys.cases });
      void queryClient.invalidateQueries({ queryKey: registryKeys.timeline(person.id) });
      notifications.show({ color: 'green', message: t('protection:case.opened', { caseNumber: created.caseNumber }) });
      void navigate(`/protection/cases/${created.id}`);
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(t, error) }),
  });
  if (!person.abilities.openTransitCase || person.status !== 'active') return null;
  return (
    <Button leftSection={<IconFolderPlus size={16} aria-hidden />} onClick={() => open.mutate()} loading={open.isPending}>
      {t('protection:case.open')}
    </Button>
  );
}

/** The person's cases, newest first. */
export function PersonCasesSection({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const cases = useQuery({
    queryKey: [...protectionKeys.cases, 'person', person.id],
    queryFn: () => casesApi.list({ personId: person.id, limit: 50 }),
    enabled: can('transitCase.read'),
  });
  if (!can('transitCase.read')) return <EmptyState title={t('registry:person.noCaseAccess')} />;
  if (cases.isPending) return <LoadingState />;
  if (cases.isError) return <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  if (cases.data.items.length === 0) return <EmptyState title={t('registry:person.noCases')} action={<OpenCaseButton person={person} />} />;
  return (
    <Stack gap="xs">
      {cases.data.items.map((c) => (
        <Paper key={c.id} withBorder p="sm">
          <Group justify="space-between">
            <Stack gap={0}>
              <Anchor component={Link} to={`/protection/cases/${c.id}`} fw={600}>{c.caseNumber}</Anchor>
              <Text size="xs" c="dimmed">
                {c.siteName} · {t('protection:case.openedOn', { date: formatDay(c.openedOn, i18n.language) })}
              </Text>
            </Stack>
            <Group gap="xs">
              <CaseStatusBadge status={c.status} />
              <PriorityBadge priority={c.priority} />
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
