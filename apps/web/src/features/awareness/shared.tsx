// Labels, options and pickers the awareness screens share: enumerations, regions, communes, communities.
import { useCallback, useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referenceApi } from '../../api/endpoints';
import { awarenessApi, awarenessKeys } from './api';

/** The ten regions of Mali, by P-code (admin level 1). */
export const REGION_PCODES = ['ML01', 'ML02', 'ML03', 'ML04', 'ML05', 'ML06', 'ML07', 'ML08', 'ML09', 'ML10'] as const;

/** Select options for an enumeration labelled from `awareness:enum.<group>.<code>`. */
export function useAwarenessEnum(group: string, codes: readonly string[]) {
  const { t } = useTranslation();
  return useMemo(() => codes.map((code) => ({ value: code, label: t(`awareness:enum.${group}.${code}`, { defaultValue: code }) })), [t, group, codes]);
}

/** One enumeration label (the code itself when unknown to this version). */
export function useEnumLabel() {
  const { t } = useTranslation();
  return useCallback((group: string, code: string | null | undefined) => (code ? t(`awareness:enum.${group}.${code}`, { defaultValue: code }) : '—'), [t]);
}

/** A region's name from its P-code. */
export function useRegionName() {
  const { t } = useTranslation();
  return useCallback((pcode: string | null | undefined) => (pcode ? t(`awareness:regions.${pcode.slice(0, 4)}`, { defaultValue: pcode }) : '—'), [t]);
}

/** Select options for the regions. */
export function useRegionOptions() {
  const regionName = useRegionName();
  return useMemo(() => REGION_PCODES.map((pcode) => ({ value: pcode, label: regionName(pcode) })), [regionName]);
}

/** Every community (a few hundred at most: up to 500 read at once), for pickers and names. */
export function useCommunities() {
  return useQuery({ queryKey: [...awarenessKeys.communities, 'all'], queryFn: () => awarenessApi.communities({ limit: 500 }), select: (page) => page.items, staleTime: 60_000 });
}

/** Select options for the communities: "Name · Commune". */
export function useCommunityOptions() {
  const communities = useCommunities();
  return useMemo(() => (communities.data ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.communeName ?? c.communePcode}` })), [communities.data]);
}

/** Every campaign (for pickers). */
export function useCampaignOptions() {
  const campaigns = useQuery({ queryKey: [...awarenessKeys.campaigns, 'all'], queryFn: () => awarenessApi.campaigns({ limit: 500 }), select: (page) => page.items, staleTime: 60_000 });
  return useMemo(() => (campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })), [campaigns.data]);
}

interface CommunePickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string;
  onChange: (pcode: string) => void;
  /** 3 = communes (default), 2 = cercles. */
  level?: 2 | 3;
}

/** A commune (admin-3 P-code) picked by typing part of its name; the server searches the reference list. */
export function CommunePicker({ value, onChange, level = 3, ...props }: CommunePickerProps) {
  const [search, setSearch] = useState('');
  // Once a commune is chosen the box shows "Name (P-code)": the name alone is searched.
  const [debounced] = useDebouncedValue(search.replace(/\s*\(ML\d*\)?$/, '').trim(), 250);
  const units = useQuery({
    queryKey: ['reference', 'admin-units', level, debounced],
    queryFn: () => referenceApi.adminUnits({ level, q: debounced || undefined, limit: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
  const data = useMemo(() => {
    const options = (units.data?.items ?? []).map((u) => ({ value: u.pcode, label: `${u.name} (${u.pcode})` }));
    // The chosen commune stays selectable while another search shows other names.
    if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
    return options;
  }, [units.data, value]);
  return (
    <Select
      {...props}
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={units.isFetching ? '…' : undefined}
    />
  );
}
