// The inputs of the count form, in four panels: where and when, the route, the persons counted
// (with the total helper), and nationalities.
import { ActionIcon, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSum, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_METHODS, FLOW_DIRECTIONS, MOVEMENT_TYPES, OBSERVATION_WINDOWS, TRANSPORT_MODES } from '@taama/core';
import { useCountryOptions, useFlowEnum, usePointOptions } from '../shared';
import { SEX_AGE_FIELDS, sexAgeSum, type CountValues, type NumberValue } from './countForm';

interface CountFieldsProps {
  values: CountValues;
  errors: Partial<Record<string, string>>;
  set: <K extends keyof CountValues>(key: K, value: CountValues[K]) => void;
  disabled: boolean;
}

type CountKey = 'men' | 'women' | 'boys' | 'girls' | 'sexAgeUnknown' | 'total' | 'childrenUnder5' | 'pregnantWomen' | 'elderly60plus' | 'personsWithDisability';

function asNumber(value: string | number): NumberValue {
  return typeof value === 'number' ? value : value === '' ? '' : Number(value);
}

/** Every input of a count. */
export function CountFields({ values, errors, set, disabled }: CountFieldsProps) {
  const { t } = useTranslation();
  const points = usePointOptions();
  const countries = useCountryOptions(true);
  const windows = useFlowEnum('observationWindow', OBSERVATION_WINDOWS);
  const directions = useFlowEnum('direction', FLOW_DIRECTIONS);
  const transports = useFlowEnum('transportMode', TRANSPORT_MODES);
  const movements = useFlowEnum('movementType', MOVEMENT_TYPES);
  const methods = useFlowEnum('collectionMethod', COLLECTION_METHODS);
  const label = (field: string) => t(`flows:fields.${field}`);
  const sum = sexAgeSum(values);
  const country = (key: 'originCountry' | 'nextDestinationCountry' | 'finalDestinationCountry') => (
    <Select label={label(key)} required data={countries} searchable value={values[key] || null} error={errors[key]} onChange={(v) => set(key, v ?? '')} nothingFoundMessage={t('common:states.emptyTitle')} />
  );
  const count = (key: CountKey) => (
    <NumberInput key={key} label={label(key)} min={0} allowDecimal={false} allowNegative={false} value={values[key]} error={errors[key]} onChange={(v) => set(key, asNumber(v))} />
  );

  return (
    <fieldset disabled={disabled} style={{ border: 0, margin: 0, padding: 0 }}>
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('flows:counts.sections.where')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select label={label('fmpId')} required data={points} searchable value={values.fmpId || null} error={errors.fmpId} onChange={(v) => set('fmpId', v ?? '')} />
            <TextInput type="date" label={label('date')} required value={values.date} error={errors.date} onChange={(e) => set('date', e.currentTarget.value)} />
            <Select label={label('observationWindow')} data={windows} allowDeselect={false} value={values.observationWindow} error={errors.observationWindow} onChange={(v) => v && set('observationWindow', v as CountValues['observationWindow'])} />
            {values.observationWindow === 'custom' && (
              <>
                <TextInput type="time" label={label('windowStart')} value={values.windowStart} error={errors.windowStart} onChange={(e) => set('windowStart', e.currentTarget.value)} />
                <TextInput type="time" label={label('windowEnd')} value={values.windowEnd} error={errors.windowEnd} onChange={(e) => set('windowEnd', e.currentTarget.value)} />
              </>
            )}
            <Select label={label('direction')} data={directions} allowDeselect={false} value={values.direction} error={errors.direction} onChange={(v) => v && set('direction', v as CountValues['direction'])} />
            <Select label={label('collectionMethod')} data={methods} allowDeselect={false} value={values.collectionMethod} error={errors.collectionMethod} onChange={(v) => v && set('collectionMethod', v as CountValues['collectionMethod'])} />
            <TextInput label={label('enumeratorId')} value={values.enumeratorId} error={errors.enumeratorId} onChange={(e) => set('enumeratorId', e.currentTarget.value)} maxLength={100} />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('flows:counts.sections.route')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {country('originCountry')}
            <TextInput label={label('originPcode')} description={t('flows:counts.pcodeHint')} value={values.originPcode} error={errors.originPcode} onChange={(e) => set('originPcode', e.currentTarget.value.toUpperCase())} maxLength={8} />
            <TextInput label={label('originLocality')} value={values.originLocality} error={errors.originLocality} onChange={(e) => set('originLocality', e.currentTarget.value)} maxLength={200} />
            <TextInput label={label('previousTransitLocality')} value={values.previousTransitLocality} error={errors.previousTransitLocality} onChange={(e) => set('previousTransitLocality', e.currentTarget.value)} maxLength={200} />
            {country('nextDestinationCountry')}
            {country('finalDestinationCountry')}
            <TextInput label={label('destinationPcode')} description={t('flows:counts.pcodeHint')} value={values.destinationPcode} error={errors.destinationPcode} onChange={(e) => set('destinationPcode', e.currentTarget.value.toUpperCase())} maxLength={8} />
            <TextInput label={label('destinationLocality')} value={values.destinationLocality} error={errors.destinationLocality} onChange={(e) => set('destinationLocality', e.currentTarget.value)} maxLength={200} />
            <Select label={label('transportMode')} data={transports} allowDeselect={false} value={values.transportMode} error={errors.transportMode} onChange={(v) => v && set('transportMode', v as CountValues['transportMode'])} />
            <Select label={label('movementType')} data={movements} allowDeselect={false} value={values.movementType} error={errors.movementType} onChange={(v) => v && set('movementType', v as CountValues['movementType'])} />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('flows:counts.sections.persons')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} style={{ alignItems: 'end' }}>{[...SEX_AGE_FIELDS, 'total' as const].map(count)}</SimpleGrid>
          <Group mt="sm" gap="sm">
            <Text size="sm" c={sum === values.total ? 'dimmed' : 'orange'} aria-live="polite">
              {t('flows:counts.sumHint', { sum })}
            </Text>
            <Button size="compact-sm" variant="light" leftSection={<IconSum size={14} aria-hidden />} onClick={() => set('total', sum)} disabled={sum === values.total}>
              {t('flows:counts.useSum')}
            </Button>
          </Group>
          <Title order={3} size="h5" mt="lg" mb="sm">
            {t('flows:counts.sections.vulnerable')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} style={{ alignItems: 'end' }}>
            {count('childrenUnder5')}
            <NumberInput
              label={label('unaccompaniedChildren')}
              description={t('flows:counts.notAssessedHint')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={values.unaccompaniedChildren}
              error={errors.unaccompaniedChildren}
              onChange={(v) => set('unaccompaniedChildren', asNumber(v))}
            />
            {count('pregnantWomen')}
            {count('elderly60plus')}
            {count('personsWithDisability')}
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h4" mb="xs">
            {label('nationalities')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('flows:counts.nationalitiesHint')}
          </Text>
          {errors.nationalities && (
            <Text size="sm" c="red" mb="sm">
              {errors.nationalities}
            </Text>
          )}
          <Stack gap="xs">
            {values.nationalities.map((entry, index) => (
              <Group key={index} align="flex-end" gap="sm" wrap="nowrap">
                <Select
                  label={t('flows:counts.nationality', { n: index + 1 })}
                  data={countries}
                  searchable
                  value={entry.country || null}
                  onChange={(v) => set('nationalities', values.nationalities.map((e, i) => (i === index ? { ...e, country: v ?? '' } : e)))}
                  style={{ flex: 1 }}
                />
                <NumberInput
                  label={t('flows:counts.nationalityCount', { n: index + 1 })}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  value={entry.count}
                  onChange={(v) => set('nationalities', values.nationalities.map((e, i) => (i === index ? { ...e, count: asNumber(v) } : e)))}
                  w={140}
                />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('flows:counts.removeNationality', { n: index + 1 })} onClick={() => set('nationalities', values.nationalities.filter((_, i) => i !== index))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => set('nationalities', [...values.nationalities, { country: '', count: 0 }])}>
                {t('flows:counts.addNationality')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </fieldset>
  );
}
