// The top of a case page: number, person, region, counsellor, plan due date and status, with one
// button per status move the case allows (a note can go with it).
import { useState } from 'react';
import { Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { formatDay, personName } from '../../registry/shared';
import { reintegrationApi } from '../api';
import { transitionButtons } from '../logic';
import { useRegionOptions } from '../regions';
import { OverdueBadge, StatusBadge } from '../shared';
import type { ReintegrationCase, ReintegrationStatus } from '../types';
import { CaseEditButton } from './CaseEdit';
import { useCaseRefresh } from './useCaseRefresh';

/** The status moves a case offers now, from the server's abilities when it lists them. */
export function caseTransitions(c: ReintegrationCase): ReintegrationStatus[] {
  const settled = c.items.every((i) => i.status === 'delivered' || i.status === 'cancelled');
  const moves = transitionButtons(c.status, c.allowedTransitions, c.statusBefore, settled);
  // Completing needs every item settled: the server lists the move anyway and refuses it with 409.
  return settled ? moves : moves.filter((to) => to !== 'completed');
}

/** The buttons that move the case, each asking for an optional note first. */
export function TransitionButtons({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const refresh = useCaseRefresh(c.id);
  const [target, setTarget] = useState<ReintegrationStatus | null>(null);
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: (to: ReintegrationStatus) => reintegrationApi.transition(c.id, to, note.trim() || undefined),
    onSuccess: (updated) => {
      setTarget(null);
      setNote('');
      refresh();
      notifications.show({ color: 'green', message: t('reintegration:case.moved', { status: t(`reintegration:enum.status.${updated.status}`) }) });
    },
  });
  if (!can('reintegrationCase.update') || !c.abilities.transition) return null;
  return (
    <>
      {caseTransitions(c).map((to) => (
        <Button key={to} variant={to === 'completed' ? 'filled' : 'light'} color={to === 'withdrawn' || to === 'lost_contact' ? 'gray' : undefined} onClick={() => { move.reset(); setTarget(to); }}>
          {t(`reintegration:case.moveTo.${to}`)}
        </Button>
      ))}
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={target ? t(`reintegration:case.moveTo.${target}`) : ''} centered>
        <Stack>
          <FormErrorAlert error={move.error} />
          <Textarea label={t('reintegration:case.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setTarget(null)}>{t('common:actions.cancel')}</Button>
            <Button onClick={() => target && move.mutate(target)} loading={move.isPending}>{t('reintegration:case.confirmMove')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Header and status moves of the case. */
export function CaseHeader({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const regions = useRegionOptions();
  const counsellor = c.counsellor?.displayName ?? t('reintegration:cases.noCounsellor');
  return (
    <PageHeader
      title={c.caseNumber}
      back={{ to: '/reintegration/cases', label: t('reintegration:cases.title') }}
      badges={
        <Group gap={6}>
          <StatusBadge status={c.status} />
          {c.planOverdue && <OverdueBadge />}
        </Group>
      }
      description={
        <Text component="span">
          <Anchor component={Link} to={`/protection/people/${c.person.id}`}>{personName(c.person)}</Anchor>
          {` · ${c.person.caseNumber} · ${regions.nameOf(c.regionPcode)}`}
          {c.arrivedOn ? ` · ${t('reintegration:case.arrivedOn', { date: formatDay(c.arrivedOn, i18n.language) })}` : ''}
          {c.planDueOn ? ` · ${t('reintegration:case.planDueOn', { date: formatDay(c.planDueOn, i18n.language) })}` : ''}
          {c.referredFrom ? ` · ${t('reintegration:case.referredFrom', { from: c.referredFrom })}` : ''}
          {` · ${t('reintegration:case.counsellor', { name: counsellor })}`}
          {c.returnCaseId && can('returnCase.read') && (
            <>
              {' · '}
              <Anchor component={Link} to={`/returns/cases/${c.returnCaseId}`}>{t('reintegration:case.returnCase')}</Anchor>
            </>
          )}
        </Text>
      }
      actions={
        <Group gap="xs">
          <TransitionButtons reintegrationCase={c} />
          <CaseEditButton reintegrationCase={c} />
        </Group>
      }
    />
  );
}
