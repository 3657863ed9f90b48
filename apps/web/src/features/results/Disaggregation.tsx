// One disaggregation of an indicator (sex, age group, nationality, region, partner, site): a table
// that visibly adds up to the indicator's value (unknowns shown, never dropped; suppressed small
// cells said so) and a bar chart of the same numbers.
import { Alert, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { EChart } from '../../components/charts/EChart';
import { BoundaryMap } from '../../components/maps/BoundaryMap';
import { reconcile } from './logic';

interface DisaggregationProps {
  dimension: string;
  cells: Record<string, number | null>;
  total: number;
}

/** The label of one key of a dimension (unknown and the enumerations translated; names as given). */
function useKeyLabel(dimension: string) {
  const { t } = useTranslation();
  return (key: string) => {
    if (key === 'unknown') return t('results:disaggregation.unknown');
    if (dimension === 'sex' || dimension === 'ageGroup') return t(`results:enum.${dimension}.${key}`, { defaultValue: key });
    return key;
  };
}

/** Table and chart of one dimension. */
export function Disaggregation({ dimension, cells, total }: DisaggregationProps) {
  const { t, i18n } = useTranslation();
  const label = useKeyLabel(dimension);
  const r = reconcile(cells, total);
  const title = t(`results:dimensions.${dimension}`);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 16, right: 16, top: 16, bottom: 16, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: r.rows.map((row) => label(row.key)).reverse() },
      series: [{ name: title, type: 'bar', data: r.rows.map((row) => row.value).reverse() }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label is rebuilt each render from the same t
    [r.rows, title],
  );
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">{title}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table>
          <Table.Caption>{t('results:disaggregation.caption', { dimension: title })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{title}</Table.Th>
              <Table.Th ta="right">{t('results:columns.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td fs={row.unknown ? 'italic' : undefined}>{label(row.key)}</Table.Td>
                <Table.Td ta="right">{row.value === null ? <Text span size="sm" c="dimmed">{t('results:disaggregation.suppressed')}</Text> : formatNumber(row.value, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('results:disaggregation.total')}</Table.Th>
              <Table.Th ta="right" data-testid={`total-${dimension}`}>{formatNumber(r.suppressed ? total : r.sum, i18n.language)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
        {dimension === 'region' ? (
          <BoundaryMap
            title={title}
            description={t('results:disaggregation.mapNote')}
            // Unknown and suppressed cells have no place on the map; the table beside it keeps them.
            values={r.rows.flatMap((row) => (row.unknown || row.value === null ? [] : [{ pcode: row.key, total: row.value }]))}
            valueLabel={t('results:columns.value')}
          />
        ) : r.rows.length > 0 && <EChart title={title} option={option} height={Math.max(160, r.rows.length * 28)} table={{ header: [title, t('results:columns.value')], rows: r.rows.map((row) => [label(row.key), row.value]) }} />}
      </SimpleGrid>
      {r.suppressed > 0 ? (
        <Alert color="gray" mt="xs">{t('results:disaggregation.suppressedNote', { count: r.suppressed })}</Alert>
      ) : r.reconciles ? (
        <Text size="sm" c="dimmed" mt="xs">{t('results:disaggregation.reconciles', { total: formatNumber(total, i18n.language) })}</Text>
      ) : (
        <Alert color="red" mt="xs">{t('results:disaggregation.mismatch', { sum: formatNumber(r.sum, i18n.language), total: formatNumber(total, i18n.language) })}</Alert>
      )}
    </Paper>
  );
}
