// /flows/points/new and /flows/points/:id: a flow monitoring point — code, name, place (P-codes and
// coordinates), type, note, and the periods it was active (open-ended until someone closes it).
import { ActionIcon, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { ApiError } from '../../../api/client';
import { useTranslation } from 'react-i18next';
import { FMP_TYPES, type FlowPoint, type FmpType, type FlowPointInput, type FlowPointPatch } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { orNull, type FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage, type RecordResource } from '../../../components/recordPages';
import { flowKeys, flowsApi } from '../api';
import { codeOf } from '../links';
import { useFlowEnum } from '../shared';
import { periodErrors, type ActivePeriod } from './periods';

interface Values {
  id: string;
  name: string;
  countryIso3: string;
  lat: number | '';
  lon: number | '';
  adm1Pcode: string;
  adm2Pcode: string;
  adm3Pcode: string;
  fmpType: FmpType;
  note: string;
  activePeriods: { from: string; to: string }[];
}
const FIELDS = ['id', 'name', 'countryIso3', 'lat', 'lon', 'adm1Pcode', 'adm2Pcode', 'adm3Pcode', 'fmpType', 'note', 'activePeriods'] as const;
const CODE = /^[A-Z]{2}-FMP-[0-9]{2,4}$/;
const PCODE = /^ML\d{2}(\d{2}(\d{2})?)?$/;

/** Points are few and listed whole: one is read from the list (there is no single-point route). */
async function getPoint(id: string): Promise<FlowPoint> {
  const point = (await flowsApi.points()).items.find((p) => p.id === id);
  if (!point) throw new ApiError(404, 'not_found', 'No such point');
  return point;
}

const RESOURCE: RecordResource<FlowPoint, FlowPointInput, FlowPointPatch> = {
  api: { get: getPoint, create: flowsApi.createPoint, update: flowsApi.updatePoint },
  queryKey: (id) => ['flows', 'point', id],
  listQueryKey: flowKeys.points,
  path: '/flows/points',
};

const periodsOf = (periods: readonly { from: string; to: string }[]): ActivePeriod[] => periods.map((p) => ({ from: p.from, to: p.to || null }));

function PointForm(props: RecordFormProps<FlowPoint, Values>) {
  const { t } = useTranslation();
  const types = useFlowEnum('fmpType', FMP_TYPES);
  const form = useRecordForm<Values>(
    {
      ...props,
      record: props.record
        ? { ...props.record, fmpType: codeOf(FMP_TYPES, props.record.fmpType) ?? 'other', activePeriods: props.record.activePeriods.map((p) => ({ from: p.from, to: p.to ?? '' })) }
        : undefined,
    },
    {
      defaults: { id: '', name: '', countryIso3: 'MLI', lat: '', lon: '', adm1Pcode: '', adm2Pcode: '', adm3Pcode: '', fmpType: 'border_crossing', note: '', activePeriods: [{ from: new Date().toISOString().slice(0, 10), to: '' }] },
      fields: FIELDS,
      validate: (values) => {
        const required = t('common:fieldMessages.required');
        const found: FieldErrors<Values> = {};
        if (!props.record && !CODE.test(values.id.trim())) found.id = values.id.trim() ? t('common:fieldMessages.format') : required;
        if (!values.name.trim()) found.name = required;
        if (values.lat !== '' && (values.lat < -90 || values.lat > 90)) found.lat = t('common:fieldMessages.range');
        if (values.lon !== '' && (values.lon < -180 || values.lon > 180)) found.lon = t('common:fieldMessages.range');
        if ((values.lat === '') !== (values.lon === '')) found[values.lat === '' ? 'lat' : 'lon'] = required;
        for (const key of ['adm1Pcode', 'adm2Pcode', 'adm3Pcode'] as const) if (values[key].trim() && !PCODE.test(values[key].trim())) found[key] = t('common:fieldMessages.format');
        const periodProblem = periodErrors(periodsOf(values.activePeriods)).find(Boolean);
        if (periodProblem) found.activePeriods = t(`flows:points.periodErrors.${periodProblem}`);
        return found;
      },
    },
  );
  const { values, errors } = form;
  const setPeriod = (index: number, key: 'from' | 'to', value: string) => form.set('activePeriods', values.activePeriods.map((p, i) => (i === index ? { ...p, [key]: value } : p)));

  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={880}>
      <FieldsPanel disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('flows:points.fields.id')} description={t('flows:points.fields.idHint')} required disabled={!form.creating} value={values.id} error={errors.id} onChange={(e) => form.set('id', e.currentTarget.value.toUpperCase())} />
          <TextInput label={t('flows:points.fields.name')} required value={values.name} error={errors.name} onChange={(e) => form.set('name', e.currentTarget.value)} />
          <Select label={t('flows:points.fields.fmpType')} data={types} allowDeselect={false} value={values.fmpType} error={errors.fmpType} onChange={(v) => v && form.set('fmpType', v as Values['fmpType'])} />
          <TextInput label={t('flows:points.fields.countryIso3')} required maxLength={3} value={values.countryIso3} error={errors.countryIso3} onChange={(e) => form.set('countryIso3', e.currentTarget.value.toUpperCase())} />
          <NumberInput label={t('flows:points.fields.lat')} decimalScale={6} min={-90} max={90} value={values.lat} error={errors.lat} onChange={(v) => form.set('lat', typeof v === 'number' ? v : '')} />
          <NumberInput label={t('flows:points.fields.lon')} decimalScale={6} min={-180} max={180} value={values.lon} error={errors.lon} onChange={(v) => form.set('lon', typeof v === 'number' ? v : '')} />
          <TextInput label={t('flows:points.fields.adm1Pcode')} value={values.adm1Pcode} error={errors.adm1Pcode} onChange={(e) => form.set('adm1Pcode', e.currentTarget.value.toUpperCase())} />
          <TextInput label={t('flows:points.fields.adm2Pcode')} value={values.adm2Pcode} error={errors.adm2Pcode} onChange={(e) => form.set('adm2Pcode', e.currentTarget.value.toUpperCase())} />
          <TextInput label={t('flows:points.fields.adm3Pcode')} value={values.adm3Pcode} error={errors.adm3Pcode} onChange={(e) => form.set('adm3Pcode', e.currentTarget.value.toUpperCase())} />
        </SimpleGrid>
        <Textarea mt="md" label={t('flows:points.fields.note')} autosize minRows={2} maxLength={2000} value={values.note} error={errors.note} onChange={(e) => form.set('note', e.currentTarget.value)} />
        <Title order={2} size="h5" mt="lg" mb={4}>
          {t('flows:points.fields.activePeriods')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('flows:points.periodsHint')}
        </Text>
        {errors.activePeriods && (
          <Text size="sm" c="red" mb="sm" role="alert">
            {errors.activePeriods}
          </Text>
        )}
        <Stack gap="xs">
          {values.activePeriods.map((period, index) => (
            <Group key={index} align="flex-end" gap="sm" wrap="nowrap">
              <TextInput type="date" label={t('flows:points.periodFrom', { n: index + 1 })} required value={period.from} onChange={(e) => setPeriod(index, 'from', e.currentTarget.value)} />
              <TextInput type="date" label={t('flows:points.periodTo', { n: index + 1 })} description={t('flows:points.periodToHint')} value={period.to} onChange={(e) => setPeriod(index, 'to', e.currentTarget.value)} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('flows:points.removePeriod', { n: index + 1 })} onClick={() => form.set('activePeriods', values.activePeriods.filter((_, i) => i !== index))}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.set('activePeriods', [...values.activePeriods, { from: '', to: '' }])}>
              {t('flows:points.addPeriod')}
            </Button>
          </Group>
        </Stack>
      </FieldsPanel>
    </RecordForm>
  );
}

