// The satisfaction survey after assistance (its own small instrument, SPEC §7): each question
// scored 1–5, and the surveys already taken with their mean score.
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SATISFACTION_QUESTIONS, type SatisfactionQuestion } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { formatDay, today } from '../../registry/shared';
import { reintegrationApi } from '../api';
import type { ReintegrationCase } from '../types';
import { useCaseRefresh } from './useCaseRefresh';

const SCALE = ['1', '2', '3', '4', '5'];

/** Records one satisfaction survey. */
function SatisfactionForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(caseId);
  const [answers, setAnswers] = useState<Partial<Record<SatisfactionQuestion, number>>>({});
  const [surveyedOn, setSurveyedOn] = useState(today());
  const [comment, setComment] = useState('');
  const add = useMutation({
    mutationFn: () => reintegrationApi.satisfaction(caseId, { surveyedOn, answers, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: () => {
      setAnswers({});
      setComment('');
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('reintegration:satisfaction.add')}>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('reintegration:satisfaction.add')}</Title>
        <Text size="sm" c="dimmed">{t('reintegration:satisfaction.scale')}</Text>
        <FormErrorAlert error={add.error} />
        {SATISFACTION_QUESTIONS.map((q) => (
          <Group key={q} justify="space-between" wrap="wrap">
            <Text size="sm" id={`satisfaction-${q}`}>{t(`reintegration:satisfaction.questions.${q}`)}</Text>
            <SegmentedControl aria-labelledby={`satisfaction-${q}`} data={SCALE} value={answers[q] ? String(answers[q]) : ''} onChange={(v) => setAnswers({ ...answers, [q]: Number(v) })} />
          </Group>
        ))}
        <TextInput type="date" label={t('reintegration:satisfaction.surveyedOn')} value={surveyedOn} max={today()} onChange={(e) => setSurveyedOn(e.currentTarget.value)} w={180} />
        <Textarea label={t('reintegration:satisfaction.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        <Button type="submit" w="fit-content" loading={add.isPending} disabled={Object.keys(answers).length === 0}>{t('reintegration:satisfaction.submit')}</Button>
      </Stack>
    </form>
  );
}

/** The satisfaction surveys of the case, and the form once assistance has been delivered. */
export function SatisfactionSection({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const delivered = c.items.some((i) => i.status === 'delivered');
  const mean = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={2} size="h3">{t('reintegration:satisfaction.title')}</Title>
        {c.satisfaction.length > 0 && (
          <Table verticalSpacing="xs">
            <Table.Caption>{t('reintegration:satisfaction.title')}</Table.Caption>
            <Table.Tbody>
              {c.satisfaction.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDay(s.surveyedOn, i18n.language)}</Table.Td>
                  <Table.Td>{t('reintegration:satisfaction.mean', { score: mean.format(s.meanScore) })}</Table.Td>
                  <Table.Td>{s.comment ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {delivered && c.abilities.update && can('reintegrationCase.update') ? <SatisfactionForm caseId={c.id} /> : c.satisfaction.length === 0 && <Text c="dimmed">{t('reintegration:satisfaction.afterDelivery')}</Text>}
      </Stack>
    </Paper>
  );
}
