// /flows/collections/new and /flows/collections/:id: a data collection exercise — kind, name, method,
// dates, coverage (text and points) and status.
import { MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLLECTION_EXERCISE_METHODS, COLLECTION_KINDS, COLLECTION_STATUSES, type FlowCollection, type FlowCollectionInput, type FlowCollectionPatch } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { orNull, type FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage, type RecordResource } from '../../../components/recordPages';
import { flowKeys, flowsApi } from '../api';
import { useFlowEnum, usePointOptions } from '../shared';

interface Values {
  kind: FlowCollection['kind'];
  name: string;
  method: FlowCollection['method'];
  startDate: string;
  endDate: string;
  coverageText: string;
  fmpIds: string[];
  status: FlowCollection['status'];
}
const FIELDS = ['kind', 'name', 'method', 'startDate', 'endDate', 'coverageText', 'fmpIds', 'status'] as const;

const RESOURCE: RecordResource<FlowCollection, FlowCollectionInput, FlowCollectionPatch> = {
  api: { get: flowsApi.collection, create: flowsApi.createCollection, update: flowsApi.updateCollection },
  queryKey: flowKeys.collection,
  listQueryKey: flowKeys.collections,
  path: '/flows/collections',
};

function CollectionForm(props: RecordFormProps<FlowCollection, Values>) {
  const { t } = useTranslation();
  const kinds = useFlowEnum('collectionKind', COLLECTION_KINDS);
  const methods = useFlowEnum('collectionExerciseMethod', COLLECTION_EXERCISE_METHODS);
  const statuses = useFlowEnum('collectionStatus', COLLECTION_STATUSES);
  const points = usePointOptions();
  const record = props.record;
  const form = useRecordForm<Values>(
    { ...props, record: record ? { ...record, coverageText: record.coverage.text, fmpIds: record.coverage.fmpIds } : undefined },
    {
      defaults: { kind: 'fmr_period', name: '', method: 'direct_observation', startDate: '', endDate: '', coverageText: '', fmpIds: [], status: 'planned' },
      fields: FIELDS,
      validate: (values) => {
        const required = t('common:fieldMessages.required');
        const found: FieldErrors<Values> = {};
        if (!values.name.trim()) found.name = required;
        if (!values.startDate) found.startDate = required;
        if (values.endDate && values.startDate && values.endDate < values.startDate) found.endDate = t('flows:collections.endBeforeStart');
        return found;
      },
    },
  );
  const { values, errors } = form;
  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={880}>
      <FieldsPanel disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('flows:collections.fields.name')} required value={values.name} error={errors.name} onChange={(e) => form.set('name', e.currentTarget.value)} maxLength={200} />
          <Select label={t('flows:collections.fields.kind')} data={kinds} allowDeselect={false} value={values.kind} error={errors.kind} onChange={(v) => v && form.set('kind', v as Values['kind'])} />
          <Select label={t('flows:collections.fields.method')} data={methods} allowDeselect={false} value={values.method} error={errors.method} onChange={(v) => v && form.set('method', v as Values['method'])} />
          <Select label={t('flows:collections.fields.status')} data={statuses} allowDeselect={false} value={values.status} error={errors.status} onChange={(v) => v && form.set('status', v as Values['status'])} />
          <TextInput type="date" label={t('flows:collections.fields.startDate')} required value={values.startDate} error={errors.startDate} onChange={(e) => form.set('startDate', e.currentTarget.value)} />
          <TextInput type="date" label={t('flows:collections.fields.endDate')} value={values.endDate} error={errors.endDate} onChange={(e) => form.set('endDate', e.currentTarget.value)} />
        </SimpleGrid>
        <Textarea mt="md" label={t('flows:collections.fields.coverage')} autosize minRows={2} maxLength={2000} value={values.coverageText} error={errors.coverageText} onChange={(e) => form.set('coverageText', e.currentTarget.value)} />
        <MultiSelect mt="md" label={t('flows:collections.fields.fmpIds')} data={points} searchable clearable value={values.fmpIds} error={errors.fmpIds} onChange={(v) => form.set('fmpIds', v)} />
      </FieldsPanel>
    </RecordForm>
  );
}

function inputOf(values: Values): FlowCollectionInput {
  return {
    kind: values.kind,
    name: values.name.trim(),
    method: values.method,
    startDate: values.startDate,
    endDate: values.endDate || null,
    coverage: { text: orNull(values.coverageText) ?? '', fmpIds: values.fmpIds },
    status: values.status,
  };
}

function patchOf(collection: FlowCollection, values: Values): FlowCollectionPatch {
  const next = inputOf(values);
  const patch: FlowCollectionPatch = {};
  if (next.kind !== collection.kind) patch.kind = next.kind;
  if (next.name !== collection.name) patch.name = next.name;
  if (next.method !== collection.method) patch.method = next.method;
  if (next.startDate !== collection.startDate) patch.startDate = next.startDate;
  if (next.endDate !== (collection.endDate ?? null)) patch.endDate = next.endDate;
  if (JSON.stringify(next.coverage) !== JSON.stringify(collection.coverage)) patch.coverage = next.coverage;
  if (next.status !== collection.status) patch.status = next.status;
  return patch;
}

/** The collection's page (create or edit). */
export default function CollectionFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={CollectionForm}
      toInput={inputOf}
      toPatch={patchOf}
      readOnly={!can('flow.manage')}
      backLabel={t('flows:collections.title')}
      createTitle={t('flows:collections.createTitle')}
      editTitle={(c) => t('flows:collections.editTitle', { name: c.name })}
      createdMessage={(c) => t('flows:collections.created', { name: c.name })}
      savedMessage={(c) => t('flows:collections.saved', { name: c.name })}
    />
  );
}
