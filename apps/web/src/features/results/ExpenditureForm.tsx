// Recording an expenditure against a budget line (indicator.manage), in XOF or EUR: the EUR amount
// at the peg is shown before saving, and the server converts it the same way.
import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, Select, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpenditureInput } from '@taama/core';
import { ApiError, apiRequest } from '../../api/client';

/** XOF per EUR (the fixed peg). */
export const XOF_PER_EUR = 655.957;

/** An amount in EUR, rounded to the cent, from XOF or EUR. */
export function toEur(amount: number, currency: 'XOF' | 'EUR'): number {
  return Math.round((currency === 'EUR' ? amount : amount / XOF_PER_EUR) * 100) / 100;
}

interface Line {
  id: string;
  outputCode: string;
  label: string;
}

/** The expenditure form. */
export function ExpenditureForm() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const lines = useQuery({ queryKey: ['budget-lines'], queryFn: () => apiRequest<{ items: Line[] }>('/budget/lines') });
  const [lineId, setLineId] = useState<string | null>(null);
  const [spentOn, setSpentOn] = useState(new Date().toISOString().slice(0, 10));
  const [currency, setCurrency] = useState<'XOF' | 'EUR'>('XOF');
  const [amount, setAmount] = useState<number | ''>('');
  const [description, setDescription] = useState('');
  const save = useMutation({
    mutationFn: (input: ExpenditureInput) => apiRequest('/budget/expenditures', { method: 'POST', body: input }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('results:budget.recorded') });
      setAmount('');
      setDescription('');
      void client.invalidateQueries({ queryKey: ['budget-summary'] });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const eur = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">{t('results:budget.recordTitle')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (lineId && amount !== '' && description.trim()) save.mutate({ lineId, spentOn, currency, amount, description: description.trim() });
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <Select label={t('results:budget.line')} required value={lineId} onChange={setLineId} data={(lines.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.outputCode} — ${l.label}` }))} searchable w={280} error={err?.fields.lineId} />
          <TextInput type="date" label={t('results:budget.spentOn')} required value={spentOn} onChange={(e) => setSpentOn(e.currentTarget.value)} error={err?.fields.spentOn} />
          <SegmentedControl aria-label={t('results:budget.currency')} value={currency} onChange={(c) => setCurrency(c === 'EUR' ? 'EUR' : 'XOF')} data={['XOF', 'EUR']} />
          <NumberInput label={t('results:budget.amount')} required min={0} value={amount} onChange={(n) => setAmount(typeof n === 'number' ? n : '')} w={160} error={err?.fields.amount} />
          <TextInput label={t('results:budget.expenseDescription')} required maxLength={500} value={description} onChange={(e) => setDescription(e.currentTarget.value)} w={260} error={err?.fields.description} />
          <Button type="submit" loading={save.isPending}>{t('results:budget.record')}</Button>
        </Group>
        {amount !== '' && currency === 'XOF' && <Text size="sm" c="dimmed" mt="xs">{t('results:budget.atPeg', { eur: eur.format(toEur(amount, 'XOF')) })}</Text>}
        {err && <Alert color="red" mt="xs">{err.message}</Alert>}
      </form>
    </Paper>
  );
}
