// One indicator (/results/indicators/:code): its values per period against the targets (chart and
// table whose numbers open their records), restatements, and every disaggregation.
import { Alert, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DISAGGREGATIONS, type IndicatorValue } from '@taama/core';
import { formatNumber } from '../../app/format';
import { EChart } from '../../components/charts/EChart';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { NotFoundPage } from '../../app/guards';
import { resultsApi, resultsKeys } from './api';
import { periodSpan, recordsPath, signed } from './logic';
import { PeriodPicker, usePeriodParams, usePeriodSelection } from './PeriodPicker';
import { Disaggregation } from './Disaggregation';
import { RecordsNumber, RestatementBadge, TargetProgress, useCanDrillDown } from './shared';

/** Values per period against their targets. */
function PeriodsChart({ item }: { item: IndicatorValue }) {
  const { t } = useTranslation();
  const drill = useCanDrillDown();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: item.periods.map((p) => p.period) },
      yAxis: { type: 'value' },
      series: [
        { name: t('results:columns.value'), type: 'bar', data: item.periods.map((p) => p.value) },
        { name: t('results:columns.target'), type: 'line', data: item.periods.map((p) => p.target ?? null) },
      ],
    }),
    [item, t],
  );
  return (
    <EChart
      title={t('results:indicator.perPeriod')}
      option={option}
      height={280}
      table={{
        header: [t('results:columns.period'), t('results:columns.value'), t('results:columns.target'), t('results:columns.signedOff')],
        rows: item.periods.map((p) => [p.period, p.value, p.target ?? null, p.signedOff ? t('results:yes') : '']),
      }}
      cellLink={(row, column) => {
        const p = item.periods[row];
        const span = p && column === 1 && drill ? periodSpan(p.period) : null;
        return span ? recordsPath(item.code, span.from, span.to) : undefined;
      }}
    />
  );
}

/** Restatements of the signed-off quarters, each with the signed-off and current values. */
function Restatements({ item }: { item: IndicatorValue }) {
  const { t, i18n } = useTranslation();
  const changed = item.restatements.filter((r) => r.difference !== 0);
  if (changed.length === 0) return null;
  return (
    <Alert color="orange" title={t('results:restatement.title')}>
      <Text size="sm" mb="xs">{t('results:restatement.explainLong')}</Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('results:columns.period')}</Table.Th>
            <Table.Th ta="right">{t('results:restatement.signedOff')}</Table.Th>
            <Table.Th ta="right">{t('results:restatement.current')}</Table.Th>
            <Table.Th ta="right">{t('results:restatement.difference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changed.map((r) => (
            <Table.Tr key={r.period}>
              <Table.Td>{r.period}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.signedOff, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.current, i18n.language)}</Table.Td>
              <Table.Td ta="right">{signed(r.difference, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

/** The indicator's page. */
export default function IndicatorPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const params = usePeriodParams();
  const { span, interval } = usePeriodSelection(params);
  const ok = !('error' in span);
  const from = ok ? span.from : '';
  const to = ok ? span.to : '';
  const query = useQuery({
    queryKey: [...resultsKeys.indicators, from, to, interval, i18n.language, 'all'],
    queryFn: () => resultsApi.indicators({ from, to, interval, by: DISAGGREGATIONS.join(',') }),
    enabled: ok,
  });
  const item = query.data?.items.find((i) => i.code === code);
  if (query.isSuccess && !item) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={item ? `${item.code} — ${item.title}` : code}
        back={{ to: `/results${window.location.search}`, label: t('results:indicator.back') }}
        badges={item && <RestatementBadge restatements={item.restatements} />}
      />
      <Paper withBorder p="md" mb="md"><PeriodPicker filters={params} /></Paper>
      {!ok ? null : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : item && !item.available ? (
        <Alert color="gray" title={t('results:dashboard.unavailable')}>{item.reason}</Alert>
      ) : (
        item && (
          <Stack gap="md">
            <Paper withBorder p="md">
              <Group gap="xl" wrap="wrap">
                <Stack gap={0}>
                  <Text size="sm" c="dimmed">{t('results:columns.value')}</Text>
                  <Text fz={28} fw={700}><RecordsNumber code={item.code} value={item.value} from={query.data.from} to={query.data.to} label={t('results:dashboard.valueOf', { code: item.code })} /></Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="sm" c="dimmed">{t('results:columns.cumulative')}</Text>
                  <Text fz={28} fw={700}>{formatNumber(item.cumulative, i18n.language)}</Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="sm" c="dimmed">{t('results:columns.target')}</Text>
                  <Text fz={28} fw={700}>{formatNumber(item.target, i18n.language)}</Text>
                </Stack>
                <Stack gap={4}>
                  <Text size="sm" c="dimmed">{t('results:columns.achieved')}</Text>
                  <TargetProgress cumulative={item.cumulative} target={item.target} label={item.code} />
                </Stack>
                <Stack gap={0}>
                  <Text size="sm" c="dimmed">{t('results:indicator.unit')}</Text>
                  <Text>{item.unit} <Badge size="xs" variant="outline">{t(`results:enum.mode.${item.mode}`)}</Badge> <Badge size="xs" variant="light">{t('results:indicator.ruleVersion', { version: item.ruleVersion })}</Badge></Text>
                </Stack>
              </Group>
            </Paper>
            <Restatements item={item} />
            <PeriodsChart item={item} />
            {item.suppressed && <Alert color="gray">{t('results:disaggregation.donorNote')}</Alert>}
            {DISAGGREGATIONS.filter((d) => item.disaggregations[d]).map((d) => (
              <Disaggregation key={d} dimension={d} cells={item.disaggregations[d] ?? {}} total={item.value} />
            ))}
          </Stack>
        )
      )}
    </>
  );
}
