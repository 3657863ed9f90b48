// Confirming an arrival: the day and who arrived (by default every departed passenger); inbound
// returnees get their reintegration case opened by the server.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { personName, today } from '../../registry/shared';
import { movementsApi } from '../api';
import { RefusalAlert, useReturnsRefresh } from '../shared';
import type { Movement } from '../types';

/** The "confirm arrival" button and dialog; `label` overrides the button's text. */
export function ArrivalDialog({ movement: m, label }: { movement: Movement; label?: string }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const departed = m.passengers.filter((p) => p.departureStatus === 'departed' && !p.arrived);
  const [open, setOpen] = useState(false);
  const [arrivedOn, setArrivedOn] = useState(today());
  const [chosen, setChosen] = useState<string[]>([]);
  const confirm = useMutation({
    // Everyone departed is the server's default: the list is only sent when someone is left out.
    mutationFn: () => movementsApi.arrival(m.id, { arrivedOn, ...(chosen.length === departed.length ? {} : { passengers: chosen }) }),
    onSuccess: () => {
      setOpen(false);
      refresh();
      notifications.show({ color: 'green', message: t('returns:arrival.done', { reference: m.reference }) });
    },
  });
  const start = () => {
    setChosen(departed.map((p) => p.returnCaseId));
    setArrivedOn(today());
    confirm.reset();
    setOpen(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  return (
    <>
      <Button onClick={start} disabled={departed.length === 0}>{label ?? t('returns:arrival.button')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('returns:arrival.title', { reference: m.reference })} centered size="lg">
        <form onSubmit={submit} aria-label={t('returns:arrival.title', { reference: m.reference })}>
          <Stack>
            <TextInput type="date" label={t('returns:arrival.arrivedOn')} required value={arrivedOn} min={m.departedOn ?? undefined} max={today()} onChange={(e) => setArrivedOn(e.currentTarget.value)} w={200} />
            <Checkbox.Group label={t('returns:arrival.who')} value={chosen} onChange={setChosen}>
              <Stack gap={6} mt="xs">
                {departed.map((p) => (
                  <Checkbox key={p.returnCaseId} value={p.returnCaseId} label={`${personName(p.person)} · ${p.caseNumber}${p.seats > 1 ? ` · ${t('returns:movement.seatsCount', { count: p.seats })}` : ''}`} />
                ))}
              </Stack>
            </Checkbox.Group>
            {m.direction === 'inbound' && <Text size="sm" c="dimmed">{t('returns:arrival.reintegrationHint')}</Text>}
            <RefusalAlert error={confirm.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" loading={confirm.isPending} disabled={chosen.length === 0}>{t('returns:arrival.confirm')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
