// Tasks of a case: adding one with a due date, and the list with complete and approve.
import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TASK_KINDS, type TaskKind, type TransitCase } from '@taama/core';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { fieldError, formatDay, today, useCodeOptions } from '../../registry/shared';
import { casesApi } from '../api';
import { TaskActions } from '../TaskActions';
import { TaskStatusBadge } from '../shared';
import { useCaseRefresh } from './useCaseRefresh';

function TaskForm({ transitCase: c }: { transitCase: TransitCase }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(c);
  const kinds = useCodeOptions('protection', 'taskKind', TASK_KINDS);
  const [kind, setKind] = useState<TaskKind>('follow_up');
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const add = useMutation({
    mutationFn: () => casesApi.addTask(c.id, { kind, title: title.trim(), ...(dueDate ? { dueDate } : {}) }),
    onSuccess: () => {
      setTitle('');
      setDueDate('');
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim()) add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('protection:tasks.add')}>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('protection:tasks.add')}</Title>
        <FormErrorAlert error={add.error} />
        <Group align="flex-start" wrap="wrap">
          <NativeSelect label={t('protection:tasks.kind')} data={kinds} value={kind} onChange={(e) => setKind(e.currentTarget.value as TaskKind)} />
          <TextInput label={t('protection:tasks.columns.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} error={fieldError(t, add.error, 'title')} w={280} />
          <TextInput type="date" label={t('protection:tasks.columns.due')} value={dueDate} min={today()} onChange={(e) => setDueDate(e.currentTarget.value)} error={fieldError(t, add.error, 'dueDate')} w={170} />
        </Group>
        <Button type="submit" loading={add.isPending} disabled={!title.trim()} w="fit-content">{t('protection:tasks.submit')}</Button>
      </Stack>
    </form>
  );
}

/** The tasks tab. */
export function TasksSection({ transitCase: c }: { transitCase: TransitCase }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg">
      {c.abilities.update && c.status !== 'closed' && (
        <Paper withBorder p="lg">
          <TaskForm transitCase={c} />
        </Paper>
      )}
      {c.tasks.length === 0 ? (
        <EmptyState title={t('protection:tasks.emptyTitle')} />
      ) : (
        c.tasks.map((task) => (
          <Paper key={task.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Text fw={600} size="sm">{task.title}</Text>
                <Text size="xs" c="dimmed">
                  {t(`protection:codes.taskKind.${task.kind}`)}
                  {task.dueDate ? ` · ${t('protection:tasks.dueOn', { date: formatDay(task.dueDate, i18n.language) })}` : ''}
                  {task.assignedToName ? ` · ${task.assignedToName}` : ''}
                  {task.requiresApproval ? ` · ${t('protection:tasks.requiresApproval')}` : ''}
                </Text>
                {task.outcome && <Text size="sm">{task.outcome}</Text>}
                {task.completedBy && <Text size="xs" c="dimmed">{t('protection:tasks.completedBy', { name: task.completedBy })}{task.approvedBy ? ` · ${t('protection:tasks.approvedBy', { name: task.approvedBy })}` : ''}</Text>}
              </Stack>
              <Stack gap={4} align="flex-end">
                <Group gap={4}><TaskStatusBadge status={task.status} overdue={task.overdue} /></Group>
                <TaskActions task={task} />
              </Stack>
            </Group>
          </Paper>
        ))
      )}
    </Stack>
  );
}
