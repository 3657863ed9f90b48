// Editing a case's counsellor, region and the organisation it is referred to, with If-Match (a stale
// version says someone else changed the case first).
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { useOrganisations } from '../../admin/shared';
import { useUsers } from '../../protection/case/people';
import { fieldError } from '../../registry/shared';
import { reintegrationApi } from '../api';
import { useRegionOptions } from '../regions';
import type { ReintegrationCase, ReintegrationCasePatch } from '../types';
import { useCaseRefresh } from './useCaseRefresh';

/** The "edit" button of the header and its dialog. */
export function CaseEditButton({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const refresh = useCaseRefresh(c.id);
  const users = useUsers();
  const organisations = useOrganisations();
  const regions = useRegionOptions();
  const [open, setOpen] = useState(false);
  const [counsellorId, setCounsellorId] = useState(c.counsellor?.id ?? '');
  const [regionPcode, setRegionPcode] = useState(c.regionPcode);
  const [referredTo, setReferredTo] = useState(c.referredToOrganisationId ?? '');
  const save = useMutation({
    mutationFn: () => {
      const patch: ReintegrationCasePatch = {};
      if (counsellorId !== (c.counsellor?.id ?? '')) patch.counsellorId = counsellorId || null;
      if (regionPcode !== c.regionPcode) patch.regionPcode = regionPcode;
      if (referredTo !== (c.referredToOrganisationId ?? '')) patch.referredToOrganisationId = referredTo || null;
      return reintegrationApi.update(c.id, c.version, patch);
    },
    onSuccess: () => {
      setOpen(false);
      refresh();
    },
  });
  if (!c.abilities.update || !can('reintegrationCase.update')) return null;
  const counsellors = [{ value: me.id, label: t('reintegration:edit.me', { name: me.displayName }) }, ...users.filter((u) => u.value !== me.id)];
  if (c.counsellor && !counsellors.some((u) => u.value === c.counsellor?.id)) counsellors.push({ value: c.counsellor.id, label: c.counsellor.displayName });
  const changed = counsellorId !== (c.counsellor?.id ?? '') || regionPcode !== c.regionPcode || referredTo !== (c.referredToOrganisationId ?? '');
  return (
    <>
      <Button variant="default" onClick={() => { save.reset(); setOpen(true); }}>{t('reintegration:edit.button')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('reintegration:edit.title', { caseNumber: c.caseNumber })} centered>
        <Stack>
          <FormErrorAlert error={save.error} onReload={() => { setOpen(false); refresh(); }} />
          <Select label={t('reintegration:cases.columns.counsellor')} data={counsellors} value={counsellorId || null} onChange={(v) => setCounsellorId(v ?? '')} searchable clearable error={fieldError(t, save.error, 'counsellorId')} />
          <Select label={t('reintegration:newCase.region')} data={regions.options} value={regionPcode} onChange={(v) => setRegionPcode(v ?? c.regionPcode)} searchable allowDeselect={false} error={fieldError(t, save.error, 'regionPcode')} />
          {(organisations.data?.length ?? 0) > 0 && (
            <Select
              label={t('reintegration:newCase.referredTo')}
              data={(organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
              value={referredTo || null}
              onChange={(v) => setReferredTo(v ?? '')}
              searchable
              clearable
              error={fieldError(t, save.error, 'referredToOrganisationId')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('common:actions.cancel')}</Button>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>{t('reintegration:edit.save')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
