// Opening a return case: the person found in the registry, the direction (to Mali or from Mali),
// where to (country, and for Mali the P-code of the reintegration region), the host country, the
// household members travelling together and the unaccompanied-child flag.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Checkbox, Group, NativeSelect, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RELATIONSHIPS, type PersonSummary, type Relationship } from '@taama/core';
import { FormErrorAlert } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { useCountryOptions } from '../admin/shared';
import { PcodePicker } from '../registry/PcodePicker';
import { fieldError, today, useCodeOptions } from '../registry/shared';
import { returnsApi } from './api';
import { PersonPicker } from './PersonPicker';
import { useReturnsRefresh } from './shared';
import type { ReturnCaseInput, ReturnDirection } from './types';

const MALI = 'MLI';

interface Member {
  person: PersonSummary | null;
  relationship: Relationship;
}

/** The form's values turned into the API's input (inbound goes to Mali; outbound leaves from it). */
export function toReturnInput(v: { person: PersonSummary; direction: ReturnDirection; destinationCountry: string; destinationPcode: string; destinationLocality: string; fromCountry: string; requestedOn: string; unaccompaniedChild: boolean; members: Member[] }): ReturnCaseInput {
  const inbound = v.direction === 'inbound';
  return {
    personId: v.person.id,
    direction: v.direction,
    destinationCountry: inbound ? MALI : v.destinationCountry,
    ...(inbound && v.destinationPcode ? { destinationPcode: v.destinationPcode } : {}),
    ...(v.destinationLocality.trim() ? { destinationLocality: v.destinationLocality.trim() } : {}),
    fromCountry: inbound ? v.fromCountry : MALI,
    requestedOn: v.requestedOn,
    unaccompaniedChild: v.unaccompaniedChild,
    members: v.members.flatMap((m) => (m.person ? [{ personId: m.person.id, relationship: m.relationship }] : [])),
  };
}

