// Stays at the site: checking in (warned when the site is over capacity tonight) and out.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Stay, TransitCase } from '@taama/core';
import { describeError } from '../../../app/errors';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { fieldError, formatDay, today } from '../../registry/shared';
import { casesApi } from '../api';
import { useCaseRefresh } from './useCaseRefresh';

/** Checks the person in. */
function CheckInForm({ transitCase: c, onOverCapacity }: { transitCase: TransitCase; onOverCapacity: (o: Stay['overCapacity']) => void }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(c);
  const [checkIn, setCheckIn] = useState(today());
  const [bed, setBed] = useState('');
  const add = useMutation({
    mutationFn: () => casesApi.checkIn(c.id, { checkIn, ...(bed.trim() ? { bed: bed.trim() } : {}) }),
    onSuccess: (stay) => {
      onOverCapacity(stay.overCapacity);
      setBed('');
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('protection:stays.checkIn')}>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('protection:stays.checkIn')}</Title>
        <FormErrorAlert error={add.error} />
        <Group align="flex-end">
          <TextInput type="date" label={t('protection:stays.checkInDate')} value={checkIn} onChange={(e) => setCheckIn(e.currentTarget.value)} error={fieldError(t, add.error, 'checkIn')} w={170} />
          <TextInput label={t('protection:stays.bed')} value={bed} onChange={(e) => setBed(e.currentTarget.value)} maxLength={20} w={120} />
          <Button type="submit" loading={add.isPending}>{t('protection:stays.checkInSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Checks one stay out on the date chosen. */
function CheckOut({ stay, transitCase }: { stay: Stay; transitCase: TransitCase }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(transitCase);
  const [date, setDate] = useState(today());
  const out = useMutation({ mutationFn: () => casesApi.checkOut(stay.id, { checkOut: date }), onSuccess: refresh });
  return (
    <Stack gap={2}>
      <Group gap="xs" align="flex-end">
        <TextInput type="date" size="xs" aria-label={t('protection:stays.checkOutDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(t, out.error, 'checkOut')} w={150} />
        <Button size="xs" variant="light" onClick={() => out.mutate()} loading={out.isPending}>{t('protection:stays.checkOut')}</Button>
      </Group>
      {out.error && !fieldError(t, out.error, 'checkOut') ? <Alert color="red" p={4} role="alert">{describeError(t, out.error)}</Alert> : null}
    </Stack>
  );
}

/** The stays tab. */
export function StaysSection({ transitCase: c }: { transitCase: TransitCase }) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState<Stay['overCapacity']>(undefined);
  const canEdit = c.abilities.update && c.status !== 'closed';
  return (
    <Stack gap="lg">
      {over && (
        <Alert color="orange" role="alert" title={t('protection:stays.overCapacityTitle')} withCloseButton onClose={() => setOver(undefined)} closeButtonLabel={t('common:actions.close')}>
          {t('protection:stays.overCapacity', { occupied: over.occupied, capacity: over.capacity })}
        </Alert>
      )}
      {canEdit && (
        <Paper withBorder p="lg">
          <CheckInForm transitCase={c} onOverCapacity={setOver} />
        </Paper>
      )}
      {c.stays.length === 0 ? (
        <EmptyState title={t('protection:stays.none')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={520} type="native">
            <Table verticalSpacing="xs">
              <Table.Caption>{t('protection:stays.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('protection:stays.checkInDate')}</Table.Th>
                  <Table.Th scope="col">{t('protection:stays.checkOutDate')}</Table.Th>
                  <Table.Th scope="col">{t('protection:stays.bed')}</Table.Th>
                  <Table.Th scope="col">{t('protection:stays.nights')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.stays.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{formatDay(s.checkIn, i18n.language)}</Table.Td>
                    <Table.Td>{s.checkOut ? formatDay(s.checkOut, i18n.language) : canEdit ? <CheckOut stay={s} transitCase={c} /> : t('protection:stays.present')}</Table.Td>
                    <Table.Td>{s.bed ?? '—'}</Table.Td>
                    <Table.Td>{s.nights}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
