// /awareness/surveys/new: a knowledge/attitude survey in a community, before or after the activities:
// the respondents' answers to the items of a versioned instrument. The server scores them.
import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { today } from '../activities/ActivityForm';
import { awarenessApi, awarenessKeys, SURVEY_PHASES, type SurveyInstrument, type SurveyItem, type SurveyPhase } from '../api';
import { useAwarenessEnum, useCommunityOptions } from '../shared';

type Answers = Record<string, string>;

/** The choices of an item in the interface language. */
function choicesOf(item: SurveyItem, lang: 'fr' | 'en'): { value: string; label: string }[] {
  return item.options.map((o) => ({ value: o.value, label: o.label[lang] }));
}

/** The first respondent whose answers leave an item out (-1 when all are complete). */
export function firstIncomplete(respondents: readonly Answers[], items: readonly Pick<SurveyItem, 'code'>[]): number {
  return respondents.findIndex((answers) => items.some((item) => !answers[item.code]));
}

/** The survey entry page. */
export default function SurveyEntryPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const communities = useCommunityOptions();
  const phases = useAwarenessEnum('surveyPhase', SURVEY_PHASES);
  const instruments = useQuery({ queryKey: awarenessKeys.instruments, queryFn: awarenessApi.instruments, staleTime: Infinity });
  const [communityId, setCommunityId] = useState(params.get('communityId') ?? '');
  const [phase, setPhase] = useState<SurveyPhase>('before');
  const [surveyedOn, setSurveyedOn] = useState(today());
  const [version, setVersion] = useState('');
  const [respondents, setRespondents] = useState<Answers[]>([{}]);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (instruments.isPending) return <LoadingState />;
  if (instruments.isError) return <ErrorState error={instruments.error} onRetry={() => void instruments.refetch()} />;
  const list: SurveyInstrument[] = instruments.data.items;
  const instrument = list.find((i) => i.version === version) ?? list[0];

  const submit = async () => {
    setMissing(null);
    setError(null);
    if (!instrument) return;
    if (!communityId || !surveyedOn) return setMissing(t('awareness:surveys.errors.header'));
    const incomplete = firstIncomplete(respondents, instrument.items);
    if (incomplete >= 0) return setMissing(t('awareness:surveys.errors.incomplete', { n: incomplete + 1 }));
    setPending(true);
    try {
      await awarenessApi.createSurvey({
        communityId,
        phase,
        surveyedOn,
        instrumentVersion: instrument.version,
        responses: respondents.map((answers) => ({ answers: Object.fromEntries(instrument.items.map((item) => [item.code, answers[item.code] ?? ''])) })),
      });
      void queryClient.invalidateQueries({ queryKey: awarenessKeys.community(communityId) });
      notifications.show({ color: 'green', message: t('awareness:surveys.saved', { count: respondents.length }) });
      await navigate(`/awareness/communities/${encodeURIComponent(communityId)}`);
    } catch (cause) {
      setError(cause);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <PageHeader title={t('awareness:surveys.title')} description={t('awareness:surveys.description')} />
      <Stack gap="lg" maw={980}>
        <FormErrorAlert error={error} />
        {missing && (
          <Alert color="orange" role="alert">
            {missing}
          </Alert>
        )}
        <Paper withBorder p="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select size="lg" label={t('awareness:activities.fields.community')} required searchable data={communities} value={communityId || null} onChange={(v) => setCommunityId(v ?? '')} />
            <Select size="lg" label={t('awareness:surveys.phase')} data={phases} allowDeselect={false} value={phase} onChange={(v) => setPhase(v === 'after' ? 'after' : 'before')} />
            <TextInput size="lg" type="date" label={t('awareness:surveys.surveyedOn')} required max={today()} value={surveyedOn} onChange={(e) => setSurveyedOn(e.currentTarget.value)} />
            <Select size="lg" label={t('awareness:surveys.instrument')} data={list.map((i) => ({ value: i.version, label: `${i.title[lang]} (${i.version})` }))} allowDeselect={false} value={instrument?.version ?? null} onChange={(v) => setVersion(v ?? '')} />
          </SimpleGrid>
        </Paper>
        {instrument &&
          respondents.map((answers, index) => (
            <Paper key={index} withBorder p="lg" component="section" aria-label={t('awareness:surveys.respondent', { n: index + 1 })}>
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {t('awareness:surveys.respondent', { n: index + 1 })}
                </Title>
                {respondents.length > 1 && (
                  <ActionIcon size="lg" variant="subtle" color="red" aria-label={t('awareness:surveys.removeRespondent', { n: index + 1 })} onClick={() => setRespondents((current) => current.filter((_, i) => i !== index))}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
              <Stack gap="md">
                {instrument.items.map((item) => (
                  <Radio.Group key={item.code} label={item.question[lang]} value={answers[item.code] ?? ''} onChange={(v) => setRespondents((current) => current.map((a, i) => (i === index ? { ...a, [item.code]: v } : a)))}>
                    <Group mt={6} gap="lg">
                      {choicesOf(item, lang).map((choice) => (
                        <Radio key={choice.value} size="md" value={choice.value} label={choice.label} />
                      ))}
                    </Group>
                  </Radio.Group>
                ))}
              </Stack>
            </Paper>
          ))}
        <Text size="sm" c="dimmed">
          {t('awareness:surveys.count', { count: respondents.length })}
        </Text>
        <Group justify="space-between">
          <Button variant="light" size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setRespondents((current) => [...current, {}])}>
            {t('awareness:surveys.addRespondent')}
          </Button>
          <Button size="md" loading={pending} onClick={() => void submit()}>
            {t('awareness:surveys.save')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
