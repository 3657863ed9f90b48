// Assigning or changing the counsellor of a return case, with If-Match: a stale version says someone
// else changed the case first. Without `user.read` the list offers the caller and the current one.
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { useUsers } from '../../protection/case/people';
import { fieldError } from '../../registry/shared';
import { returnsApi } from '../api';
import { useReturnsRefresh } from '../shared';
import type { ReturnCase } from '../types';

/** The "counsellor" button of the case header and its dialog; nothing when the case cannot be changed. */
export function CounsellorButton({ returnCase: c }: { returnCase: ReturnCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  const refresh = useReturnsRefresh();
  const [open, setOpen] = useState(false);
  const [counsellorId, setCounsellorId] = useState(c.counsellor?.id ?? '');
  const save = useMutation({
    mutationFn: () => returnsApi.update(c.id, c.version, { counsellorId: counsellorId || null }),
    onSuccess: () => {
      setOpen(false);
      refresh();
    },
  });
  if (!c.abilities.update) return null;
  const options = [{ value: me.id, label: t('returns:counsellor.me', { name: me.displayName }) }, ...users.filter((u) => u.value !== me.id)];
  if (c.counsellor && !options.some((u) => u.value === c.counsellor?.id)) options.push({ value: c.counsellor.id, label: c.counsellor.displayName });
  const show = () => {
    save.reset();
    setCounsellorId(c.counsellor?.id ?? '');
    setOpen(true);
  };
  return (
    <>
      <Button variant="default" onClick={show}>{t(c.counsellor ? 'returns:counsellor.change' : 'returns:counsellor.assign')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('returns:counsellor.title', { caseNumber: c.caseNumber })} centered>
        <Stack>
          <FormErrorAlert error={save.error} onReload={() => { setOpen(false); refresh(); }} />
          <Select
            label={t('returns:case.counsellor')}
            data={options}
            value={counsellorId || null}
            onChange={(v) => setCounsellorId(v ?? '')}
            searchable
            clearable
            error={fieldError(t, save.error, 'counsellorId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('common:actions.cancel')}</Button>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={counsellorId === (c.counsellor?.id ?? '')}>{t('returns:counsellor.save')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
