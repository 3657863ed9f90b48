// A person's consents (SPEC §3): what they agreed to, how and when, with whom data may be shared;
// recording a new one and withdrawing one.
import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CONSENT_KINDS, CONSENT_METHODS, type Consent, type ConsentKind, type ConsentMethod, type Person } from '@taama/core';
import { describeError } from '../../../app/errors';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { useOrganisations } from '../../admin/shared';
import { peopleApi, registryKeys } from '../api';
import { fieldError, formatDay, today, useCodeOptions } from '../shared';

function useRefresh(personId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: registryKeys.person(personId) });
    void queryClient.invalidateQueries({ queryKey: registryKeys.timeline(personId) });
  };
}

/** Records a consent. */
function AddConsentForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const refresh = useRefresh(person.id);
  const kinds = useCodeOptions('registry', 'consentKind', CONSENT_KINDS);
  const methods = useCodeOptions('registry', 'consentMethod', CONSENT_METHODS);
  const organisations = useOrganisations();
  const [kind, setKind] = useState<ConsentKind>('data_sharing');
  const [method, setMethod] = useState<ConsentMethod>('explicit_oral');
  const [givenOn, setGivenOn] = useState(today());
  const [organisationId, setOrganisationId] = useState('');
  const add = useMutation({
    mutationFn: () => peopleApi.addConsent(person.id, { kind, method, givenOn, ...(kind === 'data_sharing' && organisationId ? { organisationId } : {}) }),
    onSuccess: () => {
      refresh();
      setOrganisationId('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('registry:consents.add')}>
      <Stack gap="sm">
        <FormErrorAlert error={add.error} />
        <Group align="flex-end" wrap="wrap">
          <NativeSelect label={t('registry:consents.kind')} data={kinds} value={kind} onChange={(e) => setKind(e.currentTarget.value as ConsentKind)} />
          <NativeSelect label={t('registry:consents.method')} data={methods} value={method} onChange={(e) => setMethod(e.currentTarget.value as ConsentMethod)} />
          <TextInput type="date" label={t('registry:consents.givenOn')} value={givenOn} max={today()} onChange={(e) => setGivenOn(e.currentTarget.value)} error={fieldError(t, add.error, 'givenOn')} />
          {kind === 'data_sharing' && organisations.data && (
            <Select label={t('registry:consents.organisation')} searchable clearable data={organisations.data.map((o) => ({ value: o.id, label: o.name }))} value={organisationId || null} onChange={(v) => setOrganisationId(v ?? '')} error={fieldError(t, add.error, 'organisationId')} w={240} />
          )}
          <Button type="submit" loading={add.isPending}>{t('registry:consents.add')}</Button>
        </Group>
        {kind === 'data_sharing' && <Text size="xs" c="dimmed">{t('registry:consents.sharingHint')}</Text>}
      </Stack>
    </form>
  );
}

/** Withdraws one consent, today. */
function WithdrawButton({ person, consent }: { person: Person; consent: Consent }) {
  const { t } = useTranslation();
  const refresh = useRefresh(person.id);
  const withdraw = useMutation({ mutationFn: () => peopleApi.withdrawConsent(person.id, consent.id, { withdrawnOn: today() }), onSuccess: refresh });
  return (
    <Stack gap={2}>
      <Button size="compact-sm" variant="subtle" color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()} aria-label={t('registry:consents.withdrawNamed', { kind: t(`registry:codes.consentKind.${consent.kind}`) })}>
        {t('registry:consents.withdraw')}
      </Button>
      {withdraw.error ? <Text size="xs" c="red" role="alert">{describeError(t, withdraw.error)}</Text> : null}
    </Stack>
  );
}

/** The consents tab. */
export function ConsentsSection({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const canEdit = person.abilities.update && person.status === 'active';
  return (
    <Stack gap="md">
      <Paper withBorder>
        {person.consents.length === 0 ? (
          <EmptyState title={t('registry:consents.none')} description={t('registry:consents.noneDescription')} />
        ) : (
          <Table.ScrollContainer minWidth={560} type="native">
            <Table verticalSpacing="xs">
              <Table.Caption>{t('registry:consents.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('registry:consents.kind')}</Table.Th>
                  <Table.Th scope="col">{t('registry:consents.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('registry:consents.method')}</Table.Th>
                  <Table.Th scope="col">{t('registry:consents.givenOn')}</Table.Th>
                  <Table.Th scope="col">{t('registry:consents.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.consents.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{t(`registry:codes.consentKind.${c.kind}`)}</Table.Td>
                    <Table.Td>{c.organisationName ?? '—'}</Table.Td>
                    <Table.Td>{t(`registry:codes.consentMethod.${c.method}`)}</Table.Td>
                    <Table.Td>{formatDay(c.givenOn, i18n.language)}{c.recordedBy ? ` · ${c.recordedBy}` : ''}</Table.Td>
                    <Table.Td>
                      {c.withdrawnOn ? (
                        <Badge color="gray" variant="light">{t('registry:consents.withdrawnOn', { date: formatDay(c.withdrawnOn, i18n.language) })}</Badge>
                      ) : (
                        <Group gap="xs">
                          <Badge color="green" variant="light">{t('registry:consents.active')}</Badge>
                          {canEdit && <WithdrawButton person={person} consent={c} />}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {canEdit && (
        <Paper withBorder p="md">
          <AddConsentForm person={person} />
        </Paper>
      )}
    </Stack>
  );
}
