// RSS instrument versions: their status (unverified or verified) and whether results use them; an
// administrator adds a version by uploading its JSON or XLSX (a template is offered), and sees the
// server's validation errors by field path.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { describeError, translateFieldMessage } from '../../../app/errors';
import { DataTable, type Column } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { formatDay } from '../../registry/shared';
import { INSTRUMENT_TEMPLATE_URL, instrumentsApi, reintegrationKeys } from '../api';
import type { RssInstrumentSummary } from '../types';

/** The server's refusal of an uploaded instrument: one line per field path. */
export function InstrumentErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <Alert color="red" variant="light" role="alert" title={describeError(t, error)}>
      {fields.length > 0 && (
        <List size="sm" data-testid="instrument-errors">
          {fields.map(([path, message]) => (
            <List.Item key={path}>
              <Text span ff="monospace" fw={600}>{path}</Text> : {translateFieldMessage(t, message)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Reads a chosen JSON file; a file that is not JSON is refused here, before any upload. */
async function readJson(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'not JSON', { file: 'is not a JSON document' });
  }
}

/** The upload panel (JSON or XLSX). */
function AddInstrument() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [added, setAdded] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => (/\.xlsx$/i.test(file.name) ? instrumentsApi.importXlsx(file) : instrumentsApi.create(await readJson(file))),
    onSuccess: (instrument) => {
      setAdded(instrument.version);
      void queryClient.invalidateQueries({ queryKey: reintegrationKeys.instruments });
    },
    onMutate: () => setAdded(null),
  });
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('reintegration:instruments.add')}</Title>
        <Text size="sm" c="dimmed">{t('reintegration:instruments.addHint')}</Text>
        <Group>
          <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/json,.json,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => <Button {...props} leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending}>{t('reintegration:instruments.upload')}</Button>}
          </FileButton>
          <Anchor href={INSTRUMENT_TEMPLATE_URL} download>
            <Group gap={4}><IconDownload size={16} aria-hidden />{t('reintegration:instruments.template')}</Group>
          </Anchor>
        </Group>
        <InstrumentErrors error={upload.error} />
        {added && <Alert color="green" variant="light">{t('reintegration:instruments.added', { version: added })}</Alert>}
      </Stack>
    </Paper>
  );
}

/** The instruments page. */
export default function InstrumentsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const list = useQuery({ queryKey: reintegrationKeys.instruments, queryFn: () => instrumentsApi.list() });
  const columns: Column<RssInstrumentSummary>[] = [
    { key: 'version', header: t('reintegration:instruments.version'), render: (i) => <Anchor component={Link} to={`/reintegration/instruments/${encodeURIComponent(i.version)}`} fw={600}>{i.version}</Anchor> },
    { key: 'status', header: t('reintegration:instruments.status'), render: (i) => <Badge variant="light" color={i.status === 'verified' ? 'green' : 'orange'}>{t(`reintegration:enum.instrumentStatus.${i.status}`)}</Badge> },
    { key: 'inUse', header: t('reintegration:instruments.inUse'), render: (i) => (i.inUse ? t('reintegration:instruments.inUseYes') : t('reintegration:instruments.inUseNo')) },
    { key: 'items', header: t('reintegration:instruments.items'), render: (i) => i.itemCount },
    { key: 'created', header: t('reintegration:instruments.created'), render: (i) => formatDay(i.createdAt, i18n.language), visibleFrom: 'sm' },
  ];
  return (
    <>
      <PageHeader title={t('reintegration:instruments.title')} description={t('reintegration:instruments.description')} />
      <Stack gap="lg">
        {can('rssInstrument.manage') && <AddInstrument />}
        <DataTable
          caption={t('reintegration:instruments.title')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(i) => i.version}
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          emptyTitle={t('reintegration:instruments.none')}
        />
      </Stack>
    </>
  );
}
