// Mean RSS change from baseline to follow-up per assistance type and level (SPEC §7 results).
import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/States';
import { formatScore } from '../shared';
import { RSS_SCORE_KEYS, type RssSummary } from '../types';

/** A signed score change ("+0,12"), or a dash. */
function signed(value: number | null, locale: string): string {
  if (value === null) return '—';
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatScore(Math.abs(value), locale)}`;
}

/** The change table. */
export function ChangeTable({ summary }: { summary: RssSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rss-change-title">
      <Title order={2} size="h4" id="rss-change-title" mb="sm">{t('reintegration:dashboard.changeTitle')}</Title>
      {summary.change.length === 0 ? (
        <EmptyState title={t('reintegration:dashboard.noChange')} />
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('reintegration:dashboard.changeCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reintegration:plan.type')}</Table.Th>
                <Table.Th scope="col">{t('reintegration:plan.level')}</Table.Th>
                <Table.Th scope="col">{t('reintegration:dashboard.returnees')}</Table.Th>
                {RSS_SCORE_KEYS.map((k) => <Table.Th key={k} scope="col">{t(`reintegration:enum.score.${k}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.change.map((row) => (
                <Table.Tr key={`${row.assistanceType}-${row.level}`}>
                  <Table.Td>{t(`reintegration:enum.assistanceType.${row.assistanceType}`)}</Table.Td>
                  <Table.Td>{t(`reintegration:enum.level.${row.level}`)}</Table.Td>
                  <Table.Td>{row.n}</Table.Td>
                  {RSS_SCORE_KEYS.map((k) => <Table.Td key={k}>{signed(row.meanChange[k], i18n.language)}</Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
