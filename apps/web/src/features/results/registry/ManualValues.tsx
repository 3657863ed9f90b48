// The manual values of an indicator: enter one for a quarter with its evidence (required), and the
// list of values entered, where another person approves or rejects a pending one (four eyes) and the
// evidence can be downloaded.
import { Alert, Anchor, Badge, Button, FileInput, Group, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualValue } from '@taama/core';
import { ApiError } from '../../../api/client';
import { formatDateTime, formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { resultsKeys } from '../api';
import { registryApi, registryKeys } from './api';

const STATUS_COLOR = { pending: 'yellow', approved: 'teal', rejected: 'red', superseded: 'gray' } as const;

/** The entry form. */
function EntryForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState<number | ''>('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const enter = useMutation({
    mutationFn: (evidence: File) => registryApi.enter(code, { period, value: Number(value), note: note.trim() || undefined }, evidence),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('results:manual.entered') });
      setPeriod(''); setValue(''); setNote(''); setFile(null); setTried(false);
      void client.invalidateQueries({ queryKey: registryKeys.manual(code) });
    },
  });
  const err = enter.error instanceof ApiError ? enter.error : null;
  const periodOk = /^\d{4}Q[1-4]$/.test(period);
  return (
    <form onSubmit={(e) => { e.preventDefault(); setTried(true); if (file && periodOk && value !== '') enter.mutate(file); }}>
      <Group align="flex-start" wrap="wrap">
        <TextInput label={t('results:manual.period')} placeholder="2025Q1" value={period} onChange={(e) => setPeriod(e.currentTarget.value.trim())} required w={120}
          error={(tried && !periodOk ? t('results:picker.errors.quarter') : undefined) ?? err?.fields.period} />
        <NumberInput label={t('results:manual.value')} value={value} onChange={(n) => setValue(typeof n === 'number' ? n : '')} min={0} required w={140}
          error={(tried && value === '' ? t('results:manual.valueRequired') : undefined) ?? err?.fields.value} />
        <TextInput label={t('results:manual.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} w={260} />
        <FileInput label={t('results:manual.evidence')} description={t('results:manual.evidenceHelp')} value={file} onChange={setFile} accept=".pdf,.jpg,.jpeg,.png,.xlsx" required clearable w={260}
          error={(tried && !file ? t('results:manual.evidenceRequired') : undefined) ?? err?.fields.evidence} />
      </Group>
      {err && <Alert color="red" mt="xs">{err.message}</Alert>}
      <Button type="submit" mt="sm" loading={enter.isPending}>{t('results:manual.submit')}</Button>
    </form>
  );
}

/** The values of a manual indicator and the entry form. */
export function ManualValues({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({ queryKey: registryKeys.manual(code), queryFn: () => registryApi.manualValues(code) });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) => registryApi.decide(code, id, decision),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: registryKeys.manual(code) });
      void client.invalidateQueries({ queryKey: resultsKeys.indicators });
    },
  });
  const columns: Column<ManualValue>[] = [
    { key: 'period', header: t('results:columns.period'), render: (m) => m.period },
    { key: 'value', header: t('results:columns.value'), render: (m) => formatNumber(m.value, i18n.language) },
    { key: 'status', header: t('results:periods.status'), render: (m) => <Badge color={STATUS_COLOR[m.status]} variant="light">{t(`results:enum.manualStatus.${m.status}`)}</Badge> },
    { key: 'entered', header: t('results:manual.enteredAt'), render: (m) => formatDateTime(m.enteredAt, i18n.language), visibleFrom: 'sm' },
    { key: 'note', header: t('results:manual.note'), render: (m) => m.note ?? '', visibleFrom: 'md' },
    {
      key: 'evidence',
      header: t('results:manual.evidence'),
      render: (m) => m.evidence[0] ? <Anchor href={registryApi.evidenceUrl(code, m.id)} download>{m.evidence[0].fileName}</Anchor> : t('results:manual.noEvidence'),
    },
    {
      key: 'actions',
      header: t('results:periods.actions'),
      render: (m) =>
        m.status !== 'pending' ? null : m.abilities.approve ? (
          <Group gap="xs">
            <Button size="xs" color="teal" variant="light" loading={decide.isPending} onClick={() => decide.mutate({ id: m.id, decision: 'approve' })}>{t('results:manual.approve')}</Button>
            <Button size="xs" color="red" variant="subtle" loading={decide.isPending} onClick={() => decide.mutate({ id: m.id, decision: 'reject' })}>{t('results:manual.reject')}</Button>
          </Group>
        ) : (
          <span>{t('results:manual.fourEyes')}</span>
        ),
    },
  ];
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('results:manual.enterTitle')}</Title>
        <EntryForm code={code} />
      </Paper>
      {decide.error && <Alert color="red">{decide.error instanceof ApiError ? decide.error.message : t('results:periods.failed')}</Alert>}
      <DataTable
        caption={t('results:manual.listTitle')}
        columns={columns}
        rows={query.data?.items}
        rowKey={(m) => m.id}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        emptyTitle={t('results:manual.empty')}
      />
    </Stack>
  );
}
