// The identity fields of a person (SPEC §4), shared by the registration form and the edit form.
import { ActionIcon, Button, Group, MultiSelect, NativeSelect, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DOB_PRECISIONS, LANGUAGE_CODES, SEXES, type DobPrecision } from '@taama/core';
import { useCountryOptions } from '../admin/shared';
import { DocumentsField } from './DocumentsField';
import { PcodePicker } from './PcodePicker';
import type { PersonFormValues } from './personForm';
import { useCodeOptions } from './shared';

interface PersonFieldsProps {
  values: PersonFormValues;
  set: <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => void;
  /** The message to show on a field (client check or server refusal). */
  errorFor: (path: string) => string | undefined;
}

/** Names, sex, birth, nationality, languages, phones, origin and documents. */
export function PersonFields({ values, set, errorFor }: PersonFieldsProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const sexes = useCodeOptions('registry', 'sex', SEXES);
  const precisions = useCodeOptions('registry', 'dobPrecision', DOB_PRECISIONS);
  const languages = useCodeOptions('registry', 'language', LANGUAGE_CODES);
  const setPhone = (index: number, phone: string) => set('phones', values.phones.map((p, i) => (i === index ? phone : p)));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('registry:form.givenName')} required value={values.givenName} onChange={(e) => set('givenName', e.currentTarget.value)} error={errorFor('givenName')} autoComplete="off" />
        <TextInput label={t('registry:form.familyName')} required value={values.familyName} onChange={(e) => set('familyName', e.currentTarget.value)} error={errorFor('familyName')} autoComplete="off" />
        <TagsInput label={t('registry:form.otherNames')} description={t('registry:form.otherNamesHint')} value={values.otherNames} onChange={(names) => set('otherNames', names)} error={errorFor('otherNames')} />
        <TextInput label={t('registry:form.nameArabic')} dir="rtl" lang="ar" value={values.nameArabic} onChange={(e) => set('nameArabic', e.currentTarget.value)} error={errorFor('nameArabic')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label={t('registry:form.sex')} required data={[{ value: '', label: t('registry:form.choose') }, ...sexes]} value={values.sex} onChange={(e) => set('sex', e.currentTarget.value as PersonFormValues['sex'])} error={errorFor('sex')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="dob-precision-label">
            {t('registry:form.dobPrecision')}
          </Text>
          <SegmentedControl aria-labelledby="dob-precision-label" data={precisions} value={values.dobPrecision} onChange={(p) => set('dobPrecision', p as DobPrecision)} />
        </Stack>
        {values.dobPrecision === 'exact' ? (
          <TextInput type="date" label={t('registry:form.dateOfBirth')} value={values.dateOfBirth} onChange={(e) => set('dateOfBirth', e.currentTarget.value)} error={errorFor('dateOfBirth')} />
        ) : (
          <TextInput
            label={values.dobPrecision === 'year' ? t('registry:form.birthYear') : t('registry:form.estimatedYear')}
            inputMode="numeric"
            maxLength={4}
            value={values.birthYear}
            onChange={(e) => set('birthYear', e.currentTarget.value.replace(/\D/g, ''))}
            error={errorFor('dateOfBirth')}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('registry:form.nationality')} required searchable data={countries} value={values.nationality || null} onChange={(c) => set('nationality', c ?? '')} error={errorFor('nationality')} nothingFoundMessage={t('registry:form.noCountry')} />
        <Select label={t('registry:form.birthCountry')} searchable clearable data={countries} value={values.birthCountry || null} onChange={(c) => set('birthCountry', c ?? '')} error={errorFor('birthCountry')} />
        <TextInput label={t('registry:form.birthPlace')} value={values.birthPlace} onChange={(e) => set('birthPlace', e.currentTarget.value)} error={errorFor('birthPlace')} />
        <MultiSelect label={t('registry:form.languages')} searchable data={languages} value={values.languages} onChange={(l) => set('languages', l)} error={errorFor('languages')} />
        {values.nationality === 'MLI' && <PcodePicker label={t('registry:form.originPcode')} value={values.originPcode} onChange={(p) => set('originPcode', p)} error={errorFor('originPcode')} />}
      </SimpleGrid>
      <Stack gap="xs">
        {values.phones.map((phone, index) => (
          <Group key={index} align="flex-end" gap="xs">
            <TextInput
              label={index === 0 ? t('registry:form.phone') : t('registry:form.phoneN', { n: index + 1 })}
              description={index === 0 ? t('registry:form.phoneHint') : undefined}
              type="tel"
              placeholder="+22376123456"
              value={phone}
              onChange={(e) => setPhone(index, e.currentTarget.value)}
              error={errorFor(`phones.${index}`) ?? (index === 0 ? errorFor('phone') : undefined)}
              w={260}
            />
            {values.phones.length > 1 && (
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('registry:form.removePhone', { n: index + 1 })} onClick={() => set('phones', values.phones.filter((_, i) => i !== index))}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        {values.phones.length < 5 && (
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => set('phones', [...values.phones, ''])}>
            {t('registry:form.addPhone')}
          </Button>
        )}
      </Stack>
      <DocumentsField documents={values.documents} onChange={(d) => set('documents', d)} errorFor={errorFor} />
    </Stack>
  );
}

/** The client's own checks before sending: required names, sex, nationality, a 4-digit year, E.164 phones. */
export function checkPerson(values: PersonFormValues, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = t('common:fieldMessages.required');
  if (!values.givenName.trim()) errors.givenName = required;
  if (!values.familyName.trim()) errors.familyName = required;
  if (!values.sex) errors.sex = required;
  if (!values.nationality) errors.nationality = required;
  if (values.dobPrecision !== 'exact' && values.birthYear && !/^\d{4}$/.test(values.birthYear)) errors.dateOfBirth = t('registry:form.yearFormat');
  values.phones.forEach((phone, i) => {
    const clean = phone.replace(/[\s.-]/g, '');
    if (clean && !/^\+[1-9][0-9]{7,14}$/.test(clean)) errors[`phones.${i}`] = t('registry:form.phoneFormat');
  });
  return errors;
}
