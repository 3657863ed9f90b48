// Finds a registered person by name, case number, phone or document (the registry's ranked
// search) and picks one.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../registry/api';
import { personName } from '../registry/shared';

interface PersonPickerProps {
  label: string;
  value: string;
  onChange: (personId: string) => void;
  error?: string;
  required?: boolean;
}

/** A searchable select over the people registry: "Given FAMILY · ML-… · 1990". */
export function PersonPicker({ label, value, onChange, error, required }: PersonPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const people = useQuery({
    queryKey: ['people', 'pick', debounced],
    queryFn: () => peopleApi.list({ q: debounced, limit: 15 }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  const data = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: [personName(p), p.caseNumber, p.dateOfBirth?.slice(0, 4)].filter(Boolean).join(' · '),
  }));
  return (
    <Select
      label={label}
      description={t('reintegration:newCase.personHint')}
      required={required}
      searchable
      clearable
      data={data}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ?? '')}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length >= 2 ? t('reintegration:newCase.noPerson') : t('reintegration:newCase.typeMore')}
      error={error}
    />
  );
}
