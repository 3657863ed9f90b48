// The top of a case page: number, person, site, status, priority and assignee, and the actions its
// abilities allow: moving it along its workflow, assigning it, transferring it to another site.
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TransitCase } from '@taama/core';
import { PageHeader } from '../../../components/PageHeader';
import { formatDay, personName } from '../../registry/shared';
import { CaseStatusBadge, PriorityBadge } from '../shared';
import { AssignButton, TransferButton, TransitionButtons } from './CaseActions';

/** Header and actions of the case. */
export function CaseHeader({ transitCase: c }: { transitCase: TransitCase }) {
  const { t, i18n } = useTranslation();
  return (
    <PageHeader
      title={c.caseNumber}
      back={{ to: '/protection/cases', label: t('protection:cases.titleMine') }}
      badges={
        <Group gap={6}>
          <CaseStatusBadge status={c.status} />
          <PriorityBadge priority={c.priority} />
        </Group>
      }
      description={
        <Text component="span">
          <Anchor component={Link} to={`/protection/people/${c.person.id}`}>{personName(c.person)}</Anchor>
          {` · ${c.person.caseNumber} · ${c.siteName} · ${t('protection:case.openedOn', { date: formatDay(c.openedOn, i18n.language) })}`}
          {c.closedOn ? ` · ${t('protection:case.closedOn', { date: formatDay(c.closedOn, i18n.language) })}` : ''}
          {c.closureReason ? ` (${t(`protection:codes.closureReason.${c.closureReason}`)})` : ''}
          {` · ${t('protection:case.assignee')} : ${c.assignedToName ?? t('protection:cases.unassigned')}`}
        </Text>
      }
      actions={
        <Group gap="xs">
          <TransitionButtons transitCase={c} />
          <AssignButton transitCase={c} />
          <TransferButton transitCase={c} />
        </Group>
      }
    />
  );
}
