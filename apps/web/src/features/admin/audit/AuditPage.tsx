// The audit log: filtered, paginated entries with expandable details, and the chain check.
import { useMemo } from 'react';
import { Alert, Button, Code, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerifyResult } from '@taama/core';
import { auditApi, usersApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { formatDateTime } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState } from '../../../components/States';
import { useCursorList } from '../../../components/useCursorList';
import { adminKeys } from '../shared';

const FILTERS = ['recordId', 'entityType', 'actorId', 'action', 'from', 'to'] as const;
const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every code under a nested translation object, e.g. {auth: {login: "…"}} → ["auth.login"]. */
function flattenCodes(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return prefix ? [prefix] : [];
  return Object.entries(tree).flatMap(([key, value]) => flattenCodes(value, prefix ? `${prefix}.${key}` : key));
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="green" variant="light" icon={<IconShieldCheck aria-hidden />} title={t('admin:audit.verifyOkTitle')} role="status">
        {t('admin:audit.verifyOk', { count: result.entries })}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('admin:audit.verifyBrokenTitle')} role="alert">
      {t('admin:audit.verifyBroken', { seq: result.firstBrokenEntry, count: result.entries, reason: result.reason })}
    </Alert>
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-label={t('admin:audit.detailsOf', { seq: entry.seq })}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" component="dl" m={0}>
        {[
          [t('admin:audit.requestId'), entry.requestId ?? '—'],
          [t('admin:audit.ip'), entry.ip ?? '—'],
          [t('admin:audit.hash'), entry.hash],
        ].map(([label, value]) => (
          <Stack key={label} gap={2}>
            <Text component="dt" size="xs" fw={600} c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {Object.keys(entry.details).length > 0 && (
        <Code block className="audit-json">
          {JSON.stringify(entry.details, null, 2)}
        </Code>
      )}
    </Stack>
  );
}

/** The audit log viewer. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const list = useCursorList({
    filters: FILTERS,
    search: 'recordId',
    queryKey: adminKeys.audit,
    pageSize: PAGE_SIZE,
    fetch: ({ recordId, entityType, actorId, action, from, to }, page) =>
      auditApi.list({
        recordId: recordId.trim() || undefined,
        entityType: entityType || undefined,
        actorId: actorId || undefined,
        action: action || undefined,
        from: DATE.test(from) ? from : undefined,
        to: DATE.test(to) ? to : undefined,
        ...page,
      }),
  });
  const { filters } = list;
  const { from, to } = filters.values;
  const actors = useQuery({
    queryKey: [...adminKeys.users, 'actors'],
    queryFn: () => usersApi.list({ limit: 500 }),
    enabled: can('user.read'),
    select: (page) => page.items.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
  });
  const verify = useMutation({
    mutationFn: auditApi.verify,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
  });

  const actionOptions = useMemo(() => {
    const codes = flattenCodes(i18n.getResource(i18n.language, 'enums', 'auditAction'));
    return codes.map((code) => ({ value: code, label: t(`enums:auditAction.${code}`) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [i18n, t]);
  const entityOptions = useMemo(() => {
    const codes = Object.keys((i18n.getResource(i18n.language, 'enums', 'entityType') as Record<string, string> | undefined) ?? {});
    return codes.map((code) => ({ value: code, label: t(`enums:entityType.${code}`) }));
  }, [i18n, t]);

  const columns: Column<AuditEntry>[] = [
    { key: 'seq', header: t('admin:audit.columns.seq'), render: (e) => <Text size="sm" ff="monospace">{e.seq}</Text>, visibleFrom: 'sm', width: 70 },
    { key: 'at', header: t('admin:audit.columns.at'), render: (e) => formatDateTime(e.at, i18n.language) },
    { key: 'actor', header: t('admin:audit.columns.actor'), render: (e) => e.actorUsername ?? t('admin:audit.system') },
    { key: 'action', header: t('admin:audit.columns.action'), render: (e) => t(`enums:auditAction.${e.action}`, { defaultValue: e.action }) },
    {
      key: 'entity',
      header: t('admin:audit.columns.entity'),
      render: (e) =>
        e.entityType ? (
          <Stack gap={0}>
            <Text size="sm">{t(`enums:entityType.${e.entityType}`, { defaultValue: e.entityType })}</Text>
            {e.entityId && (
              <Text size="xs" c="dimmed" ff="monospace" truncate maw={220} title={e.entityId}>
                {e.entityId}
              </Text>
            )}
          </Stack>
        ) : (
          '—'
        ),
      visibleFrom: 'md',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin:audit.title')}
        description={t('admin:audit.description')}
        actions={
          can('audit.verify') && (
            <Button leftSection={<IconShieldCheck size={16} aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('admin:audit.verify')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        {verify.data && <VerifyResult result={verify.data} />}
        {verify.isError && <ErrorState error={verify.error} />}
        <DataTable
          {...list.table}
          caption={t('admin:audit.title')}
          columns={columns}
          rowKey={(e) => String(e.seq)}
          emptyTitle={t('admin:audit.emptyTitle')}
          emptyDescription={t('admin:audit.emptyDescription')}
          renderDetails={(e) => <EntryDetails entry={e} />}
          detailsLabel={(e) => t('admin:audit.detailsOf', { seq: e.seq })}
          toolbar={
            <ListToolbar
              {...list.toolbar}
              searchLabel={t('admin:audit.filters.recordId')}
              filters={
                <>
                  <FilterSelect filters={filters} name="entityType" label={t('admin:audit.filters.entityType')} data={entityOptions} w={190} />
                  {can('user.read') && <FilterSelect filters={filters} name="actorId" label={t('admin:audit.filters.actor')} data={actors.data ?? []} searchable w={220} />}
                  <FilterSelect filters={filters} name="action" label={t('admin:audit.filters.action')} data={actionOptions} searchable w={240} />
                  <Group gap="sm" wrap="nowrap">
                    <TextInput type="date" label={t('admin:audit.filters.from')} value={from} max={to || undefined} onChange={(event) => filters.set('from', event.currentTarget.value)} w={160} />
                    <TextInput type="date" label={t('admin:audit.filters.to')} value={to} min={from || undefined} onChange={(event) => filters.set('to', event.currentTarget.value)} w={160} />
                  </Group>
                </>
              }
            />
          }
        />
      </Stack>
    </>
  );
}
