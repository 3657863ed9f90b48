// Creating or editing a site: kind, owning organisation, place (P-code), capacity, case prefix.
import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { SITE_KINDS, type Site, type SitePatch } from '@taama/core';
import { sitesApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { FormErrorAlert, orNull, useFormState, type FieldErrors } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { adminKeys, useCountryOptions, useEnumOptions, useOrganisations } from '../shared';

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
const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const PCODE = /^[A-Z]{2}[0-9]{0,6}$/;
const PREFIX = /^[A-Z]{2,5}$/;

function SiteForm({ site, readOnly, onSubmit, onReload }: { site?: Site; readOnly: boolean; onSubmit: (values: Values) => Promise<void>; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kinds = useEnumOptions('siteKind', SITE_KINDS);
  const countries = useCountryOptions();
  const organisations = useOrganisations();
  const form = useFormState<Values>(() => ({
    code: site?.code ?? '',
    name: site?.name ?? '',
    kind: site?.kind ?? 'office',
    organisationId: site?.organisationId ?? '',
    pcode: site?.pcode ?? '',
    countryCode: site?.countryCode ?? '',
    capacity: site?.capacity ?? '',
    caseCodePrefix: site?.caseCodePrefix ?? '',
    active: site?.active ?? true,
  }));
  const [pending, setPending] = useState(false);
  const { values, errors } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || readOnly) return;
    form.clearServerError();
    const required = t('common:fieldMessages.required');
    const found: FieldErrors<Values> = {};
    if (!values.code.trim()) found.code = required;
    else if (!CODE.test(values.code.trim())) found.code = t('common:fieldMessages.format');
    if (!values.name.trim()) found.name = required;
    if (!values.organisationId) found.organisationId = required;
    if (values.pcode.trim() && !PCODE.test(values.pcode.trim())) found.pcode = t('common:fieldMessages.format');
    if (!values.caseCodePrefix.trim()) found.caseCodePrefix = required;
    else if (!PREFIX.test(values.caseCodePrefix.trim())) found.caseCodePrefix = t('common:fieldMessages.format');
    form.setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await onSubmit(values);
    } catch (error) {
      form.showServerError(t, error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg" maw={880}>
        <FormErrorAlert error={form.submitError} other={form.otherErrors} onReload={onReload} />
        <Paper withBorder p="lg">
          <fieldset disabled={readOnly || pending} style={{ border: 0, margin: 0, padding: 0 }}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('admin:sites.fields.code')} description={t('admin:sites.fields.codeHint')} required autoComplete="off" spellCheck={false} value={values.code} error={errors.code} onChange={(event) => form.set('code', event.currentTarget.value.toLowerCase())} />
              <TextInput label={t('admin:sites.fields.name')} required value={values.name} error={errors.name} onChange={(event) => form.set('name', event.currentTarget.value)} />
              <Select label={t('admin:sites.fields.kind')} data={kinds} allowDeselect={false} value={values.kind} error={errors.kind} onChange={(value) => value && form.set('kind', value as Values['kind'])} />
              <Select
                label={t('admin:sites.fields.organisation')}
                required
                searchable
                data={(organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
                value={values.organisationId || null}
                error={errors.organisationId}
                onChange={(value) => form.set('organisationId', value ?? '')}
                nothingFoundMessage={t('common:states.emptyTitle')}
              />
              <TextInput label={t('admin:sites.fields.pcode')} description={t('admin:sites.fields.pcodeHint')} value={values.pcode} error={errors.pcode} onChange={(event) => form.set('pcode', event.currentTarget.value.toUpperCase())} />
              <Select label={t('admin:sites.fields.countryCode')} data={countries} searchable clearable value={values.countryCode || null} error={errors.countryCode} onChange={(value) => form.set('countryCode', value ?? '')} nothingFoundMessage={t('common:states.emptyTitle')} />
              <NumberInput label={t('admin:sites.fields.capacity')} min={0} max={100000} allowDecimal={false} allowNegative={false} value={values.capacity} error={errors.capacity} onChange={(value) => form.set('capacity', typeof value === 'number' ? value : '')} />
              <TextInput label={t('admin:sites.fields.caseCodePrefix')} description={t('admin:sites.fields.caseCodePrefixHint')} required maxLength={5} value={values.caseCodePrefix} error={errors.caseCodePrefix} onChange={(event) => form.set('caseCodePrefix', event.currentTarget.value.toUpperCase())} />
            </SimpleGrid>
            <Switch mt="md" label={t('admin:sites.fields.active')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />
          </fieldset>
        </Paper>
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate('/admin/sites')} disabled={pending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {site ? t('common:actions.save') : t('common:actions.create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
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

function EditSite({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: adminKeys.site(id), queryFn: () => sitesApi.get(id) });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const current = query.data;
  return (
    <>
      <PageHeader title={t('admin:sites.editTitle', { name: current.name })} back={{ to: '/admin/sites', label: t('admin:sites.title') }} />
      <SiteForm
        key={`${current.id}:${current.version}`}
        site={current}
        readOnly={!can('site.manage')}
        onReload={() => void query.refetch()}
        onSubmit={async (values) => {
          const updated = await sitesApi.update(current.id, current.version, patchOf(current, values));
          queryClient.setQueryData(adminKeys.site(id), updated);
          void queryClient.invalidateQueries({ queryKey: adminKeys.sites });
          notifications.show({ color: 'green', message: t('admin:sites.saved', { name: updated.name }) });
        }}
      />
    </>
  );
}

function CreateSite() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t('admin:sites.createTitle')} back={{ to: '/admin/sites', label: t('admin:sites.title') }} />
      <SiteForm
        readOnly={false}
        onSubmit={async (values) => {
          const created = await sitesApi.create({
            code: values.code.trim(),
            name: values.name.trim(),
            kind: values.kind,
            organisationId: values.organisationId,
            pcode: orNull(values.pcode),
            countryCode: values.countryCode || undefined,
            capacity: values.capacity === '' ? null : values.capacity,
            caseCodePrefix: values.caseCodePrefix.trim(),
            active: values.active,
          });
          void queryClient.invalidateQueries({ queryKey: adminKeys.sites });
          notifications.show({ color: 'green', message: t('admin:sites.created', { name: created.name }) });
          await navigate(`/admin/sites/${created.id}`);
        }}
      />
    </>
  );
}

/** /admin/sites/new and /admin/sites/:id. */
export default function SiteFormPage() {
  const { id } = useParams();
  return id ? <EditSite id={id} /> : <CreateSite />;
}
