// The programme's quarters (/results/periods): open, ended or signed off (by whom and when). An ended
// quarter can be signed off after a confirmation that says what it means: its values are frozen,
// and a later change to its records shows as a flagged restatement.
import { Badge, Button, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodStatus } from '@taama/core';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../api/client';
import { resultsApi, resultsKeys } from './api';

const STATUS_COLOR = { open: 'blue', ended: 'yellow', signed_off: 'teal' } as const;

/** The periods list with the sign-off action. */
export default function PeriodsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [target, setTarget] = useState<PeriodStatus | null>(null);
  const [note, setNote] = useState('');
  const query = useQuery({ queryKey: resultsKeys.periods, queryFn: resultsApi.periods });
  const signOff = useMutation({
    mutationFn: (period: string) => resultsApi.signOff(period, note.trim() || undefined),
    onSuccess: (done) => {
      notifications.show({ color: 'teal', message: t('results:periods.signedOffMessage', { period: done.period }) });
      setTarget(null);
      setNote('');
      void client.invalidateQueries({ queryKey: resultsKeys.periods });
      void client.invalidateQueries({ queryKey: resultsKeys.indicators });
    },
  });
  const columns: Column<PeriodStatus>[] = [
    { key: 'period', header: t('results:columns.period'), render: (p) => p.period },
    { key: 'span', header: t('results:periods.span'), render: (p) => `${p.from} → ${p.to}`, visibleFrom: 'sm' },
    { key: 'status', header: t('results:periods.status'), render: (p) => <Badge color={STATUS_COLOR[p.status]} variant="light">{t(`results:enum.periodStatus.${p.status}`)}</Badge> },
    {
      key: 'signedOff',
      header: t('results:periods.signedOffBy'),
      render: (p) => (p.signedOffAt ? t('results:periods.signedOffAt', { by: p.signedOffBy ?? '—', at: formatDateTime(p.signedOffAt, i18n.language) }) : '—'),
    },
    { key: 'note', header: t('results:periods.note'), render: (p) => p.note ?? '', visibleFrom: 'md' },
    {
      key: 'actions',
      header: t('results:periods.actions'),
      render: (p) =>
        p.status === 'ended' && can('period.signOff') ? (
          <Button size="xs" variant="light" onClick={() => { signOff.reset(); setTarget(p); }} aria-label={t('results:periods.signOffAria', { period: p.period })}>
            {t('results:periods.signOff')}
          </Button>
        ) : null,
    },
  ];
  const error = signOff.error instanceof ApiError ? signOff.error.message : signOff.error ? t('results:periods.failed') : undefined;
  return (
    <>
      <PageHeader title={t('results:periods.title')} description={t('results:periods.description')} />
      <DataTable
        caption={t('results:periods.title')}
        columns={columns}
        rows={query.data?.items}
        rowKey={(p) => p.period}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        emptyTitle={t('results:periods.empty')}
      />
      <ConfirmDialog
        opened={target !== null}
        title={t('results:periods.confirmTitle', { period: target?.period ?? '' })}
        message={
          <>
            {t('results:periods.confirmMessage', { period: target?.period ?? '' })}
            <Textarea mt="sm" label={t('results:periods.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          </>
        }
        confirmLabel={t('results:periods.confirm')}
        pending={signOff.isPending}
        error={error}
        onConfirm={() => target && signOff.mutate(target.period)}
        onClose={() => setTarget(null)}
      />
    </>
  );
}
