// Pieces shared by the results screens: who may drill down, the progress bar, the per-period
// mini-chart, the restatement badge and a number that links to its records.
import { Anchor, Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorValue, Restatement } from '@taama/core';
import { useMe } from '../../app/auth';
import { formatNumber } from '../../app/format';
import { progress, recordsPath, restatementSummary, signed } from './logic';

/** Public-level roles (donors) see aggregates only: no number opens the records behind it. */
export function useCanDrillDown(): boolean {
  return useMe().maxSensitivity !== 'public';
}

/** A number; a link to its records when the caller may see them. */
export function RecordsNumber({ code, value, from, to, label }: { code: string; value: number | null; from: string; to: string; label: string }) {
  const { i18n } = useTranslation();
  const drill = useCanDrillDown();
  const text = formatNumber(value, i18n.language);
  if (!drill || value === null || value === 0) return <span>{text}</span>;
  return (
    <Anchor component={Link} to={recordsPath(code, from, to)} aria-label={`${label} : ${text}`}>
      {text}
    </Anchor>
  );
}

/** Progress of a cumulative value towards its target, as a bar with the exact percentage. */
export function TargetProgress({ cumulative, target, label }: { cumulative: number; target: number | null; label: string }) {
  const { t, i18n } = useTranslation();
  const p = progress(cumulative, target);
  if (!p) return <Text size="sm" c="dimmed">{t('results:dashboard.noTarget')}</Text>;
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(p.percent);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={p.bar} w={90} aria-label={t('results:dashboard.progressOf', { label, percent })} color={p.percent >= 100 ? 'teal' : undefined} />
      <Text size="sm">{percent} %</Text>
    </Group>
  );
}

/** Small bars, one per period, for the table row; the values themselves are in the detail page. */
export function PeriodBars({ periods }: { periods: IndicatorValue['periods'] }) {
  const max = Math.max(1, ...periods.map((p) => p.value));
  const width = 6;
  const height = 24;
  return (
    <svg width={periods.length * (width + 2)} height={height} aria-hidden focusable="false">
      {periods.map((p, i) => {
        const h = Math.max(1, Math.round((p.value / max) * height));
        return <rect key={p.period} x={i * (width + 2)} y={height - h} width={width} height={h} fill={p.signedOff ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-blue-6)'} />;
      })}
    </svg>
  );
}

/** A badge when signed-off quarters changed since, with the difference and why it is shown. */
export function RestatementBadge({ restatements }: { restatements: readonly Restatement[] }) {
  const { t, i18n } = useTranslation();
  const summary = restatementSummary(restatements);
  if (!summary) return null;
  const difference = signed(summary.difference, i18n.language);
  return (
    <Tooltip label={t('results:restatement.explain', { periods: summary.periods.join(', ') })} multiline w={280} withArrow>
      <Badge color="orange" variant="light" tabIndex={0} aria-label={t('results:restatement.aria', { difference, periods: summary.periods.join(', ') })}>
        {t('results:restatement.badge', { difference })}
      </Badge>
    </Tooltip>
  );
}
