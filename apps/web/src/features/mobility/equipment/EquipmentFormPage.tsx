// /mobility/equipment/new and /:id: a handover — type, quantity, value in XOF, recipient institution,
// border post and date.
import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Equipment, EquipmentInput, EquipmentPatch } from '@taama/core';
import { useAuth } from '../../../app/auth';
import type { FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage, type RecordResource } from '../../../components/recordPages';
import { today } from '../../awareness/activities/ActivityForm';
import { mobilityApi, mobilityKeys } from '../api';
import { fromList } from '../records';
import { useBorderPostOptions, useInstitutionOptions } from '../shared';

interface Values {
  type: string;
  quantity: number | '';
  valueXof: number | '';
  recipientInstitutionId: string;
  borderPostId: string;
  handedOverOn: string;
}
const FIELDS = ['type', 'quantity', 'valueXof', 'recipientInstitutionId', 'borderPostId', 'handedOverOn'] as const;

const RESOURCE: RecordResource<Equipment, EquipmentInput, EquipmentPatch> = {
  api: { get: (id) => fromList(mobilityApi.equipment({ limit: 500 }), id), create: mobilityApi.createEquipment, update: mobilityApi.updateEquipment },
  queryKey: (id) => ['mobility', 'equipment-item', id],
  listQueryKey: mobilityKeys.all,
  path: '/mobility/equipment',
};

function EquipmentForm(props: RecordFormProps<Equipment, Values>) {
  const { t } = useTranslation();
  const institutions = useInstitutionOptions();
  const posts = useBorderPostOptions();
  const form = useRecordForm<Values>(
    { ...props, record: props.record ? { ...props.record, borderPostId: props.record.borderPostId ?? '' } : undefined },
    {
      defaults: { type: '', quantity: 1, valueXof: 0, recipientInstitutionId: '', borderPostId: '', handedOverOn: today() },
      fields: FIELDS,
      validate: (values) => {
        const required = t('common:fieldMessages.required');
        const found: FieldErrors<Values> = {};
        if (!values.type.trim()) found.type = required;
        if (values.quantity === '' || values.quantity < 1) found.quantity = t('mobility:equipment.errors.quantity');
        if (values.valueXof === '') found.valueXof = required;
        if (!values.recipientInstitutionId) found.recipientInstitutionId = required;
        if (!values.handedOverOn) found.handedOverOn = required;
        return found;
      },
    },
  );
  const { values, errors } = form;
  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={760}>
      <FieldsPanel disabled={form.submission.locked}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput size="md" label={t('mobility:equipment.fields.type')} description={t('mobility:equipment.typeHint')} required value={values.type} error={errors.type} onChange={(e) => form.set('type', e.currentTarget.value)} />
          <TextInput size="md" type="date" label={t('mobility:equipment.fields.handedOverOn')} required value={values.handedOverOn} error={errors.handedOverOn} onChange={(e) => form.set('handedOverOn', e.currentTarget.value)} />
          <NumberInput size="md" label={t('mobility:equipment.fields.quantity')} min={1} allowDecimal={false} allowNegative={false} required value={values.quantity} error={errors.quantity} onChange={(v) => form.set('quantity', typeof v === 'number' ? v : '')} />
          <NumberInput size="md" label={t('mobility:equipment.fields.valueXof')} min={0} allowDecimal={false} allowNegative={false} thousandSeparator=" " suffix=" XOF" required value={values.valueXof} error={errors.valueXof} onChange={(v) => form.set('valueXof', typeof v === 'number' ? v : '')} />
          <Select size="md" label={t('mobility:equipment.fields.recipientInstitution')} data={institutions} searchable required value={values.recipientInstitutionId || null} error={errors.recipientInstitutionId} onChange={(v) => form.set('recipientInstitutionId', v ?? '')} />
          <Select size="md" label={t('mobility:equipment.fields.borderPost')} data={posts} searchable clearable value={values.borderPostId || null} error={errors.borderPostId} onChange={(v) => form.set('borderPostId', v ?? '')} />
        </SimpleGrid>
      </FieldsPanel>
    </RecordForm>
  );
}

function inputOf(values: Values): EquipmentInput {
  return {
    type: values.type.trim(),
    quantity: values.quantity === '' ? 1 : values.quantity,
    valueXof: values.valueXof === '' ? 0 : values.valueXof,
    recipientInstitutionId: values.recipientInstitutionId,
    borderPostId: values.borderPostId || null,
    handedOverOn: values.handedOverOn,
  };
}

/** The equipment page (create or edit). */
export default function EquipmentFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={EquipmentForm}
      toInput={inputOf}
      toPatch={(_record, values) => inputOf(values)}
      readOnly={!can('mobility.manage')}
      backLabel={t('mobility:equipment.title')}
      createTitle={t('mobility:equipment.createTitle')}
      editTitle={(e) => `${e.type} · ${e.recipientInstitutionName}`}
      createdMessage={(e) => t('mobility:equipment.created', { type: e.type })}
      savedMessage={(e) => t('mobility:equipment.saved', { type: e.type })}
    />
  );
}
