// Pre-departure medical checks: outcome and escort; the conditions found are sensitive, so their
// field is shown only to users cleared to read sensitive data (the server redacts them for others).
import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { fieldError, formatDay, today } from '../../registry/shared';
import { returnsApi } from '../api';
import { useReturnOptions, useReturnsRefresh } from '../shared';
import { ESCORT_TYPES, MEDICAL_OUTCOMES, type EscortType, type MedicalOutcome, type ReturnCase } from '../types';

const OUTCOME_COLORS: Record<MedicalOutcome, string> = { fit_to_travel: 'green', fit_with_escort: 'teal', unfit: 'red' };

/** Whether this user may read and write the sensitive conditions field. */
export function useReadsSensitive(): boolean {
  return useMe().maxSensitivity === 'sensitive';
}

/** The form adding a medical check. */
function MedicalForm({ c }: { c: ReturnCase }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const sensitive = useReadsSensitive();
  const outcomes = useReturnOptions('medicalOutcome', MEDICAL_OUTCOMES);
  const escorts = useReturnOptions('escort', ESCORT_TYPES);
  const [examinedOn, setExaminedOn] = useState(today());
  const [outcome, setOutcome] = useState<MedicalOutcome>('fit_to_travel');
  const [escort, setEscort] = useState<EscortType>('none');
  const [conditions, setConditions] = useState('');
  const add = useMutation({
    mutationFn: () => returnsApi.addMedical(c.id, { examinedOn, outcome, escort, ...(sensitive && conditions.trim() ? { conditions: conditions.trim() } : {}) }),
    onSuccess: () => {
      setConditions('');
      refresh();
      notifications.show({ color: 'green', message: t('returns:medical.saved') });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('returns:medical.add')}>
      <Stack gap="sm">
        <Title order={3} size="h5">{t('returns:medical.add')}</Title>
        <FormErrorAlert error={add.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('returns:medical.examinedOn')} required value={examinedOn} max={today()} onChange={(e) => setExaminedOn(e.currentTarget.value)} error={fieldError(t, add.error, 'examinedOn')} />
          <NativeSelect label={t('returns:medical.outcome')} data={outcomes} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as MedicalOutcome)} />
          <NativeSelect label={t('returns:medical.escort')} data={escorts} value={escort} onChange={(e) => setEscort(e.currentTarget.value as EscortType)} />
        </SimpleGrid>
        {sensitive && <Textarea label={t('returns:medical.conditions')} description={t('returns:medical.conditionsHint')} value={conditions} onChange={(e) => setConditions(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />}
        <Group justify="flex-end"><Button type="submit" variant="light" loading={add.isPending}>{t('returns:medical.submit')}</Button></Group>
      </Stack>
    </form>
  );
}

/** The medical tab: the checks, newest first, and the form. */
export function MedicalSection({ returnCase: c }: { returnCase: ReturnCase }) {
  const { t, i18n } = useTranslation();
  const sensitive = useReadsSensitive();
  const checks = [...c.medicalChecks].sort((a, b) => b.examinedOn.localeCompare(a.examinedOn));
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h4">{t('returns:medical.title')}</Title>
        {checks.length === 0 ? (
          <EmptyState title={t('returns:medical.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped aria-label={t('returns:medical.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('returns:medical.examinedOn')}</Table.Th>
                  <Table.Th>{t('returns:medical.outcome')}</Table.Th>
                  <Table.Th>{t('returns:medical.escort')}</Table.Th>
                  {sensitive && <Table.Th>{t('returns:medical.conditions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {checks.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDay(m.examinedOn, i18n.language)}</Table.Td>
                    <Table.Td><Badge variant="light" color={OUTCOME_COLORS[m.outcome]}>{t(`returns:enum.medicalOutcome.${m.outcome}`)}</Badge></Table.Td>
                    <Table.Td>{t(`returns:enum.escort.${m.escort}`)}</Table.Td>
                    {sensitive && <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{m.conditions ?? '—'}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {c.abilities.addMedical && !['closed', 'withdrawn'].includes(c.status) && <MedicalForm c={c} />}
      </Stack>
    </Paper>
  );
}
