// Creating or editing an organisation.
import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS, type Organisation, type OrganisationInput, type OrganisationPatch } from '@taama/core';
import { useAuth } from '../../../app/auth';
import type { FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage } from '../../../components/recordPages';
import { adminResources, codeError, useCountryOptions, useEnumOptions } from '../shared';

interface Values {
  code: string;
  name: string;
  kind: Organisation['kind'];
  countryCode: string;
  active: boolean;
}
const FIELDS = ['code', 'name', 'kind', 'countryCode', 'active'] as const;
const RESOURCE = adminResources.organisations;

function OrganisationForm(props: RecordFormProps<Organisation, Values>) {
  const { t } = useTranslation();
  const kinds = useEnumOptions('organisationKind', ORGANISATION_KINDS);
  const countries = useCountryOptions();
  const form = useRecordForm(props, {
    defaults: { code: '', name: '', kind: 'ngo', countryCode: '', active: true },
    fields: FIELDS,
    validate: (values) => {
      const found: FieldErrors<Values> = { code: codeError(t, values.code) };
      if (!values.name.trim()) found.name = t('common:fieldMessages.required');
      return found;
    },
  });
  const { values, errors } = form;

  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={720}>
      <FieldsPanel disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('admin:organisations.fields.code')} description={t('admin:organisations.fields.codeHint')} required autoComplete="off" spellCheck={false} value={values.code} error={errors.code} onChange={(event) => form.set('code', event.currentTarget.value.toLowerCase())} />
          <TextInput label={t('admin:organisations.fields.name')} required value={values.name} error={errors.name} onChange={(event) => form.set('name', event.currentTarget.value)} />
          <Select label={t('admin:organisations.fields.kind')} data={kinds} allowDeselect={false} value={values.kind} error={errors.kind} onChange={(value) => value && form.set('kind', value as Values['kind'])} />
          <Select label={t('admin:organisations.fields.countryCode')} data={countries} searchable clearable value={values.countryCode || null} error={errors.countryCode} onChange={(value) => form.set('countryCode', value ?? '')} nothingFoundMessage={t('common:states.emptyTitle')} />
        </SimpleGrid>
        <Switch mt="md" label={t('admin:organisations.fields.active')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />
      </FieldsPanel>
    </RecordForm>
  );
}

function patchOf(organisation: Organisation, values: Values): OrganisationPatch {
  const patch: OrganisationPatch = {};
  if (values.code.trim() !== organisation.code) patch.code = values.code.trim();
  if (values.name.trim() !== organisation.name) patch.name = values.name.trim();
  if (values.kind !== organisation.kind) patch.kind = values.kind;
  if ((values.countryCode || null) !== organisation.countryCode) patch.countryCode = values.countryCode || null;
  if (values.active !== organisation.active) patch.active = values.active;
  return patch;
}

function inputOf(values: Values): OrganisationInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    kind: values.kind,
    countryCode: values.countryCode || null,
    active: values.active,
  };
}

/** /admin/organisations/new and /admin/organisations/:id. */
export default function OrganisationFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={OrganisationForm}
      toInput={inputOf}
      toPatch={patchOf}
      readOnly={!can('organisation.manage')}
      backLabel={t('admin:organisations.title')}
      createTitle={t('admin:organisations.createTitle')}
      editTitle={(organisation) => t('admin:organisations.editTitle', { name: organisation.name })}
      createdMessage={(created) => t('admin:organisations.created', { name: created.name })}
      savedMessage={(updated) => t('admin:organisations.saved', { name: updated.name })}
    />
  );
}
