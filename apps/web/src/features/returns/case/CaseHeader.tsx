// The top of a return case: number, person, direction and destination, status, vulnerabilities,
// the reintegration case once opened, and the workflow buttons the caller may use.
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { formatDay, personName, useCountryName } from '../../registry/shared';
import { DirectionBadge, ReturnStatusBadge, VulnerabilityBadges } from '../shared';
import { ReintegrationLink } from '../reintegration';
import type { ReturnCase } from '../types';
import { CounsellorButton } from './CounsellorButton';
import { TransitionButtons } from './TransitionButtons';

/** Header and actions of the case. */
export function CaseHeader({ returnCase: c }: { returnCase: ReturnCase }) {
  const { t, i18n } = useTranslation();
  const country = useCountryName();
  const route = c.direction === 'inbound' ? `${country(c.fromCountry)} → ${country(c.destinationCountry)}` : `${country(c.fromCountry ?? 'MLI')} → ${country(c.destinationCountry)}`;
  return (
    <PageHeader
      title={c.caseNumber}
      back={{ to: '/returns', label: t('returns:pipeline.title') }}
      badges={
        <Group gap={6}>
          <ReturnStatusBadge status={c.status} />
          <DirectionBadge direction={c.direction} />
          <VulnerabilityBadges c={c} />
        </Group>
      }
      description={
        <Text component="span">
          <Anchor component={Link} to={`/protection/people/${c.person.id}`}>{personName(c.person)}</Anchor>
          {` · ${c.person.caseNumber} · ${route}`}
          {c.destinationPcode ? ` (${c.destinationPcode})` : ''}
          {` · ${t('returns:case.requestedOn', { date: formatDay(c.requestedOn, i18n.language) })}`}
          {c.siteName ? ` · ${c.siteName}` : ''}
          {` · ${t('returns:case.counsellor')} : ${c.counsellor?.displayName ?? t('returns:case.noCounsellor')}`}
          {c.status === 'suspended' && c.suspendedFrom ? ` · ${t('returns:case.suspendedFrom', { status: t(`returns:enum.status.${c.suspendedFrom}`) })}` : ''}
          {c.withdrawalReason ? ` · ${t('returns:case.withdrawnBecause', { reason: t(`returns:enum.withdrawalReason.${c.withdrawalReason}`) })}` : ''}
          {c.reintegrationCaseId && (
            <>
              {' · '}
              {t('returns:case.reintegration')} <ReintegrationLink id={c.reintegrationCaseId} number={c.reintegrationCaseNumber} />
            </>
          )}
        </Text>
      }
      actions={
        <Group gap="xs">
          <CounsellorButton returnCase={c} />
          <TransitionButtons returnCase={c} />
        </Group>
      }
    />
  );
}
