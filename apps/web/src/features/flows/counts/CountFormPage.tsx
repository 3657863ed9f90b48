// /flows/counts/new and /flows/counts/:id/edit: a count as a draft, checked live with core's rules
// (the server applies the same), with a helper that fills the total from the sex and age counts.
import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { FlowCount } from '@taama/core';
import { FormErrorAlert, useFormState } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { QueryGate } from '../../../components/recordPages';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { flowKeys, flowsApi } from '../api';
import { usePointName, usePoints } from '../shared';
import { CountFields } from './CountFields';
import { COUNT_FIELDS, countErrors, emptyCount, inputOf, valuesOf, type CountValues } from './countForm';

/** The count form, for a new count or an existing draft (or rejected count). */
function CountForm({ count }: { count?: FlowCount }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormState<CountValues>(() => (count ? valuesOf(count) : emptyCount()));
  const [intent, setIntent] = useState<'draft' | 'submitted'>('draft');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const points = usePoints();
  const live = countErrors(t, form.values, points.data);

  const submission = useFormSubmit(form, {
    fields: COUNT_FIELDS,
    validate: (values) => {
      setTried(true);
      return countErrors(t, values, points.data);
    },
    onSubmit: async (values) => {
      let saved: FlowCount;
      if (count) {
        saved = await flowsApi.updateCount(count.id, count.version, inputOf(values));
        if (intent === 'submitted') saved = await flowsApi.transition(saved.id, 'submitted');
      } else {
        saved = await flowsApi.createCount(inputOf(values, intent));
      }
      queryClient.setQueryData(flowKeys.count(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: flowKeys.all });
      notifications.show({ color: 'green', message: intent === 'submitted' ? t('flows:counts.moved.submitted') : t('flows:counts.savedDraft') });
      await navigate(`/flows/counts/${saved.id}`);
    },
  });

  // Live messages for fields already touched; every message once a save was tried.
  const shown: Partial<Record<string, string>> = {};
  for (const [field, message] of Object.entries(live)) if (tried || touched.has(field)) shown[field] = message;
  const errors = { ...shown, ...form.errors };
  const set = <K extends keyof CountValues>(key: K, value: CountValues[K]) => {
    form.set(key, value);
    setTouched((current) => (current.has(key) ? current : new Set(current).add(key)));
  };

  return (
    <form onSubmit={submission.submit} noValidate>
      <Stack gap="lg" maw={1000}>
        <FormErrorAlert error={form.submitError} other={form.otherErrors} onReload={() => void queryClient.invalidateQueries({ queryKey: flowKeys.count(count?.id ?? '') })} />
        <CountFields values={form.values} errors={errors} set={set} disabled={submission.locked} />
        {tried && Object.keys(live).length > 0 && (
          <Text c="red" size="sm" role="alert">
            {t('flows:counts.fixErrors', { count: Object.keys(live).length })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate(count ? `/flows/counts/${count.id}` : '/flows/counts')} disabled={submission.pending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" variant="light" onClick={() => setIntent('draft')} loading={submission.pending && intent === 'draft'} disabled={submission.pending}>
            {t('flows:counts.saveDraft')}
          </Button>
          <Button type="submit" onClick={() => setIntent('submitted')} loading={submission.pending && intent === 'submitted'} disabled={submission.pending}>
            {t('flows:counts.saveAndSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The creation or edit page of a count. */
export default function CountFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const pointName = usePointName();
  const query = useQuery({ queryKey: flowKeys.count(id ?? ''), queryFn: () => flowsApi.count(id ?? ''), enabled: Boolean(id) });
  if (!id) {
    return (
      <>
        <PageHeader title={t('flows:counts.createTitle')} back={{ to: '/flows/counts', label: t('flows:counts.title') }} />
        <CountForm />
      </>
    );
  }
  return (
    <QueryGate query={query}>
      {(count) => (
        <>
          <PageHeader title={t('flows:counts.editTitle', { fmp: (count.fmpName || pointName(count.fmpId)), date: count.date })} back={{ to: `/flows/counts/${count.id}`, label: t('flows:counts.backToCount') }} />
          {count.status === 'draft' || count.status === 'rejected' ? <CountForm key={`${count.id}:${count.version}`} count={count} /> : <Text>{t('flows:counts.notEditable')}</Text>}
        </>
      )}
    </QueryGate>
  );
}
