// What the protection screens share: money in XOF with its euro value at the peg, and badges for
// priorities and statuses.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Priority, ReferralStatus, TaskStatus, TransitCaseStatus } from '@taama/core';

/** The CFA franc's fixed parity: 1 EUR = 655.957 XOF. */
export const XOF_PER_EUR = 655.957;

/** An integer amount of XOF with its euro equivalent, in the interface language: "12 500 F CFA (19,06 €)". */
export function formatXof(amount: number, locale: string): string {
  const xof = new Intl.NumberFormat(locale, { style: 'currency', currency: 'XOF', maximumFractionDigits: 0 }).format(amount);
  const eur = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount / XOF_PER_EUR);
  return `${xof} (${eur})`;
}

const PRIORITY_COLORS: Record<Priority, string> = { high: 'red', medium: 'orange', low: 'gray' };

/** A case's priority as a coloured badge ("not screened" when there is none yet). */
export function PriorityBadge({ priority }: { priority: Priority | null }) {
  const { t } = useTranslation();
  if (!priority) return <Badge variant="outline" color="gray">{t('protection:priority.none')}</Badge>;
  return (
    <Badge variant="filled" color={PRIORITY_COLORS[priority]}>
      {t('protection:priority.label', { priority: t(`protection:codes.priority.${priority}`) })}
    </Badge>
  );
}

const CASE_COLORS: Record<TransitCaseStatus, string> = { open: 'blue', active: 'teal', referred: 'violet', closed: 'gray' };
const REFERRAL_COLORS: Record<ReferralStatus, string> = { pending: 'yellow', accepted: 'blue', declined: 'red', completed: 'green', closed_without_service: 'gray' };
const TASK_COLORS: Record<TaskStatus, string> = { open: 'blue', awaiting_approval: 'orange', done: 'green', cancelled: 'gray' };

/** A transit case's status. */
export function CaseStatusBadge({ status }: { status: TransitCaseStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={CASE_COLORS[status]}>{t(`protection:codes.caseStatus.${status}`)}</Badge>;
}

/** A referral's status, with "overdue" beside it when it is. */
export function ReferralStatusBadge({ status, overdue }: { status: ReferralStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="light" color={REFERRAL_COLORS[status]}>{t(`protection:codes.referralStatus.${status}`)}</Badge>
      {overdue && <Badge variant="filled" color="red" ml={4}>{t('protection:overdue')}</Badge>}
    </>
  );
}

/** A task's status, with "overdue" beside it when it is. */
export function TaskStatusBadge({ status, overdue }: { status: TaskStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="light" color={TASK_COLORS[status]}>{t(`protection:codes.taskStatus.${status}`)}</Badge>
      {overdue && <Badge variant="filled" color="red" ml={4}>{t('protection:overdue')}</Badge>}
    </>
  );
}