/** The new-case page. */
export default function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useReturnsRefresh();
  const countries = useCountryOptions();
  const relationships = useCodeOptions('registry', 'relationship', RELATIONSHIPS);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [direction, setDirection] = useState<ReturnDirection>('inbound');
  const [destinationCountry, setDestinationCountry] = useState('');
  const [destinationPcode, setDestinationPcode] = useState('');
  const [destinationLocality, setDestinationLocality] = useState('');
  const [fromCountry, setFromCountry] = useState('');
  const [requestedOn, setRequestedOn] = useState(today());
  const [unaccompaniedChild, setUnaccompaniedChild] = useState(false);
  const [members, setMembers] = useState<Member[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const inbound = direction === 'inbound';

  const create = useMutation({
    mutationFn: (input: ReturnCaseInput) => returnsApi.create(input),
    onSuccess: (created) => {
      refresh();
      void navigate(`/returns/cases/${created.id}`);
    },
  });
  const errorFor = (field: string) => errors[field] ?? fieldError(t, create.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = t('common:fieldMessages.required');
    if (!person) found.personId = required;
    if (inbound && !fromCountry) found.fromCountry = required;
    if (!inbound && !destinationCountry) found.destinationCountry = required;
    if (!inbound && destinationCountry === MALI) found.destinationCountry = t('returns:newCase.outboundNotMali');
    if (members.some((m) => !m.person)) found.members = t('returns:newCase.memberMissing');
    setErrors(found);
    if (!person || Object.keys(found).length > 0) return;
    create.mutate(toReturnInput({ person, direction, destinationCountry, destinationPcode, destinationLocality, fromCountry, requestedOn, unaccompaniedChild, members }));
  };

  const chosen = [person?.id, ...members.map((m) => m.person?.id)].filter((id): id is string => Boolean(id));
  return (
    <>
      <PageHeader title={t('returns:newCase.title')} description={t('returns:newCase.description')} back={{ to: '/returns', label: t('returns:pipeline.title') }} />
      <form onSubmit={submit} noValidate aria-label={t('returns:newCase.title')}>
        <Stack gap="lg" maw={760}>
          <FormErrorAlert error={create.error} />
          <Paper withBorder p="lg">
            <Stack gap="md">
              <PersonPicker label={t('returns:newCase.person')} description={t('returns:newCase.personHint')} value={person} onChange={setPerson} required error={errorFor('personId')} exclude={chosen.filter((id) => id !== person?.id)} />
              <Text size="sm">
                <Link to="/protection/people/new">{t('returns:newCase.registerFirst')}</Link>
              </Text>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="direction-label">{t('returns:newCase.direction')}</Text>
                <SegmentedControl
                  aria-labelledby="direction-label"
                  data={[
                    { value: 'inbound', label: t('returns:newCase.inbound') },
                    { value: 'outbound', label: t('returns:newCase.outbound') },
                  ]}
                  value={direction}
                  onChange={(v) => setDirection(v === 'outbound' ? 'outbound' : 'inbound')}
                />
              </Stack>
              {inbound ? (
                <>
                  <Select label={t('returns:newCase.fromCountry')} description={t('returns:newCase.fromCountryHint')} required searchable data={countries.filter((c) => c.value !== MALI)} value={fromCountry || null} onChange={(v) => setFromCountry(v ?? '')} error={errorFor('fromCountry')} />
                  <PcodePicker label={t('returns:newCase.destinationPcode')} value={destinationPcode} onChange={setDestinationPcode} error={errorFor('destinationPcode')} />
                </>
              ) : (
                <Select label={t('returns:newCase.destinationCountry')} description={t('returns:newCase.destinationCountryHint')} required searchable data={countries.filter((c) => c.value !== MALI)} value={destinationCountry || null} onChange={(v) => setDestinationCountry(v ?? '')} error={errorFor('destinationCountry')} />
              )}
              <TextInput label={t('returns:newCase.destinationLocality')} value={destinationLocality} onChange={(e) => setDestinationLocality(e.currentTarget.value)} maxLength={200} error={errorFor('destinationLocality')} />
              <TextInput type="date" label={t('returns:newCase.requestedOn')} value={requestedOn} max={today()} onChange={(e) => setRequestedOn(e.currentTarget.value)} error={errorFor('requestedOn')} />
              <Checkbox label={t('returns:newCase.unaccompaniedChild')} description={t('returns:newCase.unaccompaniedChildHint')} checked={unaccompaniedChild} onChange={(e) => setUnaccompaniedChild(e.currentTarget.checked)} />
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">{t('returns:newCase.members')}</Title>
              <Text size="sm" c="dimmed">{t('returns:newCase.membersHint')}</Text>
              {members.map((m, index) => (
                <Group key={index} align="flex-end" wrap="wrap">
                  <div style={{ flex: '1 1 18rem' }}>
                    <PersonPicker label={t('returns:newCase.member', { number: index + 1 })} value={m.person} onChange={(p) => setMembers((all) => all.map((x, i) => (i === index ? { ...x, person: p } : x)))} exclude={chosen.filter((id) => id !== m.person?.id)} />
                  </div>
                  <NativeSelect label={t('returns:newCase.relationship')} data={relationships} value={m.relationship} onChange={(e) => { const relationship = e.currentTarget.value as Relationship; setMembers((all) => all.map((x, i) => (i === index ? { ...x, relationship } : x))); }} />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('returns:newCase.removeMember', { number: index + 1 })} onClick={() => setMembers((all) => all.filter((_, i) => i !== index))}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              {errorFor('members') && <Text size="sm" c="red">{errorFor('members')}</Text>}
              <Group>
                <Button variant="default" onClick={() => setMembers((all) => [...all, { person: null, relationship: 'child' }])}>{t('returns:newCase.addMember')}</Button>
              </Group>
              <Text size="sm">{t('returns:newCase.seats', { count: 1 + members.length })}</Text>
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate('/returns')} disabled={create.isPending}>{t('common:actions.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('returns:newCase.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
