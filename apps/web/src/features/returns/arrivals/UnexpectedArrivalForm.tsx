// A spontaneous returnee at the desk: the person (found in the registry or registered here), where
// they come from and go to, vulnerability and referral needs; the server opens their reintegration
// case.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '@taama/core';
import { FormErrorAlert } from '../../../components/forms';
import { useCountryOptions } from '../../admin/shared';
import { PcodePicker } from '../../registry/PcodePicker';
import { fieldError, personName, today } from '../../registry/shared';
import { arrivalsApi } from '../api';
import { PersonPicker } from '../PersonPicker';
import { useReturnOptions, useReturnsRefresh } from '../shared';
import { REFERRAL_NEEDS, type ArrivalInput, type ReferralNeed } from '../types';
import { QuickRegistration } from './QuickRegistration';

/** The unexpected-arrival form at a site. */
export function UnexpectedArrivalForm({ siteId, date, onDone }: { siteId: string; date: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const countries = useCountryOptions();
  const needs = useReturnOptions('referralNeed', REFERRAL_NEEDS);
  const [registering, setRegistering] = useState(false);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [arrivedOn, setArrivedOn] = useState(date);
  const [fromCountry, setFromCountry] = useState('');
  const [destinationPcode, setDestinationPcode] = useState('');
  const [vulnerable, setVulnerable] = useState(false);
  const [referralNeeds, setReferralNeeds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: ArrivalInput) => arrivalsApi.create(input),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'green', message: t('returns:desk.registered', { name: person ? personName(person) : '' }) });
      onDone();
    },
  });
  const err = (field: string) => errors[field] ?? fieldError(t, save.error, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const required = t('common:fieldMessages.required');
    const found: Record<string, string> = {};
    if (!person) found.personId = required;
    if (!fromCountry) found.fromCountry = required;
    if (!destinationPcode) found.destinationPcode = required;
    setErrors(found);
    if (!person || Object.keys(found).length > 0) return;
    save.mutate({
      personId: person.id,
      siteId,
      arrivedOn,
      fromCountry,
      destinationPcode,
      vulnerable,
      ...(vulnerable && referralNeeds.length > 0 ? { referralNeeds: referralNeeds as ReferralNeed[] } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  if (registering)
    return (
      <Stack gap="sm">
        <Title order={3} size="h5">{t('returns:desk.registerTitle')}</Title>
        <QuickRegistration onPerson={(p) => { setPerson(p); setRegistering(false); }} onCancel={() => setRegistering(false)} />
      </Stack>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={t('returns:desk.unexpected')}>
      <Stack gap="md">
        <FormErrorAlert error={save.error} />
        <Group align="flex-end" wrap="wrap">
          <div style={{ flex: '1 1 20rem' }}>
            <PersonPicker label={t('returns:desk.person')} value={person} onChange={setPerson} required error={err('personId')} />
          </div>
          <Button variant="default" onClick={() => setRegistering(true)}>{t('returns:desk.registerNew')}</Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('returns:arrival.arrivedOn')} required value={arrivedOn} max={today()} onChange={(e) => setArrivedOn(e.currentTarget.value)} error={err('arrivedOn')} />
          <Select label={t('returns:newCase.fromCountry')} required searchable data={countries.filter((c) => c.value !== 'MLI')} value={fromCountry || null} onChange={(v) => setFromCountry(v ?? '')} error={err('fromCountry')} />
          <PcodePicker label={t('returns:newCase.destinationPcode')} value={destinationPcode} onChange={setDestinationPcode} error={err('destinationPcode')} />
        </SimpleGrid>
        <Paper withBorder p="sm" component="fieldset" style={{ margin: 0 }}>
          <Stack gap="xs">
            <Text component="legend" fw={600}>{t('returns:desk.vulnerableSection')}</Text>
            <Checkbox label={t('returns:desk.vulnerable')} checked={vulnerable} onChange={(e) => setVulnerable(e.currentTarget.checked)} />
            {vulnerable && (
              <Checkbox.Group label={t('returns:desk.referralNeeds')} value={referralNeeds} onChange={setReferralNeeds}>
                <Group gap="md" mt={4}>
                  {needs.map((n) => <Checkbox key={n.value} value={n.value} label={n.label} />)}
                </Group>
              </Checkbox.Group>
            )}
          </Stack>
        </Paper>
        <Textarea label={t('returns:assistance.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common:actions.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('returns:desk.recordArrival')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
