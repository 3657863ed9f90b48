// The trainees of a training: name, sex, institution, rank, days attended, completion (only with
// enough attendance — the box says why when it is disabled), pre/post test scores with the mean gain.
import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Trainee, TraineeInput, Training } from '@taama/core';
import { FormErrorAlert } from '../../../components/forms';
import { mobilityApi, mobilityKeys } from '../api';
import { completionState, scoreSummary } from '../rules';
import { useInstitutionOptions } from '../shared';

/** One trainee as the editor holds it. */
export interface TraineeRow {
  key: number;
  id?: string;
  name: string;
  sex: 'male' | 'female';
  institutionId: string;
  rank: string;
  daysAttended: number | '';
  completed: boolean;
  preScore: number | '';
  postScore: number | '';
}

let nextKey = 1;
const rowOf = (t: Trainee): TraineeRow => ({ key: nextKey++, id: t.id, name: t.name, sex: t.sex, institutionId: t.institutionId, rank: t.rank ?? '', daysAttended: t.daysAttended, completed: t.completed, preScore: t.preScore ?? '', postScore: t.postScore ?? '' });
const blank = (days: number): TraineeRow => ({ key: nextKey++, name: '', sex: 'male', institutionId: '', rank: '', daysAttended: days, completed: false, preScore: '', postScore: '' });

/** The trainees the API takes from the rows (rows without a name are left out). */
export function traineesInput(rows: readonly TraineeRow[]): TraineeInput[] {
  return rows
    .filter((r) => r.name.trim())
    .map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      name: r.name.trim(),
      sex: r.sex,
      institutionId: r.institutionId,
      rank: r.rank.trim() || null,
      daysAttended: r.daysAttended === '' ? 0 : r.daysAttended,
      completed: r.completed,
      preScore: r.preScore === '' ? null : r.preScore,
      postScore: r.postScore === '' ? null : r.postScore,
    }));
}

const score = (v: number | null) => (v === null ? '—' : String(v));

