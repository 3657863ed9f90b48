// Services given on a case (SPEC §5): a quick-add form, the list, and the total cost in XOF with its
// euro value at the peg.
import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES, type ServiceType, type TransitCase } from '@taama/core';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { fieldError, formatDay, today, useCodeOptions } from '../../registry/shared';
import { casesApi } from '../api';
import { formatXof } from '../shared';
import { useCaseRefresh } from './useCaseRefresh';

/** Records one service. */
function ServiceForm({ transitCase: c }: { transitCase: TransitCase }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(c);
  const types = useCodeOptions('protection', 'serviceType', SERVICE_TYPES);
  const [type, setType] = useState<ServiceType>('food');
  const [date, setDate] = useState(today());
  const [quantity, setQuantity] = useState<number | string>(1);
  const [provider, setProvider] = useState('');
  const [cost, setCost] = useState<number | string>('');
  const add = useMutation({
    mutationFn: () =>
      casesApi.addService(c.id, {
        type,
        date,
        quantity: Number(quantity) || 1,
        ...(provider.trim() ? { provider: provider.trim() } : {}),
        ...(cost !== '' ? { costXof: Math.round(Number(cost)) } : {}),
      }),
    onSuccess: () => {
      setCost('');
      setQuantity(1);
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('protection:services.add')}>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('protection:services.add')}</Title>
        <FormErrorAlert error={add.error} />
        <Group align="flex-start" wrap="wrap">
          <NativeSelect label={t('protection:services.type')} data={types} value={type} onChange={(e) => setType(e.currentTarget.value as ServiceType)} error={fieldError(t, add.error, 'type')} />
          <TextInput type="date" label={t('protection:services.date')} value={date} max={today()} onChange={(e) => setDate(e.currentTarget.value)} error={fieldError(t, add.error, 'date')} w={170} />
          <NumberInput label={t('protection:services.quantity')} value={quantity} onChange={setQuantity} min={1} max={10000} allowDecimal={false} w={110} error={fieldError(t, add.error, 'quantity')} />
          <TextInput label={t('protection:services.provider')} value={provider} onChange={(e) => setProvider(e.currentTarget.value)} maxLength={200} w={200} />
          <NumberInput label={t('protection:services.cost')} value={cost} onChange={setCost} min={0} max={100_000_000} allowDecimal={false} thousandSeparator=" " w={160} error={fieldError(t, add.error, 'costXof')} />
        </Group>
        <Button type="submit" loading={add.isPending} w="fit-content">{t('protection:services.submit')}</Button>
      </Stack>
    </form>
  );
}

/** The services tab. */
export function ServicesSection({ transitCase: c }: { transitCase: TransitCase }) {
  const { t, i18n } = useTranslation();
  const total = c.services.reduce((sum, s) => sum + (s.costXof ?? 0), 0);
  return (
    <Stack gap="lg">
      {c.abilities.addServices && c.status !== 'closed' && (
        <Paper withBorder p="lg">
          <ServiceForm transitCase={c} />
        </Paper>
      )}
      {c.services.length === 0 ? (
        <EmptyState title={t('protection:services.none')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table verticalSpacing="xs" striped>
              <Table.Caption>{t('protection:services.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('protection:services.date')}</Table.Th>
                  <Table.Th scope="col">{t('protection:services.type')}</Table.Th>
                  <Table.Th scope="col">{t('protection:services.quantity')}</Table.Th>
                  <Table.Th scope="col">{t('protection:services.provider')}</Table.Th>
                  <Table.Th scope="col">{t('protection:services.costColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.services.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{formatDay(s.date, i18n.language)}</Table.Td>
                    <Table.Td>{t(`protection:codes.serviceType.${s.type}`)}</Table.Td>
                    <Table.Td>{s.quantity}</Table.Td>
                    <Table.Td>{s.provider ?? '—'}</Table.Td>
                    <Table.Td>{s.costXof === null ? '—' : formatXof(s.costXof, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row" colSpan={4}>{t('protection:services.total', { count: c.services.length })}</Table.Th>
                  <Table.Td><Text fw={700} size="sm" data-testid="services-total">{formatXof(total, i18n.language)}</Text></Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
