// Spot checks of handover certificates: draw a reproducible sample (percent and seed) of delivered
// items with certificates, then record what each check found.
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../app/errors';
import { FormErrorAlert } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { reintegrationKeys, spotChecksApi } from '../api';
import { formatXof, useEnumOptions } from '../shared';
import { SPOT_CHECK_OUTCOMES, type SpotCheck, type SpotCheckOutcome } from '../types';

/** Draws a new sample. */
function DrawForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState<number | string>('');
  const [seed, setSeed] = useState('');
  const draw = useMutation({
    mutationFn: () => spotChecksApi.draw({ ...(percent !== '' ? { percent: Number(percent) } : {}), ...(seed.trim() ? { seed: seed.trim() } : {}) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reintegrationKeys.spotChecks }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    draw.mutate();
  };
  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} aria-label={t('reintegration:spotChecks.draw')}>
        <Stack gap="sm">
          <Title order={2} size="h4">{t('reintegration:spotChecks.draw')}</Title>
          <Text size="sm" c="dimmed">{t('reintegration:spotChecks.drawHint')}</Text>
          <FormErrorAlert error={draw.error} />
          <Group align="flex-end">
            <NumberInput label={t('reintegration:spotChecks.percent')} placeholder={t('reintegration:spotChecks.percentDefault')} value={percent} onChange={setPercent} min={0.1} max={100} decimalScale={1} suffix=" %" w={160} />
            <TextInput label={t('reintegration:spotChecks.seed')} value={seed} maxLength={64} onChange={(e) => setSeed(e.currentTarget.value)} w={200} />
            <Button type="submit" loading={draw.isPending}>{t('reintegration:spotChecks.drawSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** One sampled item and its outcome. */
function CheckRow({ check, item }: { check: SpotCheck; item: SpotCheck['items'][number] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const outcomes = useEnumOptions('spotCheckOutcome', SPOT_CHECK_OUTCOMES);
  const [outcome, setOutcome] = useState<SpotCheckOutcome | ''>(item.outcome ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const record = useMutation({
    mutationFn: () => spotChecksApi.record(check.id, item.assistanceItemId, { outcome: outcome || 'confirmed', ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reintegrationKeys.spotChecks }),
    onError: (error) => notifications.show({ color: 'red', message: describeError(t, error) }),
  });
  return (
    <Table.Tr>
      <Table.Td><Anchor component={Link} to={`/reintegration/cases/${item.reintegrationCaseId}?tab=assistance`}>{item.caseNumber}</Anchor></Table.Td>
      <Table.Td>{t(`reintegration:enum.assistanceType.${item.type}`)}</Table.Td>
      <Table.Td>{formatXof(item.plannedXof, i18n.language)}</Table.Td>
      <Table.Td>
        <NativeSelect aria-label={t('reintegration:spotChecks.outcomeFor', { caseNumber: item.caseNumber })} data={[{ value: '', label: '—' }, ...outcomes]} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as SpotCheckOutcome | '')} />
      </Table.Td>
      <Table.Td><TextInput aria-label={t('reintegration:spotChecks.noteFor', { caseNumber: item.caseNumber })} value={note} maxLength={2000} onChange={(e) => setNote(e.currentTarget.value)} /></Table.Td>
      <Table.Td><Button size="compact-sm" variant="light" disabled={!outcome} loading={record.isPending} onClick={() => record.mutate()}>{t('reintegration:spotChecks.record')}</Button></Table.Td>
    </Table.Tr>
  );
}

/** The spot checks page. */
export default function SpotChecksPage() {
  const { t, i18n } = useTranslation();
  const checks = useQuery({ queryKey: reintegrationKeys.spotChecks, queryFn: () => spotChecksApi.list() });
  return (
    <>
      <PageHeader title={t('reintegration:spotChecks.title')} description={t('reintegration:spotChecks.description')} />
      <Stack gap="lg">
        <DrawForm />
        {checks.isPending ? <LoadingState /> : checks.isError ? <ErrorState error={checks.error} onRetry={() => void checks.refetch()} /> : checks.data.items.length === 0 ? (
          <EmptyState title={t('reintegration:spotChecks.none')} />
        ) : (
          checks.data.items.map((check) => (
            <Paper key={check.id} withBorder p="md" component="section" aria-label={t('reintegration:spotChecks.sampleTitle', { date: new Date(check.drawnAt).toLocaleDateString(i18n.language), seed: check.seed })}>
              <Title order={2} size="h5" mb="xs">
                {t('reintegration:spotChecks.sampleTitle', { date: new Date(check.drawnAt).toLocaleDateString(i18n.language), seed: check.seed })} · {t('reintegration:spotChecks.sampleSize', { n: check.items.length, population: check.population, percent: check.percent })}
              </Title>
              {check.items.length === 0 ? <Text c="dimmed">{t('reintegration:spotChecks.emptySample')}</Text> : (
                <Table.ScrollContainer minWidth={720} type="native">
                  <Table verticalSpacing="xs">
                    <Table.Caption>{t('reintegration:spotChecks.items')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('reintegration:cases.columns.case')}</Table.Th>
                        <Table.Th scope="col">{t('reintegration:plan.type')}</Table.Th>
                        <Table.Th scope="col">{t('reintegration:plan.plannedXof')}</Table.Th>
                        <Table.Th scope="col">{t('reintegration:spotChecks.outcome')}</Table.Th>
                        <Table.Th scope="col">{t('reintegration:spotChecks.note')}</Table.Th>
                        <Table.Th scope="col" />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {check.items.map((item) => <CheckRow key={item.assistanceItemId} check={check} item={item} />)}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          ))
        )}
      </Stack>
    </>
  );
}
