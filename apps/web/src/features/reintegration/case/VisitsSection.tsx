// Monitoring visits of a case (scheduled at plan approval, e.g. 3, 6 and 12 months): record the
// outcome (done or missed, findings, business status) or schedule an extra one.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { fieldError, formatDay, today } from '../../registry/shared';
import { reintegrationApi } from '../api';
import { useEnumOptions, VisitStatusBadge } from '../shared';
import { BUSINESS_STATUSES, type BusinessStatus, type ReintegrationCase, type Visit } from '../types';
import { useCaseRefresh } from './useCaseRefresh';

/** The dialog that records what happened at a visit. */
function OutcomeDialog({ caseId, visit, onClose }: { caseId: string; visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(caseId);
  const businessStatuses = useEnumOptions('businessStatus', BUSINESS_STATUSES);
  const [status, setStatus] = useState<'done' | 'missed'>('done');
  const [visitedOn, setVisitedOn] = useState(today());
  const [findings, setFindings] = useState('');
  const [business, setBusiness] = useState<BusinessStatus | ''>('');
  const record = useMutation({
    mutationFn: () =>
      reintegrationApi.visitOutcome(caseId, visit.id, {
        status,
        ...(status === 'done' ? { visitedOn } : {}),
        ...(findings.trim() ? { findings: findings.trim() } : {}),
        ...(status === 'done' && business ? { businessStatus: business } : {}),
      }),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('reintegration:visits.recordTitle', { date: visit.scheduledOn })} centered>
      <form onSubmit={submit}>
        <Stack>
          <FormErrorAlert error={record.error} />
          <SegmentedControl
            aria-label={t('reintegration:visits.outcome')}
            value={status}
            onChange={(v) => setStatus(v === 'missed' ? 'missed' : 'done')}
            data={[
              { value: 'done', label: t('reintegration:enum.visitStatus.done') },
              { value: 'missed', label: t('reintegration:enum.visitStatus.missed') },
            ]}
          />
          {status === 'done' && <TextInput type="date" label={t('reintegration:visits.visitedOn')} value={visitedOn} max={today()} onChange={(e) => setVisitedOn(e.currentTarget.value)} error={fieldError(t, record.error, 'visitedOn')} />}
          <Textarea label={t('reintegration:visits.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} autosize minRows={3} maxLength={4000} />
          {status === 'done' && <NativeSelect label={t('reintegration:visits.businessStatus')} data={[{ value: '', label: '—' }, ...businessStatuses]} value={business} onChange={(e) => setBusiness(e.currentTarget.value as BusinessStatus | '')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common:actions.cancel')}</Button>
            <Button type="submit" loading={record.isPending}>{t('reintegration:visits.recordSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Schedules one extra visit. */
function AddVisit({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(caseId);
  const [on, setOn] = useState(today());
  const add = useMutation({ mutationFn: () => reintegrationApi.addVisit(caseId, { scheduledOn: on }), onSuccess: refresh });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('reintegration:visits.add')}>
      <Stack gap="xs">
        <Title order={2} size="h4">{t('reintegration:visits.add')}</Title>
        <FormErrorAlert error={add.error} />
        <Group align="flex-end">
          <TextInput type="date" label={t('reintegration:visits.scheduledOn')} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={fieldError(t, add.error, 'scheduledOn')} w={180} />
          <Button type="submit" variant="light" loading={add.isPending}>{t('reintegration:visits.addSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The visits tab. */
export function VisitsSection({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [recording, setRecording] = useState<Visit | null>(null);
  const canEdit = c.abilities.update && can('reintegrationCase.update');
  const visits = [...c.visits].sort((a, b) => (a.scheduledOn < b.scheduledOn ? -1 : 1));
  return (
    <Stack gap="lg">
      {visits.length === 0 ? (
        <EmptyState title={t('reintegration:visits.none')} description={t('reintegration:visits.noneHint')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={600} type="native">
            <Table striped verticalSpacing="xs">
              <Table.Caption>{t('reintegration:case.tabs.visits')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reintegration:visits.scheduledOn')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:visits.status')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:visits.visitedOn')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:visits.businessStatus')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:visits.findings')}</Table.Th>
                  <Table.Th scope="col"><VisuallyHidden>{t('reintegration:visits.record')}</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visits.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{formatDay(v.scheduledOn, i18n.language)}{v.monthsAfterApproval ? ` (${t('reintegration:visits.months', { count: v.monthsAfterApproval })})` : ''}</Table.Td>
                    <Table.Td><VisitStatusBadge status={v.status} overdue={v.overdue} /></Table.Td>
                    <Table.Td>{formatDay(v.visitedOn, i18n.language)}</Table.Td>
                    <Table.Td>{v.businessStatus ? t(`reintegration:enum.businessStatus.${v.businessStatus}`) : '—'}</Table.Td>
                    <Table.Td><Text size="sm" lineClamp={2}>{v.findings ?? '—'}</Text></Table.Td>
                    <Table.Td>{canEdit && v.status === 'scheduled' && <Button size="compact-sm" variant="light" onClick={() => setRecording(v)}>{t('reintegration:visits.record')}</Button>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {canEdit && c.plan?.status === 'approved' && (
        <Paper withBorder p="lg">
          <AddVisit caseId={c.id} />
        </Paper>
      )}
      {recording && <OutcomeDialog caseId={c.id} visit={recording} onClose={() => setRecording(null)} />}
    </Stack>
  );
}
