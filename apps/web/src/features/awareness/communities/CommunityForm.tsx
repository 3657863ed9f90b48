// The community form: name, commune (an admin-3 P-code), high-emigration zone, population and focal points.
import { ActionIcon, Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import type { Community, CommunityInput, FocalPoint } from '../api';
import { CommunePicker } from '../shared';

/** The form's values. */
export interface CommunityValues {
  name: string;
  communePcode: string;
  highEmigrationZone: boolean;
  population: number | '';
  focalPoints: { name: string; role: string; phone: string }[];
}

const FIELDS = ['name', 'communePcode', 'highEmigrationZone', 'population', 'focalPoints'] as const;

/** The form's values from a saved community. */
export function communityValues(community: Community): CommunityValues {
  return {
    name: community.name,
    communePcode: community.communePcode,
    highEmigrationZone: community.highEmigrationZone,
    population: community.population ?? '',
    focalPoints: community.focalPoints.map((f) => ({ name: f.name, role: f.role, phone: f.phone ?? '' })),
  };
}

/** The community the API takes from the form. */
export function communityInput(values: CommunityValues): CommunityInput {
  return {
    name: values.name.trim(),
    communePcode: values.communePcode,
    highEmigrationZone: values.highEmigrationZone,
    population: values.population === '' ? null : values.population,
    focalPoints: values.focalPoints
      .filter((f) => f.name.trim())
      .map((f): FocalPoint => ({ name: f.name.trim(), role: f.role.trim(), ...(f.phone.trim() ? { phone: f.phone.trim() } : {}) })),
  };
}

/** The community form. */
export function CommunityForm(props: RecordFormProps<CommunityValues, CommunityValues>) {
  const { t } = useTranslation();
  const form = useRecordForm<CommunityValues>(props, {
    defaults: { name: '', communePcode: '', highEmigrationZone: false, population: '', focalPoints: [] },
    fields: FIELDS,
    validate: (values) => {
      const found: FieldErrors<CommunityValues> = {};
      if (!values.name.trim()) found.name = t('common:fieldMessages.required');
      if (!values.communePcode) found.communePcode = t('common:fieldMessages.required');
      if (values.focalPoints.some((f) => f.name.trim() && !f.role.trim())) found.focalPoints = t('awareness:communities.errors.focalRole');
      return found;
    },
  });
  const { values, errors } = form;
  const setFocal = (index: number, patch: Partial<CommunityValues['focalPoints'][number]>) =>
    form.set('focalPoints', values.focalPoints.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  return (
    <RecordForm form={form} cancelTo="/awareness/communities" maw={880}>
      <FieldsPanel disabled={form.submission.locked}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="md" label={t('awareness:communities.fields.name')} required value={values.name} error={errors.name} onChange={(e) => form.set('name', e.currentTarget.value)} />
            <CommunePicker size="md" label={t('awareness:communities.fields.commune')} required value={values.communePcode} error={errors.communePcode} onChange={(v) => form.set('communePcode', v)} />
            <NumberInput size="md" label={t('awareness:communities.fields.population')} min={0} allowDecimal={false} allowNegative={false} value={values.population} error={errors.population} onChange={(v) => form.set('population', typeof v === 'number' ? v : '')} />
            <Checkbox size="md" mt="xl" label={t('awareness:communities.highEmigration')} checked={values.highEmigrationZone} onChange={(e) => form.set('highEmigrationZone', e.currentTarget.checked)} />
          </SimpleGrid>
          <Title order={2} size="h5">
            {t('awareness:communities.fields.focalPoints')}
          </Title>
          {errors.focalPoints && (
            <Text c="red" size="sm" role="alert">
              {errors.focalPoints}
            </Text>
          )}
          {values.focalPoints.map((focal, index) => (
            <Group key={index} align="flex-end" wrap="wrap" gap="sm">
              <TextInput label={t('awareness:communities.focal.name', { n: index + 1 })} value={focal.name} onChange={(e) => setFocal(index, { name: e.currentTarget.value })} />
              <TextInput label={t('awareness:communities.focal.role')} value={focal.role} onChange={(e) => setFocal(index, { role: e.currentTarget.value })} />
              <TextInput type="tel" label={t('awareness:communities.focal.phone')} value={focal.phone} onChange={(e) => setFocal(index, { phone: e.currentTarget.value })} />
              <ActionIcon size="lg" variant="subtle" color="red" aria-label={t('awareness:communities.focal.remove', { n: index + 1 })} onClick={() => form.set('focalPoints', values.focalPoints.filter((_, i) => i !== index))}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.set('focalPoints', [...values.focalPoints, { name: '', role: '', phone: '' }])}>
              {t('awareness:communities.focal.add')}
            </Button>
          </Group>
        </Stack>
      </FieldsPanel>
    </RecordForm>
  );
}
