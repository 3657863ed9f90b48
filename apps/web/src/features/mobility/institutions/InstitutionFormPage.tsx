// /mobility/institutions/new and /:id: an institution — name, kind, country and parent institution.
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_KINDS, type Institution, type InstitutionInput, type InstitutionKind, type InstitutionPatch } from '@taama/core';
import { useAuth } from '../../../app/auth';
import type { FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage, type RecordResource } from '../../../components/recordPages';
import { useCountryOptions } from '../../flows/shared';
import { mobilityApi, mobilityKeys } from '../api';
import { fromList } from '../records';
import { useInstitutionOptions, useMobilityEnum } from '../shared';

interface Values {
  name: string;
  kind: InstitutionKind;
  countryCode: string;
  parentInstitutionId: string;
}
const FIELDS = ['name', 'kind', 'countryCode', 'parentInstitutionId'] as const;

const RESOURCE: RecordResource<Institution, InstitutionInput, InstitutionPatch> = {
  api: { get: (id) => fromList(mobilityApi.institutions({ limit: 500 }), id), create: mobilityApi.createInstitution, update: mobilityApi.updateInstitution },
  queryKey: (id) => ['mobility', 'institution', id],
  listQueryKey: mobilityKeys.institutions,
  path: '/mobility/institutions',
};

function InstitutionForm(props: RecordFormProps<Institution, Values>) {
  const { t } = useTranslation();
  const kinds = useMobilityEnum('institutionKind', INSTITUTION_KINDS);
  const countries = useCountryOptions();
  const parents = useInstitutionOptions().filter((o) => o.value !== props.record?.id);
  const form = useRecordForm<Values>(
    { ...props, record: props.record ? { ...props.record, parentInstitutionId: props.record.parentInstitutionId ?? '' } : undefined },
    {
      defaults: { name: '', kind: 'police', countryCode: 'MLI', parentInstitutionId: '' },
      fields: FIELDS,
      validate: (values) => {
        const found: FieldErrors<Values> = {};
        if (!values.name.trim()) found.name = t('common:fieldMessages.required');
        return found;
      },
    },
  );
  const { values, errors } = form;
  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={760}>
      <FieldsPanel disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput size="md" label={t('mobility:institutions.fields.name')} required value={values.name} error={errors.name} onChange={(e) => form.set('name', e.currentTarget.value)} />
          <Select size="md" label={t('mobility:institutions.fields.kind')} data={kinds} allowDeselect={false} value={values.kind} error={errors.kind} onChange={(v) => v && form.set('kind', v as InstitutionKind)} />
          <Select size="md" label={t('mobility:institutions.fields.countryCode')} data={countries} searchable allowDeselect={false} value={values.countryCode} error={errors.countryCode} onChange={(v) => v && form.set('countryCode', v)} />
          <Select size="md" label={t('mobility:institutions.fields.parent')} data={parents} searchable clearable value={values.parentInstitutionId || null} error={errors.parentInstitutionId} onChange={(v) => form.set('parentInstitutionId', v ?? '')} />
        </SimpleGrid>
      </FieldsPanel>
    </RecordForm>
  );
}

function inputOf(values: Values): InstitutionInput {
  return { name: values.name.trim(), kind: values.kind, countryCode: values.countryCode, parentInstitutionId: values.parentInstitutionId || null };
}

/** The institution page (create or edit). */
export default function InstitutionFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={InstitutionForm}
      toInput={inputOf}
      toPatch={(_record, values) => inputOf(values)}
      readOnly={!can('mobility.manage')}
      backLabel={t('mobility:institutions.title')}
      createTitle={t('mobility:institutions.createTitle')}
      editTitle={(i) => i.name}
      createdMessage={(i) => t('mobility:institutions.created', { name: i.name })}
      savedMessage={(i) => t('mobility:institutions.saved', { name: i.name })}
    />
  );
}
