// /mobility/trainings/new and /:id: a training — its record, then its trainees with attendance,
// completion and test scores.
import { Fragment } from 'react';
import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TRAINING_TOPICS, type Training, type TrainingInput, type TrainingPatch, type TrainingTopic } from '@taama/core';
import { useAuth } from '../../../app/auth';
import type { FieldErrors } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { QueryGate, useCreateRecord, useEditRecord, versionKey, type RecordResource } from '../../../components/recordPages';
import { CommunePicker } from '../../awareness/shared';
import { mobilityApi, mobilityKeys } from '../api';
import { useBorderPostOptions, useMobilityEnum } from '../shared';
import { TraineesEditor } from './TraineesEditor';

interface Values {
  title: string;
  topic: TrainingTopic;
  startsOn: string;
  endsOn: string;
  days: number | '';
  place: string;
  pcode: string;
  borderPostId: string;
}
const FIELDS = ['title', 'topic', 'startsOn', 'endsOn', 'days', 'place', 'pcode', 'borderPostId'] as const;

const RESOURCE: RecordResource<Training, TrainingInput, TrainingPatch> = {
  api: { get: mobilityApi.training, create: mobilityApi.createTraining, update: mobilityApi.updateTraining },
  queryKey: mobilityKeys.training,
  listQueryKey: mobilityKeys.all,
  path: '/mobility/trainings',
};

/** The training form. */
function TrainingForm(props: RecordFormProps<Training, Values>) {
  const { t } = useTranslation();
  const topics = useMobilityEnum('topic', TRAINING_TOPICS);
  const posts = useBorderPostOptions();
  const form = useRecordForm<Values>(
    { ...props, record: props.record ? { ...props.record, pcode: props.record.pcode ?? '', borderPostId: props.record.borderPostId ?? '' } : undefined },
    {
      defaults: { title: '', topic: 'free_movement_protocol', startsOn: '', endsOn: '', days: 1, place: '', pcode: '', borderPostId: '' },
      fields: FIELDS,
      validate: (values) => {
        const required = t('common:fieldMessages.required');
        const found: FieldErrors<Values> = {};
        if (!values.title.trim()) found.title = required;
        if (!values.place.trim()) found.place = required;
        if (!values.startsOn) found.startsOn = required;
        if (!values.endsOn) found.endsOn = required;
        else if (values.startsOn && values.endsOn < values.startsOn) found.endsOn = t('mobility:trainings.errors.endsBeforeStart');
        if (values.days === '' || values.days < 1) found.days = t('mobility:trainings.errors.days');
        return found;
      },
    },
  );
  const { values, errors } = form;
  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={880}>
      <FieldsPanel disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput size="md" label={t('mobility:trainings.fields.title')} required value={values.title} error={errors.title} onChange={(e) => form.set('title', e.currentTarget.value)} />
          <Select size="md" label={t('mobility:trainings.fields.topic')} data={topics} allowDeselect={false} value={values.topic} error={errors.topic} onChange={(v) => v && form.set('topic', v as TrainingTopic)} />
          <TextInput size="md" type="date" label={t('mobility:trainings.fields.startsOn')} required value={values.startsOn} error={errors.startsOn} onChange={(e) => form.set('startsOn', e.currentTarget.value)} />
          <TextInput size="md" type="date" label={t('mobility:trainings.fields.endsOn')} required value={values.endsOn} error={errors.endsOn} onChange={(e) => form.set('endsOn', e.currentTarget.value)} />
          <NumberInput size="md" label={t('mobility:trainings.fields.days')} min={1} max={365} allowDecimal={false} allowNegative={false} required value={values.days} error={errors.days} onChange={(v) => form.set('days', typeof v === 'number' ? v : '')} />
          <TextInput size="md" label={t('mobility:trainings.fields.place')} required value={values.place} error={errors.place} onChange={(e) => form.set('place', e.currentTarget.value)} />
          <CommunePicker size="md" label={t('mobility:trainings.fields.pcode')} value={values.pcode} error={errors.pcode} onChange={(v) => form.set('pcode', v)} />
          <Select size="md" label={t('mobility:trainings.fields.borderPost')} data={posts} searchable clearable value={values.borderPostId || null} error={errors.borderPostId} onChange={(v) => form.set('borderPostId', v ?? '')} />
        </SimpleGrid>
      </FieldsPanel>
    </RecordForm>
  );
}

function inputOf(values: Values): TrainingInput {
  return {
    title: values.title.trim(),
    topic: values.topic,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    days: values.days === '' ? 1 : values.days,
    place: values.place.trim(),
    pcode: values.pcode || null,
    borderPostId: values.borderPostId || null,
  };
}

/** An existing training: its trainees first, its record below. */
function EditTraining({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const edit = useEditRecord(RESOURCE, id, (tr) => t('mobility:trainings.saved', { title: tr.title }));
  return (
    <QueryGate query={edit.query}>
      {(training) => {
        const readOnly = !can('mobility.manage') || !training.abilities.update;
        return (
          <>
            <PageHeader title={training.title} description={`${training.startsOn} → ${training.endsOn} · ${training.borderPostName ?? training.place}`} back={{ to: RESOURCE.path, label: t('mobility:trainings.title') }} />
            <Stack gap="lg">
              <Text size="sm" data-testid="training-summary">
                {t('mobility:trainings.summary', {
                  completed: training.completedCount,
                  total: training.traineeCount,
                  pre: training.meanPreScore ?? '—',
                  post: training.meanPostScore ?? '—',
                  gain: training.gain === null ? '—' : `${training.gain > 0 ? '+' : ''}${training.gain}`,
                })}
              </Text>
              <TraineesEditor key={versionKey(training)} training={training} readOnly={readOnly} />
              <Fragment key={`form-${versionKey(training)}`}>
                <TrainingForm record={training} readOnly={readOnly} onReload={edit.reload} onSubmit={(values) => edit.save(training, inputOf(values))} />
              </Fragment>
            </Stack>
          </>
        );
      }}
    </QueryGate>
  );
}

/** A new training. */
function CreateTraining() {
  const { t } = useTranslation();
  const create = useCreateRecord(RESOURCE, (tr) => t('mobility:trainings.created', { title: tr.title }));
  return (
    <>
      <PageHeader title={t('mobility:trainings.createTitle')} back={{ to: RESOURCE.path, label: t('mobility:trainings.title') }} />
      <TrainingForm readOnly={false} onSubmit={(values) => create(inputOf(values))} />
    </>
  );
}

/** The training page (create or edit). */
export default function TrainingPage() {
  const { id } = useParams();
  return id ? <EditTraining id={id} /> : <CreateTraining />;
}
