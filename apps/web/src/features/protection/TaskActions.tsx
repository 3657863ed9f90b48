// Completing a task (with its outcome) and approving one that waits for a supervisor.
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '@taama/core';
import { describeError } from '../../app/errors';
import { protectionKeys, tasksApi } from './api';

/** The buttons a task's abilities allow. */
export function TaskActions({ task }: { task: Task }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: protectionKeys.tasks });
    void queryClient.invalidateQueries({ queryKey: protectionKeys.case(task.transitCaseId) });
    void queryClient.invalidateQueries({ queryKey: protectionKeys.dashboard });
  };
  const complete = useMutation({
    mutationFn: () => tasksApi.complete(task.id, outcome.trim() ? { outcome: outcome.trim() } : {}),
    onSuccess: () => {
      setOpen(false);
      refresh();
    },
  });
  const approve = useMutation({ mutationFn: () => tasksApi.approve(task.id), onSuccess: refresh });
  if (!task.abilities.complete && !task.abilities.approve) return null;
  return (
    <>
      <Group gap="xs">
        {task.abilities.complete && (
          <Button size="compact-sm" variant="light" onClick={() => setOpen(true)} aria-label={t('protection:tasks.completeNamed', { title: task.title })}>
            {t('protection:tasks.complete')}
          </Button>
        )}
        {task.abilities.approve && (
          <Button size="compact-sm" onClick={() => approve.mutate()} loading={approve.isPending} aria-label={t('protection:tasks.approveNamed', { title: task.title })}>
            {t('protection:tasks.approve')}
          </Button>
        )}
      </Group>
      {approve.error ? <Text size="xs" c="red" role="alert">{describeError(t, approve.error)}</Text> : null}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('protection:tasks.completeTitle', { title: task.title })} centered>
        <Stack>
          {task.requiresApproval && <Text size="sm" c="dimmed">{t('protection:tasks.needsApproval')}</Text>}
          <Textarea label={t('protection:tasks.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} autosize minRows={3} maxLength={2000} />
          {complete.error ? <Text size="sm" c="red" role="alert">{describeError(t, complete.error)}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('common:actions.cancel')}</Button>
            <Button onClick={() => complete.mutate()} loading={complete.isPending}>{t('protection:tasks.complete')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
