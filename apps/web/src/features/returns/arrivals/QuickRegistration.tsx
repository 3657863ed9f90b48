// Registering a returnee at the desk with the registry's own identity form and live duplicate check:
// a look-alike already registered can be taken instead of creating a second record.
import { useState, type FormEvent } from 'react';
import { Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '@taama/core';
import { FormErrorAlert } from '../../../components/forms';
import { peopleApi, registryKeys } from '../../registry/api';
import { CandidateCard, useDuplicateCheck } from '../../registry/DuplicatePanel';
import { checkPerson, PersonFields } from '../../registry/PersonFields';
import { emptyPerson, toDuplicateCheck, toPersonInput, type PersonFormValues } from '../../registry/personForm';
import { fieldError, today } from '../../registry/shared';

/** The registration form; `onPerson` receives the new record or the look-alike chosen. */
export function QuickRegistration({ onPerson, onCancel }: { onPerson: (person: PersonSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<PersonFormValues>(() => ({ ...emptyPerson(), nationality: 'MLI' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const candidates = useDuplicateCheck(toDuplicateCheck(values));
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
      // Registration consent is taken at the desk as for any registration (explicit, oral).
      const person = await peopleApi.create(toPersonInput(values, { given: true, method: 'explicit_oral', givenOn: today() }));
      void queryClient.invalidateQueries({ queryKey: registryKeys.people });
      onPerson(person);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('returns:desk.registerTitle')}>
          <Stack gap="md">
            <FormErrorAlert error={submitError} />
            <fieldset disabled={pending} style={{ border: 0, margin: 0, padding: 0 }}>
              <PersonFields values={values} set={set} errorFor={errorFor} />
            </fieldset>
            <Text size="sm" c="dimmed">{t('returns:desk.consentNote')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel} disabled={pending}>{t('common:actions.cancel')}</Button>
              <Button type="submit" loading={pending}>{t('returns:desk.registerSubmit')}</Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="sm">
          <Stack gap="xs" aria-live="polite">
            <Title order={3} size="h5">{t('returns:desk.lookAlikes')}</Title>
            {(candidates.data ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">{t('returns:desk.noLookAlikes')}</Text>
            ) : (
              (candidates.data ?? []).map((c) => (
                <CandidateCard key={c.id} candidate={c} actions={<Button size="compact-sm" variant="light" onClick={() => onPerson(c.person)}>{t('returns:desk.useThisPerson')}</Button>} />
              ))
            )}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
