// The user's open sessions (device, address, opened, last activity), each closable.
import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { describeError } from '../../app/errors';
import { ErrorState, LoadingState } from '../../components/States';
import { accountKeys, securityApi } from './api';

/** A short device name from a user agent string. */
export function deviceOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /(Firefox|Edg|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[1]?.replace('Edg', 'Edge');
  // In order: an Android user agent also says Linux.
  const system = ['Android', 'iPhone', 'iPad', 'Windows', 'Mac OS X', 'Linux'].find((name) => userAgent.includes(name));
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}

/**
 * The open sessions: the caller's own on the account security page, or, given `userId`, another
 * user's on the administrators' user page (closing one signs that device out).
 */
export function SessionsList({ userId }: { userId?: string }) {
  const { t, i18n } = useTranslation(['account', 'common']);
  const client = useQueryClient();
  const queryKey = userId ? accountKeys.userSessions(userId) : accountKeys.sessions;
  const query = useQuery({ queryKey, queryFn: () => (userId ? securityApi.userSessions(userId) : securityApi.sessions()) });
  const revoke = useMutation({
    mutationFn: (sessionId: string) => (userId ? securityApi.revokeUserSession(userId, sessionId) : securityApi.revoke(sessionId)),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('account:sessions.revoked') });
      void client.invalidateQueries({ queryKey });
    },
    onError: (error) => notifications.show({ color: 'red', message: describeError(t, error) }),
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4" id="sessions-title">{t('account:sessions.title')}</Title>
      {query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="sessions-title" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account:sessions.device')}</Table.Th>
                <Table.Th>{t('account:sessions.ip')}</Table.Th>
                <Table.Th>{t('account:sessions.created')}</Table.Th>
                <Table.Th>{t('account:sessions.lastSeen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((s) => {
                const device = deviceOf(s.userAgent) ?? t('account:sessions.unknownDevice');
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>{device}</Table.Td>
                    <Table.Td>{s.ip ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(s.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>{formatDateTime(s.lastSeenAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      {s.current ? (
                        <Badge variant="light">{t('account:sessions.current')}</Badge>
                      ) : (
                        <Button size="xs" variant="light" color="red" aria-label={t('account:sessions.revokeLabel', { device })} loading={revoke.isPending && revoke.variables === s.id} onClick={() => revoke.mutate(s.id)}>
                          {t('account:sessions.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.data && query.data.items.length <= (userId ? 0 : 1) && <Text size="sm" c="dimmed">{t(userId ? 'account:sessions.noneForUser' : 'account:sessions.empty')}</Text>}
    </Stack>
  );
}
