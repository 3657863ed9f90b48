// The RSS survey on a tablet: one question per card in the interface language, large answer
// buttons, progress, questions that do not apply skipped per the instrument, then the scores the
// server computed (the four scores, complete or not, and the band).
import { useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { today } from '../../registry/shared';
import { instrumentsApi, reintegrationApi, reintegrationKeys } from '../api';
import { useCaseRefresh } from '../case/useCaseRefresh';
import { answersToSend, surveyProgress, visibleQuestions } from '../logic';
import { formatScore, UnverifiedNotice } from '../shared';
import { RSS_SCORE_KEYS, type RssInstrument, type RssResult, type RssRound, type RssInstrumentSummary } from '../types';
import { pickInstrument } from './instrumentChoice';

/** The four scores returned by the server, large enough to read across a table. */
export function ScoreCards({ result }: { result: RssResult }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" data-testid="rss-scores">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {RSS_SCORE_KEYS.map((k) => (
          <Paper key={k} withBorder p="md" ta="center">
            <Text size="sm" c="dimmed">{t(`reintegration:enum.score.${k}`)}</Text>
            <Text size="xl" fw={700} data-score={k}>{formatScore(result.scores[k], i18n.language)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text>{result.complete ? t('reintegration:rss.complete') : t('reintegration:rss.incompleteLong')}</Text>
      {result.band && <Text>{t('reintegration:rss.bandIs', { band: t(`reintegration:enum.band.${result.band}`, { defaultValue: result.band }) })}</Text>}
    </Stack>
  );
}

interface SurveyProps {
  caseId: string;
  instrument: RssInstrument;
  round: RssRound;
}

/** The survey itself, question by question. */
function Survey({ caseId, instrument, round }: SurveyProps) {
  const { t, i18n } = useTranslation();
  const refresh = useCaseRefresh(caseId);
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const [answers, setAnswers] = useState<Record<string, string | null>>({});
  const [step, setStep] = useState(0);
  const [surveyedOn, setSurveyedOn] = useState(today());
  const questions = useMemo(() => visibleQuestions(instrument.items, answers), [instrument.items, answers]);
  const progress = surveyProgress(instrument.items, answers);
  const submit = useMutation({
    mutationFn: () => reintegrationApi.submitRss(caseId, { round, instrumentVersion: instrument.version, surveyedOn, answers: answersToSend(instrument.items, answers) }),
    onSuccess: refresh,
  });
  if (submit.data) {
    return (
      <Stack>
        <Title order={2} size="h3">{t('reintegration:rss.scoresTitle')}</Title>
        <UnverifiedNotice status={instrument.status} />
        <ScoreCards result={submit.data} />
        <Button component={Link} to={`/reintegration/cases/${caseId}?tab=rss`} w="fit-content">{t('reintegration:rss.backToCase')}</Button>
      </Stack>
    );
  }
  const question = questions[step];
  const answer = (value: string | null) => {
    setAnswers({ ...answers, ...(question ? { [question.code]: value } : {}) });
    setStep(step + 1);
  };
  return (
    <Stack gap="md">
      <Progress value={progress.percent} size="lg" aria-label={t('reintegration:rss.progressLabel')} />
      <Text size="sm" c="dimmed" aria-live="polite">{t('reintegration:rss.progress', { answered: progress.answered, total: progress.total })}</Text>
      {question ? (
        <Paper withBorder p="xl" radius="md" component="section" aria-labelledby="rss-question" data-testid="rss-question" data-code={question.code}>
          <Stack gap="lg">
            <Text size="sm" c="dimmed">{t('reintegration:rss.questionN', { n: step + 1, total: questions.length })} · {t(`reintegration:enum.dimension.${question.dimension}`)}</Text>
            <Title order={2} size="h3" id="rss-question">{question.label?.[lang] ?? question.code}</Title>
            <Stack gap="sm" role="group" aria-labelledby="rss-question">
              {(question.options ?? []).map((o) => {
                const chosen = answers[question.code] === o.value;
                return (
                  <Button key={o.value} size="xl" h={64} justify="flex-start" variant={chosen ? 'filled' : 'default'} aria-pressed={chosen} onClick={() => answer(o.value)}>
                    {o.label?.[lang] ?? o.value}
                  </Button>
                );
              })}
            </Stack>
            <Group justify="space-between">
              <Button size="lg" variant="subtle" disabled={step === 0} onClick={() => setStep(step - 1)}>{t('reintegration:rss.previous')}</Button>
              <Button size="lg" variant="subtle" onClick={() => answer(null)}>{t('reintegration:rss.skip')}</Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder p="xl" radius="md">
          <Stack>
            <Title order={2} size="h3">{t('reintegration:rss.reviewTitle')}</Title>
            <Text>{t('reintegration:rss.reviewText', { answered: progress.answered, total: progress.total })}</Text>
            <FormErrorAlert error={submit.error} />
            <TextInput type="date" label={t('reintegration:rss.surveyedOn')} value={surveyedOn} max={today()} onChange={(e) => setSurveyedOn(e.currentTarget.value)} w={200} />
            <Group>
              <Button size="lg" variant="default" onClick={() => setStep(Math.max(0, questions.length - 1))}>{t('reintegration:rss.previous')}</Button>
              <Button size="lg" onClick={() => submit.mutate()} loading={submit.isPending}>{t('reintegration:rss.submit')}</Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** The survey page of the case `:id` (?round=baseline|followup). */
export default function RssSurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const round: RssRound = params.get('round') === 'followup' ? 'followup' : 'baseline';
  const theCase = useQuery({ queryKey: reintegrationKeys.case(id), queryFn: () => reintegrationApi.get(id) });
  const list = useQuery({ queryKey: reintegrationKeys.instruments, queryFn: () => instrumentsApi.list() });
  const chosen: RssInstrumentSummary | undefined = pickInstrument(list.data?.items ?? []);
  const instrument = useQuery({ queryKey: reintegrationKeys.instrument(chosen?.version ?? ''), queryFn: () => instrumentsApi.get(chosen?.version ?? ''), enabled: Boolean(chosen) });
  const back = { to: `/reintegration/cases/${id}?tab=rss`, label: theCase.data?.caseNumber ?? t('reintegration:case.title') };
  const error = theCase.error ?? list.error ?? instrument.error;
  return (
    <>
      <PageHeader title={t('reintegration:rss.surveyTitle')} description={theCase.data ? `${theCase.data.caseNumber}` : undefined} back={back} />
      <Stack maw={760}>
        <SegmentedControl
          aria-label={t('reintegration:rss.round')}
          value={round}
          onChange={(v) => setParams({ round: v }, { replace: true })}
          data={[
            { value: 'baseline', label: t('reintegration:enum.round.baseline') },
            { value: 'followup', label: t('reintegration:enum.round.followup') },
          ]}
          size="md"
        />
        {error ? (
          <ErrorState error={error} />
        ) : list.data && !chosen ? (
          <Alert color="orange">{t('reintegration:rss.noInstrument')}</Alert>
        ) : !instrument.data ? (
          <LoadingState />
        ) : (
          <>
            <UnverifiedNotice status={instrument.data.status} />
            <Survey key={`${round}-${instrument.data.version}`} caseId={id} instrument={instrument.data} round={round} />
          </>
        )}
      </Stack>
    </>
  );
}
