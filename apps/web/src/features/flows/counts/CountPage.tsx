// /flows/counts/:id: one count, read-only, with the workflow actions the user may take on it (edit
// and submit a draft; validate or reject, with a reason, a submitted count).
import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FlowCount } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { formatDateTime, formatNumber } from '../../../app/format';
import { PageHeader } from '../../../components/PageHeader';
import { QueryGate, useRecordSaved } from '../../../components/recordPages';
import { flowKeys, flowsApi } from '../api';
import { StatusBadge, useCountryName, usePointName } from '../shared';
import { countActions } from './actions';

const SEX_AGE = ['men', 'women', 'boys', 'girls', 'sexAgeUnknown', 'total'] as const;
const VULNERABLE = ['childrenUnder5', 'unaccompaniedChildren', 'pregnantWomen', 'elderly60plus', 'personsWithDisability'] as const;

/** A label and its value. */
function Field({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value === null || value === undefined || value === '' ? '—' : value}</Text>
    </Stack>
  );
}

/** The actions bar of a count. */
function CountActions({ count }: { count: FlowCount }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const saved = useRecordSaved({ queryKey: flowKeys.count, listQueryKey: flowKeys.all });
  const [pending, setPending] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const actions = countActions(count.status, me?.permissions ?? []);

  const move = async (to: 'submitted' | 'validated' | 'rejected', why?: string) => {
    setPending(to);
    try {
      const updated = await flowsApi.transition(count.id, to, why);
      saved(updated);
      notifications.show({ color: 'green', message: t(`flows:counts.moved.${to}`) });
      setRejecting(false);
      setReason('');
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(t, error) });
    } finally {
      setPending(null);
    }
  };

  const reject = () => {
    if (!reason.trim()) {
      setReasonError(t('common:fieldMessages.required'));
      return;
    }
    void move('rejected', reason.trim());
  };

  if (actions.length === 0) return null;
  return (
    <>
      {actions.includes('edit') && (
        <Button component={Link} to={`/flows/counts/${count.id}/edit`} variant="default">
          {t('common:actions.edit')}
        </Button>
      )}
      {actions.includes('submit') && (
        <Button onClick={() => void move('submitted')} loading={pending === 'submitted'} disabled={pending !== null}>
          {t('flows:counts.actions.submit')}
        </Button>
      )}
      {actions.includes('validate') && (
        <Button color="green" onClick={() => void move('validated')} loading={pending === 'validated'} disabled={pending !== null}>
          {t('flows:counts.actions.validate')}
        </Button>
      )}
      {actions.includes('reject') && (
        <Button color="red" variant="light" onClick={() => setRejecting(true)} disabled={pending !== null}>
          {t('flows:counts.actions.reject')}
        </Button>
      )}
      <Modal opened={rejecting} onClose={() => pending === null && setRejecting(false)} title={t('flows:counts.rejectTitle')} centered>
        <Stack>
          <Textarea
            label={t('flows:counts.rejectReason')}
            description={t('flows:counts.rejectReasonHint')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(undefined);
            }}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(false)} disabled={pending !== null}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" onClick={reject} loading={pending === 'rejected'}>
              {t('flows:counts.actions.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The count's page. */
export default function CountPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: flowKeys.count(id), queryFn: () => flowsApi.count(id) });
  const pointName = usePointName();
  const country = useCountryName();
  const n = (value: number | null | undefined) => formatNumber(value, i18n.language);
  const place = (iso3: string, pcode?: string | null, locality?: string | null) => [country(iso3), pcode, locality].filter(Boolean).join(' · ');

  return (
    <QueryGate query={query}>
      {(count) => (
        <>
          <PageHeader
            title={t('flows:counts.pageTitle', { fmp: (count.fmpName || pointName(count.fmpId)), date: count.date })}
            back={{ to: '/flows/counts', label: t('flows:counts.title') }}
            badges={<StatusBadge status={count.status} />}
            actions={<CountActions count={count} />}
          />
          <Stack gap="lg">
            {count.status === 'rejected' && count.rejectionReason && (
              <Alert color="red" variant="light" title={t('flows:counts.rejectedBecause')}>
                {count.rejectionReason}
              </Alert>
            )}
            <Paper withBorder p="lg" radius="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <Field label={t('flows:fields.fmpId')} value={`${(count.fmpName || pointName(count.fmpId))} (${count.fmpId})`} />
                <Field label={t('flows:fields.date')} value={count.date} />
                <Field label={t('flows:fields.observationWindow')} value={t(`flows:enums.observationWindow.${count.observationWindow}`)} />
                <Field label={t('flows:fields.direction')} value={t(`flows:enums.direction.${count.direction}`)} />
                <Field label={t('flows:fields.transportMode')} value={t(`flows:enums.transportMode.${count.transportMode}`)} />
                <Field label={t('flows:fields.movementType')} value={t(`flows:enums.movementType.${count.movementType}`)} />
                <Field label={t('flows:fields.originCountry')} value={place(count.originCountry, count.originPcode, count.originLocality)} />
                <Field label={t('flows:fields.previousTransitLocality')} value={count.previousTransitLocality} />
                <Field label={t('flows:fields.nextDestinationCountry')} value={country(count.nextDestinationCountry)} />
                <Field label={t('flows:fields.finalDestinationCountry')} value={place(count.finalDestinationCountry, count.destinationPcode, count.destinationLocality)} />
                <Field label={t('flows:fields.collectionMethod')} value={t(`flows:enums.collectionMethod.${count.collectionMethod}`)} />
                <Field label={t('flows:fields.enumeratorId')} value={count.enumeratorId} />
              </SimpleGrid>
            </Paper>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <Paper withBorder p="lg" radius="md">
                <Title order={2} size="h4" mb="sm">
                  {t('flows:counts.sections.persons')}
                </Title>
                <SimpleGrid cols={2}>
                  {SEX_AGE.map((key) => (
                    <Field key={key} label={t(`flows:fields.${key}`)} value={n(count[key])} />
                  ))}
                </SimpleGrid>
              </Paper>
              <Paper withBorder p="lg" radius="md">
                <Title order={2} size="h4" mb="sm">
                  {t('flows:counts.sections.vulnerable')}
                </Title>
                <SimpleGrid cols={2}>
                  {VULNERABLE.map((key) => (
                    <Field key={key} label={t(`flows:fields.${key}`)} value={count[key] === null ? t('flows:values.notAssessed') : n(count[key])} />
                  ))}
                </SimpleGrid>
              </Paper>
              <Paper withBorder p="lg" radius="md">
                <Title order={2} size="h4" mb="sm">
                  {t('flows:fields.nationalities')}
                </Title>
                {count.nationalities.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('flows:counts.noNationalities')}
                  </Text>
                ) : (
                  <Table fz="sm">
                    <Table.Tbody>
                      {count.nationalities.map((entry) => (
                        <Table.Tr key={entry.country}>
                          <Table.Th scope="row">{country(entry.country)}</Table.Th>
                          <Table.Td>{n(entry.count)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Paper>
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('flows:counts.stamp', { created: formatDateTime(count.createdAt, i18n.language), updated: formatDateTime(count.updatedAt, i18n.language), version: count.version })}
              {count.validatedAt ? ` · ${t('flows:counts.validatedAt', { at: formatDateTime(count.validatedAt, i18n.language) })}` : ''}
            </Text>
          </Stack>
        </>
      )}
    </QueryGate>
  );
}
