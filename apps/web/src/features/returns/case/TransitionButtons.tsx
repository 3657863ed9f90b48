// Moving a case along its workflow: one button per allowed move; each opens a dialog for a note
// (a withdrawal also asks for its reason); a refusal says in plain words what is still missing.
import { useState } from 'react';
import { Anchor, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { returnsApi } from '../api';
import { awaitsMovement, transitionButtons, type TransitionButton } from '../logic';
import { RefusalAlert, useReturnOptions, useReturnsRefresh } from '../shared';
import { RETURN_WITHDRAWAL_REASONS, type ReturnCase, type ReturnWithdrawalReason } from '../types';

/** The label of a workflow button. */
function useButtonLabel() {
  const { t } = useTranslation();
  return (b: TransitionButton) => (b.kind === 'resume' ? t('returns:transition.resume', { status: t(`returns:enum.status.${b.to}`) }) : t(`returns:transition.to.${b.to}`));
}

/** The workflow buttons of a case and their dialog. */
export function TransitionButtons({ returnCase: c }: { returnCase: ReturnCase }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const label = useButtonLabel();
  const reasons = useReturnOptions('withdrawalReason', RETURN_WITHDRAWAL_REASONS);
  const [chosen, setChosen] = useState<TransitionButton | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<ReturnWithdrawalReason>('changed_mind');
  const move = useMutation({
    mutationFn: (b: TransitionButton) =>
      returnsApi.transition(c.id, { to: b.to, ...(note.trim() ? { note: note.trim() } : {}), ...(b.kind === 'withdraw' ? { reason } : {}) }),
    onSuccess: (updated) => {
      setChosen(null);
      setNote('');
      refresh();
      notifications.show({ color: 'green', message: t('returns:transition.done', { status: t(`returns:enum.status.${updated.status}`) }) });
    },
  });
  const buttons = transitionButtons(c);
  const open = (b: TransitionButton) => {
    move.reset();
    setNote('');
    setChosen(b);
  };
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" justify="flex-end">
        {buttons.map((b) => (
          <Button key={b.to} variant={b.kind === 'withdraw' ? 'outline' : b.kind === 'suspend' ? 'default' : 'light'} color={b.kind === 'withdraw' ? 'red' : undefined} onClick={() => open(b)}>
            {label(b)}
          </Button>
        ))}
      </Group>
      {c.abilities.transition && awaitsMovement(c) && (
        <Text size="sm" c="dimmed">
          {c.movement ? (
            <>
              {t('returns:transition.onMovement')}{' '}
              <Anchor component={Link} to={`/returns/movements/${c.movement.id}`}>{c.movement.reference}</Anchor>
            </>
          ) : (
            <>
              {t('returns:transition.needsMovement')}{' '}
              <Anchor component={Link} to="/returns/movements">{t('returns:tabs.movements')}</Anchor>
            </>
          )}
        </Text>
      )}
      <Modal opened={chosen !== null} onClose={() => setChosen(null)} title={chosen ? t('returns:transition.title', { action: label(chosen), caseNumber: c.caseNumber }) : ''} centered>
        {chosen && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              move.mutate(chosen);
            }}
          >
            <Stack>
              {chosen.kind === 'withdraw' && <NativeSelect label={t('returns:transition.reason')} required data={reasons} value={reason} onChange={(e) => setReason(e.currentTarget.value as ReturnWithdrawalReason)} />}
              <Textarea label={t('returns:transition.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-autofocus />
              <RefusalAlert error={move.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setChosen(null)}>{t('common:actions.cancel')}</Button>
                <Button type="submit" loading={move.isPending} color={chosen.kind === 'withdraw' ? 'red' : undefined}>{t('returns:transition.confirm')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