function inputOf(values: Values): FlowPointInput {
  return {
    id: values.id.trim(),
    name: values.name.trim(),
    countryIso3: values.countryIso3.trim(),
    lat: values.lat === '' ? null : values.lat,
    lon: values.lon === '' ? null : values.lon,
    adm1Pcode: orNull(values.adm1Pcode),
    adm2Pcode: orNull(values.adm2Pcode),
    adm3Pcode: orNull(values.adm3Pcode),
    fmpType: values.fmpType,
    activePeriods: periodsOf(values.activePeriods).map((p) => ({ from: p.from, to: p.to ?? null })),
    note: orNull(values.note),
  };
}

function patchOf(point: FlowPoint, values: Values): FlowPointPatch {
  const next = inputOf(values);
  const patch: FlowPointPatch = {};
  if (next.name !== point.name) patch.name = next.name;
  if (next.countryIso3 !== point.countryIso3) patch.countryIso3 = next.countryIso3;
  if (next.lat !== point.lat) patch.lat = next.lat;
  if (next.lon !== point.lon) patch.lon = next.lon;
  if (next.adm1Pcode !== point.adm1Pcode) patch.adm1Pcode = next.adm1Pcode;
  if (next.adm2Pcode !== point.adm2Pcode) patch.adm2Pcode = next.adm2Pcode;
  if (next.adm3Pcode !== point.adm3Pcode) patch.adm3Pcode = next.adm3Pcode;
  if (next.fmpType !== point.fmpType) patch.fmpType = next.fmpType;
  if (next.note !== point.note) patch.note = next.note;
  if (JSON.stringify(next.activePeriods) !== JSON.stringify(point.activePeriods.map((p) => ({ from: p.from, to: p.to ?? null })))) patch.activePeriods = next.activePeriods;
  return patch;
}

/** The point's page (create or edit). */
export default function PointFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={PointForm}
      toInput={inputOf}
      toPatch={patchOf}
      readOnly={!can('flow.manage')}
      backLabel={t('flows:points.title')}
      createTitle={t('flows:points.createTitle')}
      editTitle={(point) => t('flows:points.editTitle', { name: point.name })}
      createdMessage={(created) => t('flows:points.created', { name: created.name })}
      savedMessage={(updated) => t('flows:points.saved', { name: updated.name })}
    />
  );
}
