// A person chosen from the registry by typing a name, case number or phone (the registry's ranked
// search); the chosen person stays shown while the search text changes.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '@taama/core';
import { describeError } from '../../app/errors';
import { peopleApi } from '../registry/api';
import { personName } from '../registry/shared';

interface PersonPickerProps {
  label: string;
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  /** People who may not be chosen (already in the form). */
  exclude?: readonly string[];
  required?: boolean;
  error?: string;
  description?: string;
}

/** "Given FAMILY (case number · year of birth)". */
export function personLabel(p: PersonSummary): string {
  return `${personName(p)} (${[p.caseNumber, p.dateOfBirth?.slice(0, 4)].filter(Boolean).join(' · ')})`;
}

/** A searchable select over the registry. */
export function PersonPicker({ label, value, onChange, exclude = [], required, error, description }: PersonPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['people', 'picker', q],
    queryFn: () => peopleApi.list({ q, limit: 10 }),
    enabled: q.length >= 2 && q !== (value ? personLabel(value) : ''),
    placeholderData: keepPreviousData,
  });
  const people = (found.data?.items ?? []).filter((p) => !exclude.includes(p.id) && p.status === 'active');
  const options = people.map((p) => ({ value: p.id, label: personLabel(p) }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: personLabel(value) });
  return (
    <Select
      label={label}
      description={description}
      required={required}
      error={error}
      searchable
      clearable
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ? (people.find((p) => p.id === id) ?? (value?.id === id ? value : null)) : null)}
      filter={({ options: all }) => all}
      nothingFoundMessage={q.length < 2 ? t('returns:picker.typeToSearch') : found.isFetching ? t('common:states.loading') : found.isError ? describeError(t, found.error) : t('returns:picker.nobody')}
      placeholder={t('returns:picker.placeholder')}
    />
  );
}
