// Data-subject rights on the person page: download everything held (JSON, PDF), and four-eyes
// erasure with a confirmation that says what will be lost.
import { useState } from 'react';
import { Alert, Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { accountKeys, privacyApi } from './api';

interface Props {
  person: { id: string; status: string };
  /** Called after the erasure changed the person, so the page reloads it. */
  onChanged: () => void;
}

function ExportMenu({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation('account');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />}>{t('privacy.export')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={privacyApi.exportUrl(personId, 'json', lang)} download>{t('privacy.exportJson')}</Menu.Item>
        <Menu.Item component="a" href={privacyApi.exportUrl(personId, 'pdf', lang)} download>{t('privacy.exportPdf')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function EraseDialog({ person, onChanged, onClose }: Props & { onClose: () => void }) {
  const { t, i18n } = useTranslation(['account', 'common']);
  const { me } = useAuth();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const status = useQuery({ queryKey: accountKeys.erasure(person.id), queryFn: () => privacyApi.erasure(person.id) });
  const done = () => {
    void client.invalidateQueries({ queryKey: accountKeys.erasure(person.id) });
    onChanged();
  };
  const erase = useMutation({
    mutationFn: () => privacyApi.erase(person.id, reason.trim()),
    onSuccess: (result) => {
      notifications.show({ color: 'green', message: result.status === 'erased' ? t('account:privacy.done') : t('account:privacy.requested') });
      done();
      onClose();
    },
  });
  const cancel = useMutation({ mutationFn: () => privacyApi.cancel(person.id), onSuccess: done });
  const request = status.data;
  const pending = request?.status === 'pending' ? request : null;
  const mine = pending !== null && pending.requestedBy === me?.username;
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light">{t('account:privacy.eraseConsequences')}</Alert>
      <Text size="sm">{t('account:privacy.fourEyes')}</Text>
      {pending && (
        <Alert color="orange" variant="light" role="status">
          {mine ? t('account:privacy.pendingOwn') : t('account:privacy.pending', { user: pending.requestedBy, date: formatDateTime(pending.requestedAt, i18n.language) })}
        </Alert>
      )}
      {(erase.error ?? cancel.error) && <Alert color="red" role="alert">{describeError(t, erase.error ?? cancel.error)}</Alert>}
      {!mine && (
        <Textarea label={t('account:privacy.reason')} description={t('account:privacy.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={2} maxLength={1000} required data-autofocus />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('account:cancel')}</Button>
        {pending && <Button variant="light" onClick={() => cancel.mutate()} loading={cancel.isPending}>{t('account:privacy.cancel')}</Button>}
        {!mine && (
          <Button color="red" leftSection={<IconTrash size={16} aria-hidden />} disabled={reason.trim().length < 10 || status.isPending} loading={erase.isPending} onClick={() => erase.mutate()}>
            {pending ? t('account:privacy.confirmErase') : t('account:privacy.confirmRequest')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Export and erase buttons for the person page header, shown to those who hold the permissions. */
export function PersonPrivacyActions({ person, onChanged }: Props) {
  const { t } = useTranslation('account');
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const canErase = can('person.erase') && person.status === 'active';
  if (!can('person.export') && !canErase) return null;
  return (
    <>
      {can('person.export') && <ExportMenu personId={person.id} />}
      {canErase && (
        <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setOpen(true)}>
          {t('privacy.erase')}
        </Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('privacy.eraseTitle')} size="lg">
        {open && <EraseDialog person={person} onChanged={onChanged} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
