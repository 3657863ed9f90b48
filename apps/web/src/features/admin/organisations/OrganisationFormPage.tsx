// Creating or editing an organisation.
import { useState, type FormEvent } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, Switch, TextInput, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ORGANISATION_KINDS, type Organisation, type OrganisationPatch } from '@taama/core';
import { organisationsApi } from '../../../api/endpoints';
import { useAuth } from '../../../app/auth';
import { FormErrorAlert, useFormState, type FieldErrors } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { adminKeys, useCountryOptions, useEnumOptions } from '../shared';

interface Values {
  code: string;
  name: string;
  kind: Organisation['kind'];
  countryCode: string;
  active: boolean;
}
const FIELDS = ['code', 'name', 'kind', 'countryCode', 'active'] as const;
const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

function OrganisationForm({ organisation, readOnly, onSubmit, onReload }: { organisation?: Organisation; readOnly: boolean; onSubmit: (values: Values) => Promise<void>; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kinds = useEnumOptions('organisationKind', ORGANISATION_KINDS);
  const countries = useCountryOptions();
  const form = useFormState<Values>(() => ({
    code: organisation?.code ?? '',
    name: organisation?.name ?? '',
    kind: organisation?.kind ?? 'ngo',
    countryCode: organisation?.countryCode ?? '',
    active: organisation?.active ?? true,
  }));
  const [pending, setPending] = useState(false);
  const { values, errors } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || readOnly) return;
    form.clearServerError();
    const found: FieldErrors<Values> = {};
    if (!values.code.trim()) found.code = t('common:fieldMessages.required');
    else if (!CODE.test(values.code.trim())) found.code = t('common:fieldMessages.format');
    if (!values.name.trim()) found.name = t('common:fieldMessages.required');
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
      <Stack gap="lg" maw={720}>
        <FormErrorAlert error={form.submitError} other={form.otherErrors} onReload={onReload} />
        <Paper withBorder p="lg">
          <fieldset disabled={readOnly || pending} style={{ border: 0, margin: 0, padding: 0 }}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('admin:organisations.fields.code')} description={t('admin:organisations.fields.codeHint')} required autoComplete="off" spellCheck={false} value={values.code} error={errors.code} onChange={(event) => form.set('code', event.currentTarget.value.toLowerCase())} />
              <TextInput label={t('admin:organisations.fields.name')} required value={values.name} error={errors.name} onChange={(event) => form.set('name', event.currentTarget.value)} />
              <Select label={t('admin:organisations.fields.kind')} data={kinds} allowDeselect={false} value={values.kind} error={errors.kind} onChange={(value) => value && form.set('kind', value as Values['kind'])} />
              <Select label={t('admin:organisations.fields.countryCode')} data={countries} searchable clearable value={values.countryCode || null} error={errors.countryCode} onChange={(value) => form.set('countryCode', value ?? '')} nothingFoundMessage={t('common:states.emptyTitle')} />
            </SimpleGrid>
            <Switch mt="md" label={t('admin:organisations.fields.active')} checked={values.active} onChange={(event) => form.set('active', event.currentTarget.checked)} />
          </fieldset>
        </Paper>
        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate('/admin/organisations')} disabled={pending}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {organisation ? t('common:actions.save') : t('common:actions.create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
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

function EditOrganisation({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: adminKeys.organisation(id), queryFn: () => organisationsApi.get(id) });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const current = query.data;
  return (
    <>
      <PageHeader title={t('admin:organisations.editTitle', { name: current.name })} back={{ to: '/admin/organisations', label: t('admin:organisations.title') }} />
      <OrganisationForm
        key={`${current.id}:${current.version}`}
        organisation={current}
        readOnly={!can('organisation.manage')}
        onReload={() => void query.refetch()}
        onSubmit={async (values) => {
          const updated = await organisationsApi.update(current.id, current.version, patchOf(current, values));
          queryClient.setQueryData(adminKeys.organisation(id), updated);
          void queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
          notifications.show({ color: 'green', message: t('admin:organisations.saved', { name: updated.name }) });
        }}
      />
    </>
  );
}

function CreateOrganisation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t('admin:organisations.createTitle')} back={{ to: '/admin/organisations', label: t('admin:organisations.title') }} />
      <OrganisationForm
        readOnly={false}
        onSubmit={async (values) => {
          const created = await organisationsApi.create({
            code: values.code.trim(),
            name: values.name.trim(),
            kind: values.kind,
            countryCode: values.countryCode || null,
            active: values.active,
          });
          void queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
          notifications.show({ color: 'green', message: t('admin:organisations.created', { name: created.name }) });
          await navigate(`/admin/organisations/${created.id}`);
        }}
      />
    </>
  );
}

/** /admin/organisations/new and /admin/organisations/:id. */
export default function OrganisationFormPage() {
  const { id } = useParams();
  return id ? <EditOrganisation id={id} /> : <CreateOrganisation />;
}
