// Picks an administrative unit (P-code) of Mali by typing part of its name.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referenceApi } from '../../api/endpoints';

interface PcodePickerProps {
  label: string;
  value: string;
  error?: string;
  onChange: (pcode: string) => void;
}

/** A searchable select over the reference admin units, showing "Name (P-code)". */
export function PcodePicker({ label, value, error, onChange }: PcodePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const units = useQuery({
    queryKey: ['reference', 'admin-units', debounced],
    queryFn: () => referenceApi.adminUnits({ q: debounced || undefined, limit: 30 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = (units.data?.items ?? []).map((u) => ({ value: u.pcode, label: `${u.name} (${u.pcode})` }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: value });
  return (
    <Select
      label={label}
      description={t('registry:form.originPcodeHint')}
      searchable
      clearable
      data={data}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(pcode) => onChange(pcode ?? '')}
      filter={({ options }) => options}
      nothingFoundMessage={t('registry:form.noUnit')}
      error={error}
    />
  );
}
