// What the reintegration screens share: code labels, status badges, money in XOF with euros at the
// peg, RSS scores as shown, and the notice an unverified instrument requires.
import { useMemo } from 'react';
import { Alert, Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatXof } from '../protection/shared';
import type { AssistanceStatus, PlanStatus, ReintegrationStatus, VisitStatus } from './types';

export { formatXof };

/** Select options for one of the area's code lists, labelled from `reintegration:enum.<group>.<code>`. */
export function useEnumOptions(group: string, codes: readonly string[]) {
  const { t } = useTranslation();
  return useMemo(() => codes.map((code) => ({ value: code, label: t(`reintegration:enum.${group}.${code}`) })), [t, group, codes]);
}

const STATUS_COLORS: Record<ReintegrationStatus, string> = {
  eligible: 'gray',
  counselled: 'blue',
  plan_approved: 'indigo',
  in_progress: 'teal',
  completed: 'green',
  suspended: 'orange',
  withdrawn: 'dark',
  lost_contact: 'red',
};
const PLAN_COLORS: Record<PlanStatus, string> = { draft: 'gray', submitted: 'yellow', approved: 'green', returned: 'orange' };
const ITEM_COLORS: Record<AssistanceStatus, string> = { planned: 'gray', approved: 'blue', delivered: 'green', cancelled: 'dark' };
const VISIT_COLORS: Record<VisitStatus, string> = { scheduled: 'blue', done: 'green', missed: 'red' };

/** A reintegration case's status. */
export function StatusBadge({ status }: { status: ReintegrationStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={STATUS_COLORS[status]}>{t(`reintegration:enum.status.${status}`)}</Badge>;
}

/** A plan's status. */
export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={PLAN_COLORS[status]}>{t(`reintegration:enum.planStatus.${status}`)}</Badge>;
}

/** An assistance item's status. */
export function ItemStatusBadge({ status }: { status: AssistanceStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={ITEM_COLORS[status]}>{t(`reintegration:enum.itemStatus.${status}`)}</Badge>;
}

/** A monitoring visit's status, with "overdue" beside it when it is. */
export function VisitStatusBadge({ status, overdue }: { status: VisitStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="light" color={VISIT_COLORS[status]}>{t(`reintegration:enum.visitStatus.${status}`)}</Badge>
      {overdue && <OverdueBadge />}
    </>
  );
}

/** The red "overdue" flag. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <Badge variant="filled" color="red" ml={4}>{t('reintegration:overdue')}</Badge>;
}

/** An RSS score in [0, 1] shown with two decimals, or a dash when it could not be computed. */
export function formatScore(score: number | null | undefined, locale: string): string {
  if (score === null || score === undefined) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/** The notice every RSS result or summary carries while its instrument is unverified. */
export function UnverifiedNotice({ status }: { status: string | undefined }) {
  const { t } = useTranslation();
  if (status !== 'unverified') return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="rss-unverified">
      {t('reintegration:rss.unverified')}
    </Alert>
  );
}
