// The changes made on this device and not yet accepted by the server: waiting ones, conflicts to
// resolve and rejections with the server's reasons, each with retry or discard (SPEC §12).
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { entityOf } from '../../offline/merge';
import { useOfflineStatus } from '../../offline/status';
import type { OutboxEntry } from '../../offline/types';
import { discardChange, retryChange, syncNow } from './actions';
import { useOutbox } from './useOutbox';

const STATUS_COLOR = { pending: 'blue', conflict: 'orange', rejected: 'red' } as const;

/** The page of the record a change is about, when it has one that works from the device copy. */
function recordPath(entry: OutboxEntry): string | null {
  const record = entry.change.record;
  const id = typeof record.id === 'string' ? record.id : null;
  const entity = entityOf(entry.change.type);
  if (entity === 'person' && id) return `/protection/people/${id}`;
  if (entity === 'transitCase' && id) return `/protection/cases/${id}`;
  if (['screening', 'service', 'referral'].includes(entity) && typeof record.transitCaseId === 'string') return `/protection/cases/${record.transitCaseId}`;
  return null;
}

function when(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}

/** The server's reason for refusing a change, with its field messages. */
function Reason({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  if (entry.status === 'conflict') return <Text size="sm">{t('offline:pending.conflictReason', { count: entry.conflict?.fields.length ?? 0 })}</Text>;
  if (!entry.error) return entry.attempts > 0 ? <Text size="sm" c="dimmed">{t('offline:pending.attempts', { count: entry.attempts })}</Text> : null;
  const fields = Object.entries(entry.error.fields ?? {});
  return (
    <Stack gap={2}>
      <Text size="sm">{entry.error.message}</Text>
      {fields.length > 0 && (
        <List size="xs">
          {fields.map(([field, message]) => (
            <List.Item key={field}>
              <Text span fw={600} size="xs">{field}</Text> : {message}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The pending-changes page. */
export default function PendingChangesPage() {
  const { t, i18n } = useTranslation();
  const status = useOfflineStatus();
  const { entries, reload, error } = useOutbox();
  const [discarding, setDiscarding] = useState<OutboxEntry | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
      reload();
    }
  };

  const header = (
    <PageHeader
      title={t('offline:pending.title')}
      description={t('offline:pending.description')}
      badges={<Badge color={status.online ? 'teal' : 'gray'}>{status.online ? t('offline:badge.online') : t('offline:badge.offline')}</Badge>}
      actions={
        status.unlocked && (
          <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void run(syncNow)} loading={status.syncing} disabled={!status.online}>
            {t('offline:pending.syncNow')}
          </Button>
        )
      }
    />
  );

  if (!status.unlocked) {
    return (
      <>
        {header}
        <Alert color="orange">{t('offline:pending.locked')}</Alert>
      </>
    );
  }
  if (error) return <>{header}<ErrorState error={error} onRetry={reload} /></>;
  if (!entries) return <>{header}<LoadingState /></>;

  return (
    <>
      {header}
      <Text size="sm" c="dimmed" mb="md">
        {t('offline:pending.summary', { count: status.records })}
        {status.lastSyncAt ? ` · ${t('offline:pending.lastSync', { at: when(status.lastSyncAt, i18n.language) })}` : ''}
      </Text>
      {entries.length === 0 ? (
        <EmptyState title={t('offline:pending.none')} description={t('offline:pending.noneHint')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="sm" striped data-testid="pending-table">
              <Table.Caption>{t('offline:pending.caption', { count: entries.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('offline:pending.what')}</Table.Th>
                  <Table.Th scope="col">{t('offline:pending.recordedAt')}</Table.Th>
                  <Table.Th scope="col">{t('offline:pending.status')}</Table.Th>
                  <Table.Th scope="col">{t('offline:pending.reason')}</Table.Th>
                  <Table.Th scope="col">{t('offline:pending.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => {
                  const entity = entityOf(entry.change.type);
                  const op = entry.change.type.endsWith('.create') ? 'create' : 'update';
                  return (
                    <Table.Tr key={entry.change.idempotencyKey}>
                      <Table.Td>
                        {recordPath(entry) ? (
                          <Anchor component={Link} to={recordPath(entry) ?? '/'} size="sm" fw={600}>{entry.label}</Anchor>
                        ) : (
                          <Text size="sm" fw={600}>{entry.label}</Text>
                        )}
                        <Text size="xs" c="dimmed">{t(`offline:entity.${entity}`)} · {t(`offline:op.${op}`)}</Text>
                      </Table.Td>
                      <Table.Td>{when(entry.change.recordedAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[entry.status]} variant="light">{t(`offline:status.${entry.status}`)}</Badge>
                      </Table.Td>
                      <Table.Td><Reason entry={entry} /></Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {entry.status === 'conflict' ? (
                            <Button size="xs" component={Link} to={`/offline/conflicts/${entry.change.idempotencyKey}`} color="orange">
                              {t('offline:pending.resolve')}
                            </Button>
                          ) : (
                            <Button size="xs" variant="light" disabled={busy || !status.online} onClick={() => void run(() => retryChange(entry))}>
                              {t('offline:pending.retry')}
                            </Button>
                          )}
                          <Button size="xs" variant="subtle" color="red" disabled={busy} onClick={() => setDiscarding(entry)}>
                            {t('offline:pending.discard')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ConfirmDialog
        opened={discarding !== null}
        title={t('offline:pending.discardTitle')}
        message={t('offline:pending.discardMessage', { label: discarding?.label ?? '' })}
        confirmLabel={t('offline:pending.discardConfirm')}
        color="red"
        pending={busy}
        onConfirm={() => {
          const entry = discarding;
          setDiscarding(null);
          if (entry) void run(() => discardChange(entry));
        }}
        onClose={() => setDiscarding(null)}
      />
    </>
  );
}
