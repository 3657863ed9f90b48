// Actions on a case: workflow moves (closing asks for the reason), assignment with If-Match (a stale
// version says someone else changed the case), and transfer to another site.
import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS, type ClosureReason, type TransitCase, type TransitCaseStatus } from '@taama/core';
import { useAuth, useMe } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { FormErrorAlert } from '../../../components/forms';
import { useSites, useUsers } from './people';
import { useCodeOptions } from '../../registry/shared';
import { casesApi } from '../api';
import { useCaseRefresh } from './useCaseRefresh';

/** One button per status the case may move to; closing opens a dialog for the reason. */
export function TransitionButtons({ transitCase: c }: { transitCase: TransitCase }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(c);
  const reasons = useCodeOptions('protection', 'closureReason', CLOSURE_REASONS);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<ClosureReason>('continued_journey');
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: (to: TransitCaseStatus) => casesApi.transition(c.id, { to, ...(to === 'closed' ? { closureReason: reason } : {}), ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (updated) => {
      setClosing(false);
      setNote('');
      refresh();
      notifications.show({ color: 'green', message: t('protection:case.moved', { status: t(`protection:codes.caseStatus.${updated.status}`) }) });
    },
    onError: (error) => {
      if (!closing) notifications.show({ color: 'red', message: describeError(t, error) });
    },
  });
  return (
    <>
      {c.abilities.nextStatuses.map((to) => (
        <Button key={to} variant={to === 'closed' ? 'outline' : 'light'} color={to === 'closed' ? 'gray' : undefined} loading={move.isPending && move.variables === to} onClick={() => (to === 'closed' ? setClosing(true) : move.mutate(to))}>
          {t(`protection:case.moveTo.${to}`)}
        </Button>
      ))}
      <Modal opened={closing} onClose={() => setClosing(false)} title={t('protection:case.closeTitle', { caseNumber: c.caseNumber })} centered>
        <Stack>
          <NativeSelect label={t('protection:case.closureReason')} required data={reasons} value={reason} onChange={(e) => setReason(e.currentTarget.value as ClosureReason)} />
          <Textarea label={t('protection:case.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          {move.error ? <Alert color="red" role="alert">{describeError(t, move.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>{t('common:actions.cancel')}</Button>
            <Button onClick={() => move.mutate('closed')} loading={move.isPending}>{t('protection:case.moveTo.closed')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Assigns the case to me or (for those who may read users) to someone else, with If-Match. */
export function AssignButton({ transitCase: c }: { transitCase: TransitCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const refresh = useCaseRefresh(c);
  const users = useUsers();
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState<string>(me.id);
  const assign = useMutation({
    mutationFn: (assignedTo: string | null) => casesApi.update(c.id, c.version, { assignedTo }),
    onSuccess: () => {
      setOpen(false);
      refresh();
    },
  });
  if (!c.abilities.update) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>{t('protection:case.assign')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('protection:case.assignTitle', { caseNumber: c.caseNumber })} centered>
        <Stack>
          <FormErrorAlert error={assign.error} onReload={() => { setOpen(false); refresh(); }} />
          <Select
            label={t('protection:case.assignee')}
            data={[{ value: me.id, label: t('protection:case.me', { name: me.displayName }) }, ...users.filter((u) => u.value !== me.id)]}
            value={userId}
            onChange={(v) => setUserId(v ?? me.id)}
            searchable
            allowDeselect={false}
          />
          <Group justify="space-between">
            <Button variant="subtle" color="gray" onClick={() => assign.mutate(null)} loading={assign.isPending && assign.variables === null} disabled={!c.assignedTo}>{t('protection:case.unassign')}</Button>
            <Button onClick={() => assign.mutate(userId)} loading={assign.isPending && assign.variables !== null}>{t('protection:case.assignSubmit')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Transfers the case to another site (and, optionally, someone there). */
export function TransferButton({ transitCase: c }: { transitCase: TransitCase }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const refresh = useCaseRefresh(c);
  const sites = useSites(c.siteId);
  const users = useUsers();
  const [open, setOpen] = useState(false);
  const [siteId, setSiteId] = useState('');
  const [assignedTo, setAssignedTo] = useState('');
  const [note, setNote] = useState('');
  const transfer = useMutation({
    mutationFn: () => casesApi.transfer(c.id, { siteId, assignedTo: assignedTo || null, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => {
      setOpen(false);
      refresh();
      notifications.show({ color: 'green', message: t('protection:case.transferred') });
    },
  });
  if (!c.abilities.update || c.status === 'closed' || !can('transitCase.update')) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>{t('protection:case.transfer')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('protection:case.transferTitle', { caseNumber: c.caseNumber })} centered>
        <Stack>
          <FormErrorAlert error={transfer.error} />
          <Select label={t('protection:case.toSite')} required data={sites} value={siteId || null} onChange={(v) => setSiteId(v ?? '')} searchable nothingFoundMessage={t('protection:case.noSites')} />
          {users.length > 0 && <Select label={t('protection:case.assignee')} data={users} value={assignedTo || null} onChange={(v) => setAssignedTo(v ?? '')} searchable clearable />}
          <Textarea label={t('protection:case.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('common:actions.cancel')}</Button>
            <Button onClick={() => transfer.mutate()} loading={transfer.isPending} disabled={!siteId}>{t('protection:case.transferSubmit')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
