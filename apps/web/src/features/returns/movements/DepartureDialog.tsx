// Confirming a departure: the day it left and, for each passenger, departed or no-show; a no-show
// goes back to booked (for another movement) or is withdrawn with a reason. One request, one
// transaction on the server.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NativeSelect, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { personName, today } from '../../registry/shared';
import { movementsApi } from '../api';
import { RefusalAlert, useReturnOptions, useReturnsRefresh } from '../shared';
import { RETURN_WITHDRAWAL_REASONS, type DepartureInput, type Movement, type ReturnWithdrawalReason } from '../types';

type Choice = { status: 'departed' | 'no_show'; noShowOutcome: 'booked' | 'withdrawn'; reason: ReturnWithdrawalReason };

/** The departure request for the choices made. */
export function toDeparture(departedOn: string, choices: Record<string, Choice>): DepartureInput {
  return {
    departedOn,
    passengers: Object.entries(choices).map(([returnCaseId, c]) =>
      c.status === 'departed' ? { returnCaseId, status: 'departed' } : { returnCaseId, status: 'no_show', noShowOutcome: c.noShowOutcome, ...(c.noShowOutcome === 'withdrawn' ? { reason: c.reason } : {}) },
    ),
  };
}

/** The "confirm departure" button and dialog. */
export function DepartureDialog({ movement: m }: { movement: Movement }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const reasons = useReturnOptions('withdrawalReason', RETURN_WITHDRAWAL_REASONS);
  const [open, setOpen] = useState(false);
  const [departedOn, setDepartedOn] = useState(m.departureDate <= today() ? m.departureDate : today());
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const confirm = useMutation({
    mutationFn: () => movementsApi.departure(m.id, toDeparture(departedOn, choices)),
    onSuccess: () => {
      setOpen(false);
      refresh();
      notifications.show({ color: 'green', message: t('returns:departure.done', { reference: m.reference }) });
    },
  });
  const start = () => {
    setChoices(Object.fromEntries(m.passengers.map((p) => [p.returnCaseId, { status: 'departed', noShowOutcome: 'booked', reason: 'no_show' } satisfies Choice])));
    confirm.reset();
    setOpen(true);
  };
  const setChoice = (id: string, patch: Partial<Choice>) => setChoices((all) => {
    const current = all[id];
    return current ? { ...all, [id]: { ...current, ...patch } } : all;
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  const departed = Object.values(choices).filter((c) => c.status === 'departed').length;
  return (
    <>
      <Button onClick={start} disabled={m.passengers.length === 0}>{t('returns:departure.button')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('returns:departure.title', { reference: m.reference })} size="xl" centered>
        <form onSubmit={submit} aria-label={t('returns:departure.title', { reference: m.reference })}>
          <Stack>
            <TextInput type="date" label={t('returns:departure.departedOn')} required value={departedOn} max={today()} onChange={(e) => setDepartedOn(e.currentTarget.value)} w={200} />
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={t('returns:movement.passengers')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('returns:movement.passenger')}</Table.Th>
                    <Table.Th>{t('returns:departure.status')}</Table.Th>
                    <Table.Th>{t('returns:departure.outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.passengers.map((p) => {
                    const c = choices[p.returnCaseId];
                    if (!c) return null;
                    const name = personName(p.person);
                    return (
                      <Table.Tr key={p.returnCaseId}>
                        <Table.Td>{name}<Text size="xs" c="dimmed">{p.caseNumber}</Text></Table.Td>
                        <Table.Td>
                          <SegmentedControl
                            aria-label={t('returns:departure.statusOf', { name })}
                            size="xs"
                            data={[{ value: 'departed', label: t('returns:enum.departureStatus.departed') }, { value: 'no_show', label: t('returns:enum.departureStatus.no_show') }]}
                            value={c.status}
                            onChange={(v) => setChoice(p.returnCaseId, { status: v === 'no_show' ? 'no_show' : 'departed' })}
                          />
                        </Table.Td>
                        <Table.Td>
                          {c.status === 'no_show' && (
                            <Group gap="xs" wrap="wrap">
                              <NativeSelect aria-label={t('returns:departure.outcomeOf', { name })} size="xs" data={[{ value: 'booked', label: t('returns:departure.backToBooked') }, { value: 'withdrawn', label: t('returns:departure.withdraw') }]} value={c.noShowOutcome} onChange={(e) => setChoice(p.returnCaseId, { noShowOutcome: e.currentTarget.value === 'withdrawn' ? 'withdrawn' : 'booked' })} />
                              {c.noShowOutcome === 'withdrawn' && <NativeSelect aria-label={t('returns:departure.reasonOf', { name })} size="xs" data={reasons} value={c.reason} onChange={(e) => setChoice(p.returnCaseId, { reason: e.currentTarget.value as ReturnWithdrawalReason })} />}
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm">{t('returns:departure.summary', { departed, total: m.passengers.length })}</Text>
            <RefusalAlert error={confirm.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" loading={confirm.isPending}>{t('returns:departure.confirm')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
