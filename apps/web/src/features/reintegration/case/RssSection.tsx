// The RSS results of a case: the four scores of each round, the change from baseline to the
// latest follow-up, the band, and the notice that the instrument is unverified when it is.
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { EmptyState } from '../../../components/States';
import { formatDay } from '../../registry/shared';
import { instrumentsApi, reintegrationApi, reintegrationKeys } from '../api';
import { formatScore, UnverifiedNotice } from '../shared';
import { RSS_SCORE_KEYS, type ReintegrationCase, type RssResult, type RssScores } from '../types';

/** Follow-up minus baseline for each score (null where either is missing). */
export function scoreChange(baseline: RssScores, followup: RssScores): RssScores {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) * 1000) / 1000);
  return { economic: diff(baseline.economic, followup.economic), social: diff(baseline.social, followup.social), psychosocial: diff(baseline.psychosocial, followup.psychosocial), composite: diff(baseline.composite, followup.composite) };
}

/** A signed change such as "+0,12" or "−0,05". */
function formatChange(value: number | null, locale: string): string {
  if (value === null) return '—';
  const text = formatScore(Math.abs(value), locale);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The RSS tab. */
export function RssSection({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const results = useQuery({ queryKey: reintegrationKeys.rss(c.id), queryFn: () => reintegrationApi.rss(c.id) });
  const instruments = useQuery({ queryKey: reintegrationKeys.instruments, queryFn: () => instrumentsApi.list(), staleTime: 60_000 });
  const items: RssResult[] = results.data?.items ?? c.rss;
  const sorted = [...items].sort((a, b) => (a.surveyedOn < b.surveyedOn ? -1 : 1));
  const statusOf = (version: string) => instruments.data?.items.find((i) => i.version === version)?.status;
  const unverified = sorted.some((r) => statusOf(r.instrumentVersion) === 'unverified');
  const baseline = sorted.find((r) => r.round === 'baseline');
  const followup = [...sorted].reverse().find((r) => r.round === 'followup');
  const change = results.data?.change?.scores ?? (baseline && followup ? scoreChange(baseline.scores, followup.scores) : null);
  const canSurvey = c.abilities.update && can('reintegrationCase.update');
  return (
    <Stack gap="lg">
      {canSurvey && (
        <Group>
          <Button component={Link} to={`/reintegration/cases/${c.id}/rss?round=baseline`} variant={baseline ? 'default' : 'filled'}>{t('reintegration:rss.startBaseline')}</Button>
          <Button component={Link} to={`/reintegration/cases/${c.id}/rss?round=followup`} variant={baseline && !followup ? 'filled' : 'default'}>{t('reintegration:rss.startFollowup')}</Button>
        </Group>
      )}
      {unverified && <UnverifiedNotice status="unverified" />}
      {sorted.length === 0 ? (
        <EmptyState title={t('reintegration:rss.none')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640} type="native">
            <Table striped verticalSpacing="xs" data-testid="rss-results">
              <Table.Caption>{t('reintegration:rss.resultsTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reintegration:rss.round')}</Table.Th>
                  {RSS_SCORE_KEYS.map((k) => <Table.Th key={k} scope="col">{t(`reintegration:enum.score.${k}`)}</Table.Th>)}
                  <Table.Th scope="col">{t('reintegration:rss.band')}</Table.Th>
                  <Table.Th scope="col">{t('reintegration:rss.instrument')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row">
                      {t(`reintegration:enum.round.${r.round}`)} · {formatDay(r.surveyedOn, i18n.language)}
                      {!r.complete && <Badge ml={6} color="orange" variant="light">{t('reintegration:rss.incomplete')}</Badge>}
                    </Table.Th>
                    {RSS_SCORE_KEYS.map((k) => <Table.Td key={k} data-score={k}>{formatScore(r.scores[k], i18n.language)}</Table.Td>)}
                    <Table.Td>{r.band ? t(`reintegration:enum.band.${r.band}`, { defaultValue: r.band }) : '—'}</Table.Td>
                    <Table.Td><Text size="xs">{r.instrumentVersion}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {change && (
                <Table.Tfoot>
                  <Table.Tr data-testid="rss-change">
                    <Table.Th scope="row">{t('reintegration:rss.change')}</Table.Th>
                    {RSS_SCORE_KEYS.map((k) => (
                      <Table.Td key={k} c={change[k] === null ? undefined : (change[k] ?? 0) >= 0 ? 'green' : 'red'} fw={700}>{formatChange(change[k], i18n.language)}</Table.Td>
                    ))}
                    <Table.Td colSpan={2} />
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Text size="sm" c="dimmed">{t('reintegration:rss.scaleHint')}</Text>
    </Stack>
  );
}
