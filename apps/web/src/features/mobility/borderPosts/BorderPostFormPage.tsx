// /mobility/border-posts/new and /:id: a border post — name, place (P-code), neighbouring country,
// type, corridor and coordinates.
import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BORDER_POST_TYPES, CORRIDORS, type BorderPost, type BorderPostInput, type BorderPostPatch, type BorderPostType, type Corridor } from '@taama/core';
import { useAuth } from '../../../app/auth';
import type { FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage, type RecordResource } from '../../../components/recordPages';
import { CommunePicker } from '../../awareness/shared';
import { useCountryOptions } from '../../flows/shared';
import { mobilityApi, mobilityKeys } from '../api';
import { fromList } from '../records';
import { useMobilityEnum } from '../shared';

interface Values {
  name: string;
  pcode: string;
  neighbourCountry: string;
  type: BorderPostType;
  corridor: Corridor | '';
  lat: number | '';
  lon: number | '';
}
const FIELDS = ['name', 'pcode', 'neighbourCountry', 'type', 'corridor', 'lat', 'lon'] as const;

const RESOURCE: RecordResource<BorderPost, BorderPostInput, BorderPostPatch> = {
  api: { get: (id) => fromList(mobilityApi.borderPosts({ limit: 500 }), id), create: mobilityApi.createBorderPost, update: mobilityApi.updateBorderPost },
  queryKey: (id) => ['mobility', 'border-post', id],
  listQueryKey: mobilityKeys.borderPosts,
  path: '/mobility/border-posts',
};

function BorderPostForm(props: RecordFormProps<BorderPost, Values>) {
  const { t } = useTranslation();
  const types = useMobilityEnum('borderPostType', BORDER_POST_TYPES);
  const corridors = useMobilityEnum('corridor', CORRIDORS);
  const countries = useCountryOptions();
  const form = useRecordForm<Values>(
    { ...props, record: props.record ? { ...props.record, corridor: props.record.corridor ?? '' } : undefined },
    {
      defaults: { name: '', pcode: '', neighbourCountry: '', type: 'land_border', corridor: '', lat: '', lon: '' },
      fields: FIELDS,
      validate: (values) => {
        const required = t('common:fieldMessages.required');
        const found: FieldErrors<Values> = {};
        if (!values.name.trim()) found.name = required;
        if (!values.pcode) found.pcode = required;
        if (!values.neighbourCountry) found.neighbourCountry = required;
        if ((values.lat === '') !== (values.lon === '')) found[values.lat === '' ? 'lat' : 'lon'] = required;
        return found;
      },
    },
  );
  const { values, errors } = form;
  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={760}>
      <FieldsPanel disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput size="md" label={t('mobility:borderPosts.fields.name')} required value={values.name} error={errors.name} onChange={(e) => form.set('name', e.currentTarget.value)} />
          <CommunePicker size="md" label={t('mobility:borderPosts.fields.pcode')} required value={values.pcode} error={errors.pcode} onChange={(v) => form.set('pcode', v)} />
          <Select size="md" label={t('mobility:borderPosts.fields.neighbourCountry')} data={countries} searchable required value={values.neighbourCountry || null} error={errors.neighbourCountry} onChange={(v) => form.set('neighbourCountry', v ?? '')} />
          <Select size="md" label={t('mobility:borderPosts.fields.type')} data={types} allowDeselect={false} value={values.type} error={errors.type} onChange={(v) => v && form.set('type', v as BorderPostType)} />
          <Select size="md" label={t('mobility:borderPosts.fields.corridor')} data={corridors} clearable value={values.corridor || null} error={errors.corridor} onChange={(v) => form.set('corridor', (v ?? '') as Corridor | '')} />
          <div />
          <NumberInput size="md" label={t('mobility:borderPosts.fields.lat')} decimalScale={6} min={-90} max={90} value={values.lat} error={errors.lat} onChange={(v) => form.set('lat', typeof v === 'number' ? v : '')} />
          <NumberInput size="md" label={t('mobility:borderPosts.fields.lon')} decimalScale={6} min={-180} max={180} value={values.lon} error={errors.lon} onChange={(v) => form.set('lon', typeof v === 'number' ? v : '')} />
        </SimpleGrid>
      </FieldsPanel>
    </RecordForm>
  );
}

function inputOf(values: Values): BorderPostInput {
  return {
    name: values.name.trim(),
    pcode: values.pcode,
    neighbourCountry: values.neighbourCountry,
    type: values.type,
    corridor: values.corridor || null,
    lat: values.lat === '' ? null : values.lat,
    lon: values.lon === '' ? null : values.lon,
  };
}

/** The border post page (create or edit). */
export default function BorderPostFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={BorderPostForm}
      toInput={inputOf}
      toPatch={(_record, values) => inputOf(values)}
      readOnly={!can('mobility.manage')}
      backLabel={t('mobility:borderPosts.title')}
      createTitle={t('mobility:borderPosts.createTitle')}
      editTitle={(p) => p.name}
      createdMessage={(p) => t('mobility:borderPosts.created', { name: p.name })}
      savedMessage={(p) => t('mobility:borderPosts.saved', { name: p.name })}
    />
  );
}
