// Registering a person: the identity form beside live duplicate warnings, the registration consent,
// then either the new record's page or, when the server found look-alikes, what to do about them.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Grid, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CONSENT_METHODS, type ConsentMethod, type PersonCreated } from '@taama/core';
import { FormErrorAlert } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { peopleApi, registryKeys } from './api';
import { CreatedDuplicates } from './CreatedDuplicates';
import { DuplicatePanel } from './DuplicatePanel';
import { checkPerson, PersonFields } from './PersonFields';
import { emptyPerson, toDuplicateCheck, toPersonInput, type PersonFormValues } from './personForm';
import { fieldError, personName, today, useCodeOptions } from './shared';

/** The registration page. */
export default function RegisterPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<PersonFormValues>(emptyPerson);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [consent, setConsent] = useState({ given: false, method: 'explicit_oral' as ConsentMethod, givenOn: today() });
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<PersonCreated | null>(null);
  const methods = useCodeOptions('registry', 'consentMethod', CONSENT_METHODS);

  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key && !k.startsWith(`${key}.`))));
  };
  const errorFor = (path: string) => errors[path] ?? fieldError(t, submitError, path);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const found = checkPerson(values, t);
    setErrors(found);
    setSubmitError(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const person = await peopleApi.create(toPersonInput(values, consent));
      queryClient.setQueryData(registryKeys.person(person.id), person);
      void queryClient.invalidateQueries({ queryKey: registryKeys.people });
      notifications.show({ color: 'green', message: t('registry:register.created', { name: personName(person), caseNumber: person.caseNumber }) });
      if (person.possibleDuplicates.length > 0) setCreated(person);
      else void navigate(`/protection/people/${person.id}`);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setPending(false);
    }
  };

  if (created) return <CreatedDuplicates person={created} />;

  return (
    <>
      <PageHeader title={t('registry:register.title')} description={t('registry:register.description')} back={{ to: '/protection/people', label: t('registry:people.title') }} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('registry:register.title')}>
            <Stack gap="lg">
              <FormErrorAlert error={submitError} />
              <Paper withBorder p="lg">
                <fieldset disabled={pending} style={{ border: 0, margin: 0, padding: 0 }}>
                  <PersonFields values={values} set={set} errorFor={errorFor} />
                </fieldset>
              </Paper>
              <Paper withBorder p="lg">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('registry:register.consentTitle')}
                  </Title>
                  <Checkbox label={t('registry:register.consentGiven')} checked={consent.given} onChange={(e) => { const given = e.currentTarget.checked; setConsent((c) => ({ ...c, given })); }} />
                  {consent.given && (
                    <Group align="flex-end">
                      <NativeSelect label={t('registry:consents.method')} data={methods} value={consent.method} onChange={(e) => { const method = e.currentTarget.value as ConsentMethod; setConsent((c) => ({ ...c, method })); }} />
                      <TextInput type="date" label={t('registry:consents.givenOn')} value={consent.givenOn} max={today()} onChange={(e) => { const givenOn = e.currentTarget.value; setConsent((c) => ({ ...c, givenOn })); }} error={fieldError(t, submitError, 'consent')} />
                    </Group>
                  )}
                </Stack>
              </Paper>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => void navigate('/protection/people')} disabled={pending}>
                  {t('common:actions.cancel')}
                </Button>
                <Button type="submit" loading={pending}>
                  {t('registry:register.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" style={{ position: 'sticky', top: 16 }}>
            <DuplicatePanel input={toDuplicateCheck(values)} />
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
