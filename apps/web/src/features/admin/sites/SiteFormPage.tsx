// Creating or editing a site: kind, owning organisation, place (P-code), capacity, case prefix.
import { NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SITE_KINDS, type Site, type SiteInput, type SitePatch } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { orNull, type FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage } from '../../../components/recordPages';
import { adminResources, codeError, OrganisationSelect, useCountryOptions, useEnumOptions } from '../shared';

interface Values {
  code: string;
  name: string;
  kind: Site['kind'];
  organisationId: string;
  pcode: string;
  countryCode: string;
  capacity: number | '';
  caseCodePrefix: string;
  active: boolean;
}
const FIELDS = ['code', 'name', 'kind', 'organisationId', 'pcode', 'countryCode', 'capacity', 'caseCodePrefix', 'active'] as const;
const PCODE = /^[A-Z]{2}[0-9]{0,6}$/;
const PREFIX = /^[A-Z]{2,5}$/;
const RESOURCE = adminResources.sites;

function SiteForm(props: RecordFormProps<Site, Values>) {
  const { t } = useTranslation();
  const kinds = useEnumOptions('siteKind', SITE_KINDS);
  const countries = useCountryOptions();
  const form = useRecordForm(props, {
    defaults: { code: '', name: '', kind: 'office', organisationId: '', pcode: '', countryCode: '', capacity: '', caseCodePrefix: '', active: true },
    fields: FIELDS,
    validate: (values) => {
      const required = t('common:fieldMessages.required');
      const found: FieldErrors<Values> = { code: codeError(t, values.code) };
      if (!values.name.trim()) found.name = required;
      if (!values.organisationId) found.organisationId = required;
      if (values.pcode.trim() && !PCODE.test(values.pcode.trim())) found.pcode = t('common:fieldMessages.format');
      if (!values.caseCodePrefix.trim()) found.caseCodePrefix = required;
      else if (!PREFIX.test(values.caseCodePrefix.trim())) found.caseCodePrefix = t('common:fieldMessages.format');
      return found;
    },
  });
  const { values, errors } = form;

  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={880}>
      <FieldsPanel disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('admin:sites.fields.code')} description={t('admin:sites.fields.codeHint')} required autoComplete="off" spellCheck={false} value={values.code} error={errors.code} onChange={(event) => form.set('code', event.currentTarget.value.toLowerCase())} />
          <TextInput label={t('admin:sites.fields.name')} required value={values.name} error={errors.name} onChange={(event) => form.set('name', event.currentTarget.value)} />
          <Select label={t('admin:sites.fields.kind')} data={kinds} allowDeselect={false} value={values.kind} error={errors.kind} onChange={(value) => value && form.set('kind', value as Values['kind'])} />
          <OrganisationSelect label={t('admin:sites.fields.organisation')} value={values.organisationId} error={errors.organisationId} onChange={(id) => form.set('organisationId', id)} />
          <TextInput label={t('admin:sites.fields.pcode')} description={t('admin:sites.fields.pcodeHint')} value={values.pcode} error={errors.pcode} onChange={(event) => form.set('pcode', event.currentTarget.value.toUpperCase())} />
          <Select label={t('admin:sites.fields.countryCode')} data={countries} searchable clearable value={values.countryCode || null} error={errors.countryCode} onChange={(value) => form.set('countryCode', value ?? '')} nothingFoundMessage={t('common:states.emptyTitle')} />
          <NumberInput label={t('admin:sites.fields.capacity')} min={0} max={100000} allowDecimal={false} allowNegative={false} value={values.capacity} error={errors.capacity} onChange={(value) => form.set('capacity', typeof value === 'number' ? value : '')} />
          <TextInput label={t('admin:sites.fields.caseCodePrefix')} description={t('admin:sites.fields.caseCodePrefixHint')} required maxLength={5} value={values.caseCodePrefix} error={errors.caseCodePrefix} onChange={(event) => form.set('caseCodePrefix', event.currentTarget.value.toUpperCase())} />
        </SimpleGrid>
        <Switch mt="md" label={t('admin:sites.fields.active')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />
      </FieldsPanel>
    </RecordForm>
  );
}

function patchOf(site: Site, values: Values): SitePatch {
  const patch: SitePatch = {};
  const capacity = values.capacity === '' ? null : values.capacity;
  if (values.code.trim() !== site.code) patch.code = values.code.trim();
  if (values.name.trim() !== site.name) patch.name = values.name.trim();
  if (values.kind !== site.kind) patch.kind = values.kind;
  if (values.organisationId !== site.organisationId) patch.organisationId = values.organisationId;
  if (orNull(values.pcode) !== site.pcode) patch.pcode = orNull(values.pcode);
  if (values.countryCode && values.countryCode !== site.countryCode) patch.countryCode = values.countryCode;
  if (capacity !== site.capacity) patch.capacity = capacity;
  if (values.caseCodePrefix.trim() !== site.caseCodePrefix) patch.caseCodePrefix = values.caseCodePrefix.trim();
  if (values.active !== site.active) patch.active = values.active;
  return patch;
}

function inputOf(values: Values): SiteInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    kind: values.kind,
    organisationId: values.organisationId,
    pcode: orNull(values.pcode),
    countryCode: values.countryCode || undefined,
    capacity: values.capacity === '' ? null : values.capacity,
    caseCodePrefix: values.caseCodePrefix.trim(),
    active: values.active,
  };
}

/** /admin/sites/new and /admin/sites/:id. */
export default function SiteFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={SiteForm}
      toInput={inputOf}
      toPatch={patchOf}
      readOnly={!can('site.manage')}
      backLabel={t('admin:sites.title')}
      createTitle={t('admin:sites.createTitle')}
      editTitle={(site) => t('admin:sites.editTitle', { name: site.name })}
      createdMessage={(created) => t('admin:sites.created', { name: created.name })}
      savedMessage={(updated) => t('admin:sites.saved', { name: updated.name })}
    />
  );
}
