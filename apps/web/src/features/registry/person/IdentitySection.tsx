// A person's identity: read as a list of fields, edited in place with the shared person fields. The
// edit sends only what changed, with If-Match; a stale version says so and offers to reload.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Grid, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@taama/core';
import { ApiError } from '../../../api/client';
import { FormErrorAlert } from '../../../components/forms';
import { peopleApi, registryKeys } from '../api';
import { checkPerson, PersonFields } from '../PersonFields';
import { personToForm, toPersonPatch, type PersonFormValues } from '../personForm';
import { fieldError, formatDay, useBirthLabel, useCountryName } from '../shared';
import { PhotoPanel } from './PhotoPanel';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** The identity as read. */
function IdentityView({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const birth = useBirthLabel();
  const country = useCountryName();
  const list = (values: readonly string[]) => (values.length ? values.join(', ') : '—');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <Field label={t('registry:form.givenName')}>{person.givenName ?? '—'}</Field>
      <Field label={t('registry:form.familyName')}>{person.familyName ?? '—'}</Field>
      <Field label={t('registry:form.otherNames')}>{list(person.otherNames ?? [])}</Field>
      <Field label={t('registry:form.nameArabic')}><span dir="rtl" lang="ar">{person.nameArabic ?? '—'}</span></Field>
      <Field label={t('registry:form.sex')}>{t(`registry:codes.sex.${person.sex}`)}</Field>
      <Field label={t('registry:form.dateOfBirth')}>
        {birth(person.dateOfBirth, person.dobPrecision)}
        {person.ageGroup ? ` · ${t(`registry:person.ageGroup.${person.ageGroup}`)}` : ''}
      </Field>
      <Field label={t('registry:form.nationality')}>{country(person.nationality)}</Field>
      <Field label={t('registry:form.birthPlace')}>{[person.birthPlace, person.birthCountry ? country(person.birthCountry) : null].filter(Boolean).join(', ') || '—'}</Field>
      <Field label={t('registry:form.languages')}>{list(person.languages.map((l) => t(`registry:codes.language.${l}`)))}</Field>
      <Field label={t('registry:form.phone')}>{list(person.phones ?? [])}</Field>
      <Field label={t('registry:form.originPcode')}>{person.originPcode ?? '—'}</Field>
      <Field label={t('registry:person.registeredOn')}>{formatDay(person.registeredOn, i18n.language)}{person.siteName ? ` · ${person.siteName}` : ''}</Field>
      <Field label={t('registry:form.documents')}>
        {(person.documents ?? []).length === 0
          ? '—'
          : (person.documents ?? []).map((d) => `${t(`registry:codes.documentType.${d.type}`)} ${d.number ?? ''}${d.issuingCountry ? ` (${d.issuingCountry})` : ''}`).join(' ; ')}
      </Field>
    </SimpleGrid>
  );
}

/** The identity, with its edit form for those allowed. */
export function IdentitySection({ person, onReload }: { person: Person; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [initial] = useState(() => personToForm(person));
  const [values, setValues] = useState<PersonFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const canEdit = person.abilities.update && person.status === 'active';

  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkPerson(values, t);
    setErrors(found);
    setSubmitError(null);
    if (Object.keys(found).length > 0) return;
    const patch = toPersonPatch(initial, values);
    if (Object.keys(patch).length === 0) return setEditing(false);
    setPending(true);
    try {
      const updated = await peopleApi.update(person.id, person.version, patch);
      queryClient.setQueryData(registryKeys.person(person.id), updated);
      void queryClient.invalidateQueries({ queryKey: registryKeys.timeline(person.id) });
      void queryClient.invalidateQueries({ queryKey: registryKeys.people });
      notifications.show({ color: 'green', message: t('registry:person.saved') });
    } catch (error) {
      setSubmitError(error);
    } finally {
      setPending(false);
    }
  };
  const stale = submitError instanceof ApiError && submitError.isStale;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: person.abilities.viewPhoto ? 9 : 12 }}>
        <Paper withBorder p="lg">
          {editing ? (
            <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('registry:person.editTitle')}>
              <Stack gap="md">
                {stale ? (
                  <Alert color="orange" role="alert" title={t('registry:person.staleTitle')}>
                    <Stack gap="xs" align="flex-start">
                      <Text size="sm">{t('registry:person.stale')}</Text>
                      <Button size="xs" variant="outline" color="orange" onClick={onReload}>{t('common:actions.reload')}</Button>
                    </Stack>
                  </Alert>
                ) : (
                  <FormErrorAlert error={submitError} />
                )}
                <fieldset disabled={pending} style={{ border: 0, margin: 0, padding: 0 }}>
                  <PersonFields values={values} set={set} errorFor={(path) => errors[path] ?? fieldError(t, submitError, path)} />
                </fieldset>
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => { setEditing(false); setValues(initial); setSubmitError(null); }} disabled={pending}>{t('common:actions.cancel')}</Button>
                  <Button type="submit" loading={pending}>{t('common:actions.save')}</Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Stack gap="md">
              <IdentityView person={person} />
              {canEdit && (
                <Button variant="light" w="fit-content" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  {t('registry:person.edit')}
                </Button>
              )}
            </Stack>
          )}
        </Paper>
      </Grid.Col>
      {person.abilities.viewPhoto && (
        <Grid.Col span={{ base: 12, md: 3 }}>
          <PhotoPanel person={person} />
        </Grid.Col>
      )}
    </Grid>
  );
}
