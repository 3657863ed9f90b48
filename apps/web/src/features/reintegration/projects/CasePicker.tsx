// Picks a reintegration case by case number or name (the caseload search).
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { personName } from '../../registry/shared';
import { reintegrationApi, reintegrationKeys } from '../api';

interface CasePickerProps {
  value: string;
  /** The picked case's number, shown before any search. */
  label: string;
  ariaLabel: string;
  disabled?: boolean;
  onChange: (id: string, caseNumber: string) => void;
}

/** A searchable select over the caseload. */
export function CasePicker({ value, label, ariaLabel, disabled, onChange }: CasePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const cases = useQuery({
    queryKey: [...reintegrationKeys.cases, 'pick', debounced],
    queryFn: () => reintegrationApi.list({ q: debounced, limit: 15 }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  const data = (cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.caseNumber} · ${personName(c.person)}` }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: label || value });
  return (
    <Select
      aria-label={ariaLabel}
      searchable
      clearable
      disabled={disabled}
      data={data}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ?? '', data.find((d) => d.value === id)?.label.split(' · ')[0] ?? '')}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length >= 2 ? t('reintegration:projects.noCase') : t('reintegration:newCase.typeMore')}
      w={240}
    />
  );
}