/** The trainees editor of one training. */
export function TraineesEditor({ training, readOnly }: { training: Training; readOnly: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const institutions = useInstitutionOptions();
  const [rows, setRows] = useState<TraineeRow[]>(() => (training.trainees ?? []).map(rowOf));
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const summary = scoreSummary(rows);
  const days = training.days;

  const update = (key: number, patch: Partial<TraineeRow>) =>
    setRows((current) =>
      current.map((r) => {
        if (r.key !== key) return r;
        const next = { ...r, ...patch };
        // Attendance lowered below the threshold: the completion mark cannot stay.
        if (!completionState(next.daysAttended, days).allowed) next.completed = false;
        return next;
      }),
    );

  const save = async () => {
    setPending(true);
    setError(null);
    try {
      const saved = await mobilityApi.putTrainees(training.id, traineesInput(rows));
      queryClient.setQueryData(mobilityKeys.training(training.id), saved);
      void queryClient.invalidateQueries({ queryKey: mobilityKeys.all });
      setRows((saved.trainees ?? []).map(rowOf));
      notifications.show({ color: 'green', message: t('mobility:trainees.saved', { count: saved.traineeCount }) });
    } catch (cause) {
      setError(cause);
    } finally {
      setPending(false);
    }
  };

  const fieldError = (index: number, field: string): string | undefined => {
    if (!error || typeof error !== 'object' || !('fields' in error)) return undefined;
    const fields = (error as { fields: Record<string, string> }).fields;
    return fields[`trainees.${index}.${field}`];
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="trainees-title">
      <Stack gap="sm">
        <Title id="trainees-title" order={2} size="h4">
          {t('mobility:trainees.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mobility:trainees.completionRule', { min: completionState(0, days).minDays, days })}
        </Text>
        <FormErrorAlert error={error} />
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={960} type="native">
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mobility:trainees.name')}</Table.Th>
                  <Table.Th scope="col">{t('mobility:trainees.sex')}</Table.Th>
                  <Table.Th scope="col">{t('mobility:trainees.institution')}</Table.Th>
                  <Table.Th scope="col">{t('mobility:trainees.rank')}</Table.Th>
                  <Table.Th scope="col">{t('mobility:trainees.daysAttended', { days })}</Table.Th>
                  <Table.Th scope="col">{t('mobility:trainees.completed')}</Table.Th>
                  <Table.Th scope="col">{t('mobility:trainees.preScore')}</Table.Th>
                  <Table.Th scope="col">{t('mobility:trainees.postScore')}</Table.Th>
                  <Table.Th scope="col" w={1} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => {
                  const completion = completionState(row.daysAttended, days);
                  const n = index + 1;
                  const reason = t('mobility:trainees.completionDisabled', { min: completion.minDays, days });
                  return (
                    <Table.Tr key={row.key}>
                      <Table.Td>
                        <TextInput aria-label={t('mobility:trainees.nameN', { n })} value={row.name} disabled={readOnly} error={fieldError(index, 'name')} onChange={(e) => update(row.key, { name: e.currentTarget.value })} />
                      </Table.Td>
                      <Table.Td>
                        <Select w={110} aria-label={t('mobility:trainees.sexN', { n })} allowDeselect={false} disabled={readOnly} value={row.sex} data={[{ value: 'male', label: t('mobility:enum.sex.male') }, { value: 'female', label: t('mobility:enum.sex.female') }]} onChange={(v) => update(row.key, { sex: v === 'female' ? 'female' : 'male' })} />
                      </Table.Td>
                      <Table.Td>
                        <Select w={200} aria-label={t('mobility:trainees.institutionN', { n })} searchable disabled={readOnly} data={institutions} value={row.institutionId || null} error={fieldError(index, 'institutionId')} onChange={(v) => update(row.key, { institutionId: v ?? '' })} />
                      </Table.Td>
                      <Table.Td>
                        <TextInput w={120} aria-label={t('mobility:trainees.rankN', { n })} value={row.rank} disabled={readOnly} onChange={(e) => update(row.key, { rank: e.currentTarget.value })} />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput w={90} aria-label={t('mobility:trainees.daysAttendedN', { n })} min={0} max={days} allowDecimal={false} allowNegative={false} clampBehavior="strict" disabled={readOnly} value={row.daysAttended} error={fieldError(index, 'daysAttended')} onChange={(v) => update(row.key, { daysAttended: typeof v === 'number' ? v : '' })} />
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={reason} disabled={completion.allowed} withArrow>
                          <span>
                            <Checkbox
                              size="md"
                              aria-label={t('mobility:trainees.completedN', { n })}
                              aria-describedby={completion.allowed ? undefined : `completion-reason-${row.key}`}
                              checked={row.completed}
                              disabled={readOnly || !completion.allowed}
                              error={fieldError(index, 'completed')}
                              onChange={(e) => update(row.key, { completed: e.currentTarget.checked })}
                            />
                          </span>
                        </Tooltip>
                        {!completion.allowed && (
                          <Text id={`completion-reason-${row.key}`} size="xs" c="dimmed" maw={140}>
                            {reason}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <NumberInput w={80} aria-label={t('mobility:trainees.preScoreN', { n })} min={0} max={100} clampBehavior="strict" disabled={readOnly} value={row.preScore} onChange={(v) => update(row.key, { preScore: typeof v === 'number' ? v : '' })} />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput w={80} aria-label={t('mobility:trainees.postScoreN', { n })} min={0} max={100} clampBehavior="strict" disabled={readOnly} value={row.postScore} onChange={(v) => update(row.key, { postScore: typeof v === 'number' ? v : '' })} />
                      </Table.Td>
                      <Table.Td>
                        {!readOnly && (
                          <ActionIcon size="lg" variant="subtle" color="red" aria-label={t('mobility:trainees.remove', { n })} onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="sm" aria-live="polite" data-testid="trainee-scores">
          {t('mobility:trainees.scores', { pre: score(summary.pre), post: score(summary.post), gain: summary.gain === null ? '—' : `${summary.gain > 0 ? '+' : ''}${summary.gain}` })}
        </Text>
        {!readOnly && (
          <Group justify="space-between">
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRows((current) => [...current, blank(days)])}>
              {t('mobility:trainees.add')}
            </Button>
            <Button loading={pending} onClick={() => void save()}>
              {t('mobility:trainees.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
