// Counselling assessments (SPEC §7): needs, skills, family and vulnerability, each a short form
// whose answers are stored as they are; the first one recorded moves an eligible case to counselled.
import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { fieldError, formatDay, today } from '../../registry/shared';
import { reintegrationApi } from '../api';
import { useEnumOptions } from '../shared';
import { ASSESSMENT_KINDS, type AssessmentKind, type ReintegrationCase } from '../types';
import { useCaseRefresh } from './useCaseRefresh';

/** The questions of each kind of assessment (camelCase keys: the database returns JSON keys so). */
export const ASSESSMENT_QUESTIONS: Record<AssessmentKind, readonly string[]> = {
  needs: ['priorityNeeds', 'housingSituation', 'incomeSources'],
  skills: ['education', 'tradeSkills', 'workExperience', 'businessIdea'],
  family: ['householdSize', 'dependants', 'familySupport'],
  vulnerability: ['healthNeeds', 'psychosocialNeeds', 'safetyConcerns'],
};

/** Records one assessment. */
function AssessmentForm({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(c.id);
  const kinds = useEnumOptions('assessmentKind', ASSESSMENT_KINDS);
  const [kind, setKind] = useState<AssessmentKind>('needs');
  const [assessedOn, setAssessedOn] = useState(today());
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const add = useMutation({
    mutationFn: () => {
      const given = Object.fromEntries(ASSESSMENT_QUESTIONS[kind].map((q) => [q, (answers[q] ?? '').trim()]).filter(([, v]) => v !== ''));
      return reintegrationApi.assess(c.id, { kind, assessedOn, answers: given, ...(notes.trim() ? { notes: notes.trim() } : {}) });
    },
    onSuccess: () => {
      setAnswers({});
      setNotes('');
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('reintegration:assessments.add')}>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('reintegration:assessments.add')}</Title>
        <FormErrorAlert error={add.error} />
        <Group align="flex-start">
          <NativeSelect label={t('reintegration:assessments.kind')} data={kinds} value={kind} onChange={(e) => setKind(e.currentTarget.value as AssessmentKind)} />
          <TextInput type="date" label={t('reintegration:assessments.assessedOn')} value={assessedOn} max={today()} onChange={(e) => setAssessedOn(e.currentTarget.value)} error={fieldError(t, add.error, 'assessedOn')} w={180} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {ASSESSMENT_QUESTIONS[kind].map((q) => (
            <Textarea key={`${kind}-${q}`} label={t(`reintegration:assessments.questions.${q}`)} value={answers[q] ?? ''} onChange={(e) => setAnswers({ ...answers, [q]: e.currentTarget.value })} autosize minRows={2} maxLength={2000} />
          ))}
        </SimpleGrid>
        <Textarea label={t('reintegration:assessments.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <Button type="submit" loading={add.isPending} w="fit-content">{t('reintegration:assessments.submit')}</Button>
      </Stack>
    </form>
  );
}

/** The assessments tab. */
export function AssessmentsSection({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const assessments = [...c.assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1));
  return (
    <Stack gap="lg">
      {can('reintegrationCase.update') && c.abilities.update && (
        <Paper withBorder p="lg">
          <AssessmentForm reintegrationCase={c} />
        </Paper>
      )}
      {assessments.length === 0 ? (
        <EmptyState title={t('reintegration:assessments.none')} description={t('reintegration:assessments.noneHint')} />
      ) : (
        assessments.map((a) => (
          <Paper key={a.id} withBorder p="md" component="article" aria-label={t(`reintegration:enum.assessmentKind.${a.kind}`)}>
            <Title order={3} size="h5">
              {t(`reintegration:enum.assessmentKind.${a.kind}`)} · {formatDay(a.assessedOn, i18n.language)}
              {a.assessedBy ? ` · ${a.assessedBy.displayName}` : ''}
            </Title>
            <Stack gap={4} mt="xs">
              {Object.entries(a.answers).map(([key, value]) => (
                <Text key={key} size="sm">
                  <Text span fw={600}>{t(`reintegration:assessments.questions.${key}`, { defaultValue: key })} : </Text>
                  {typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)}
                </Text>
              ))}
              {a.notes && <Text size="sm" c="dimmed">{a.notes}</Text>}
            </Stack>
          </Paper>
        ))
      )}
    </Stack>
  );
}
