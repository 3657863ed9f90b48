// Assistance given on arrival: cash (prefilled with the programme's amount), onward transport,
// shelter, food, NFI, medical care, psychosocial first aid — never before the arrival day.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/forms';
import { fieldError, personName, today } from '../../registry/shared';
import { formatXof } from '../../protection/shared';
import { arrivalsApi, returnsKeys } from '../api';
import { useReturnOptions, useReturnsRefresh } from '../shared';
import { ARRIVAL_ASSISTANCE_TYPES, type Arrival, type ArrivalAssistanceType, type AssistanceInput } from '../types';

/** The request for the values typed: an amount only for cash, a quantity only for goods. */
export function toAssistance(v: { type: ArrivalAssistanceType; givenOn: string; amountXof: number | string; quantity: number | string; note: string }): AssistanceInput {
  const amount = typeof v.amountXof === 'number' ? v.amountXof : Number.NaN;
  const quantity = typeof v.quantity === 'number' ? v.quantity : Number.NaN;
  return {
    type: v.type,
    givenOn: v.givenOn,
    ...(Number.isInteger(amount) ? { amountXof: amount } : {}),
    ...(v.type !== 'cash_on_arrival' && Number.isInteger(quantity) ? { quantity } : {}),
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  };
}

/** The "add assistance" button and dialog of an arrival. */
export function AssistanceDialog({ arrival: a }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  const refresh = useReturnsRefresh();
  const types = useReturnOptions('assistance', ARRIVAL_ASSISTANCE_TYPES);
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<ArrivalAssistanceType>('cash_on_arrival');
  const [givenOn, setGivenOn] = useState(today());
  // The programme's amount (setting returns.cash_on_arrival_xof) prefills cash until the user types one.
  const settings = useQuery({ queryKey: returnsKeys.settings, queryFn: arrivalsApi.settings, staleTime: 60_000 });
  const [typedAmount, setAmountXof] = useState<number | string | null>(null);
  const amountXof = typedAmount ?? (type === 'cash_on_arrival' ? (settings.data?.cashOnArrivalXof ?? '') : '');
  const [quantity, setQuantity] = useState<number | string>('');
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () => arrivalsApi.addAssistance(a.id, toAssistance({ type, givenOn, amountXof, quantity, note })),
    onSuccess: () => {
      setOpen(false);
      refresh();
      notifications.show({ color: 'green', message: t('returns:assistance.saved') });
    },
  });
  const chooseType = (next: ArrivalAssistanceType) => {
    setType(next);
    setAmountXof(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const name = personName(a.person);
  return (
    <>
      <Button size="compact-sm" variant="light" onClick={() => { add.reset(); setOpen(true); }} aria-label={t('returns:assistance.addFor', { name })}>
        {t('returns:assistance.add')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('returns:assistance.title', { name })} centered>
        <form onSubmit={submit} aria-label={t('returns:assistance.title', { name })}>
          <Stack>
            <FormErrorAlert error={add.error} />
            <NativeSelect label={t('returns:assistance.type')} data={types} value={type} onChange={(e) => chooseType(e.currentTarget.value as ArrivalAssistanceType)} />
            <TextInput type="date" label={t('returns:assistance.givenOn')} required value={givenOn} min={a.arrivedOn} max={today()} onChange={(e) => setGivenOn(e.currentTarget.value)} error={fieldError(t, add.error, 'givenOn')} />
            <NumberInput
              label={t('returns:assistance.amount')}
              description={typeof amountXof === 'number' ? formatXof(amountXof, i18n.language) : undefined}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              value={amountXof}
              onChange={setAmountXof}
              error={fieldError(t, add.error, 'amountXof')}
            />
            {type !== 'cash_on_arrival' && <NumberInput label={t('returns:assistance.quantity')} min={0} allowDecimal={false} allowNegative={false} value={quantity} onChange={setQuantity} error={fieldError(t, add.error, 'quantity')} />}
            <Textarea label={t('returns:assistance.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>{t('common:actions.cancel')}</Button>
              <Button type="submit" loading={add.isPending}>{t('common:actions.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
