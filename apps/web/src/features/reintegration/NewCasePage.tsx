// Opening a reintegration case for a returnee registered directly (a spontaneous return referred by
// the government, say): the person, the region of return, who referred them and to whom.
import { Anchor, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { newId } from '@taama/core';
import { useAuth } from '../../app/auth';
import { FormErrorAlert, useFormState } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useOrganisations } from '../admin/shared';
import { useUsers } from '../protection/case/people';
import { today } from '../registry/shared';
import { reintegrationApi, reintegrationKeys } from './api';
import { PersonPicker } from './PersonPicker';
import { useRegionOptions } from './regions';

interface Values {
  personId: string;
  regionPcode: string;
  arrivedOn: string;
  counsellorId: string;
  referredFrom: string;
  referredToOrganisationId: string;
}

const FIELDS = ['personId', 'regionPcode', 'arrivedOn', 'counsellorId', 'referredFrom', 'referredToOrganisationId'] as const;

/** The "new case" form. */
export default function NewCasePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regions = useRegionOptions();
  const users = useUsers();
  const organisations = useOrganisations();
  const form = useFormState<Values>({ personId: '', regionPcode: '', arrivedOn: today(), counsellorId: '', referredFrom: '', referredToOrganisationId: '' });
  const submission = useFormSubmit(form, {
    fields: FIELDS,
    validate: (v) => ({
      personId: v.personId ? undefined : t('common:fieldMessages.required'),
      regionPcode: v.regionPcode ? undefined : t('common:fieldMessages.required'),
      arrivedOn: v.arrivedOn && v.arrivedOn > today() ? t('reintegration:newCase.future') : undefined,
    }),
    onSubmit: async (v) => {
      const created = await reintegrationApi.create({
        id: newId(),
        personId: v.personId,
        regionPcode: v.regionPcode,
        ...(v.arrivedOn ? { arrivedOn: v.arrivedOn } : {}),
        ...(v.counsellorId ? { counsellorId: v.counsellorId } : {}),
        ...(v.referredFrom.trim() ? { referredFrom: v.referredFrom.trim() } : {}),
        ...(v.referredToOrganisationId ? { referredToOrganisationId: v.referredToOrganisationId } : {}),
      });
      void queryClient.invalidateQueries({ queryKey: reintegrationKeys.cases });
      void navigate(`/reintegration/cases/${created.id}`);
    },
  });
  const { values, errors, set } = form;
  return (
    <>
      <PageHeader title={t('reintegration:newCase.title')} description={t('reintegration:newCase.description')} back={{ to: '/reintegration/cases', label: t('reintegration:cases.title') }} />
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={submission.submit} aria-label={t('reintegration:newCase.title')} noValidate>
          <Stack>
            <FormErrorAlert error={form.submitError} other={form.otherErrors} />
            <PersonPicker label={t('reintegration:newCase.person')} value={values.personId} onChange={(id) => set('personId', id)} error={errors.personId} required />
            {can('person.create') && (
              <Anchor component={Link} to="/protection/people/new" size="sm" w="fit-content">{t('reintegration:newCase.registerFirst')}</Anchor>
            )}
            <Select label={t('reintegration:newCase.region')} required searchable data={regions.options} value={values.regionPcode || null} onChange={(v) => set('regionPcode', v ?? '')} error={errors.regionPcode} />
            <TextInput type="date" label={t('reintegration:newCase.arrivedOn')} value={values.arrivedOn} max={today()} onChange={(e) => set('arrivedOn', e.currentTarget.value)} error={errors.arrivedOn} w={200} />
            {users.length > 0 && <Select label={t('reintegration:newCase.counsellor')} searchable clearable data={users} value={values.counsellorId || null} onChange={(v) => set('counsellorId', v ?? '')} error={errors.counsellorId} />}
            <TextInput label={t('reintegration:newCase.referredFrom')} description={t('reintegration:newCase.referredFromHint')} value={values.referredFrom} maxLength={200} onChange={(e) => set('referredFrom', e.currentTarget.value)} error={errors.referredFrom} />
            {(organisations.data?.length ?? 0) > 0 && (
              <Select
                label={t('reintegration:newCase.referredTo')}
                searchable
                clearable
                data={(organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
                value={values.referredToOrganisationId || null}
                onChange={(v) => set('referredToOrganisationId', v ?? '')}
                error={errors.referredToOrganisationId}
              />
            )}
            <Group justify="flex-end">
              <Button component={Link} to="/reintegration/cases" variant="default">{t('common:actions.cancel')}</Button>
              <Button type="submit" loading={submission.pending}>{t('reintegration:newCase.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
