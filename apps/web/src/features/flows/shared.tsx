// Data and labels the flows screens share: the points, countries, and enumeration options and badges.
import { useCallback, useMemo } from 'react';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referenceApi } from '../../api/endpoints';
import { flowKeys, flowsApi } from './api';

/** Every flow monitoring point (a few dozen: one request). */
export function usePoints() {
  return useQuery({ queryKey: flowKeys.points, queryFn: flowsApi.points, select: (page) => page.items, staleTime: 60_000 });
}

/** Select options for the points: "ML-FMP-06 · Gao - Place Kidal". */
export function usePointOptions() {
  const points = usePoints();
  return useMemo(() => (points.data ?? []).map((p) => ({ value: p.id, label: `${p.id} · ${p.name}` })), [points.data]);
}

/** A point's name from its id (the id itself until the list has loaded). */
export function usePointName() {
  const points = usePoints();
  return useCallback((id: string) => points.data?.find((p) => p.id === id)?.name ?? id, [points.data]);
}

/** Country names in the interface language, by ISO alpha-3 code; "OOO" reads as unknown. */
export function useCountryName() {
  const { t, i18n } = useTranslation();
  const countries = useQuery({ queryKey: ['reference', 'countries'], queryFn: referenceApi.countries, staleTime: Infinity, select: (r) => r.items });
  return useCallback(
    (iso3: string) => {
      if (iso3 === 'OOO') return t('flows:values.unknownCountry');
      const country = countries.data?.find((c) => c.iso3 === iso3);
      return country ? (i18n.language === 'en' ? country.nameEn : country.nameFr) : iso3;
    },
    [countries.data, i18n.language, t],
  );
}

/** Select options for countries (and "unknown" when allowed). */
export function useCountryOptions(withUnknown = false) {
  const { t, i18n } = useTranslation();
  const countries = useQuery({ queryKey: ['reference', 'countries'], queryFn: referenceApi.countries, staleTime: Infinity, select: (r) => r.items });
  return useMemo(() => {
    // The reference list may carry OOO itself: it is offered once, first, where allowed.
    const options = (countries.data ?? [])
      .filter((c) => c.iso3 !== 'OOO')
      .map((c) => ({ value: c.iso3, label: `${i18n.language === 'en' ? c.nameEn : c.nameFr} (${c.iso3})` }))
      .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
    return withUnknown ? [{ value: 'OOO', label: `${t('flows:values.unknownCountry')} (OOO)` }, ...options] : options;
  }, [countries.data, i18n.language, t, withUnknown]);
}

/** Select options for an enumeration labelled from `flows:enums.<group>.<code>`. */
export function useFlowEnum(group: string, codes: readonly string[]) {
  const { t } = useTranslation();
  return useMemo(() => codes.map((code) => ({ value: code, label: t(`flows:enums.${group}.${code}`, { defaultValue: code }) })), [t, group, codes]);
}

const STATUS_COLORS: Record<string, string> = { draft: 'gray', submitted: 'blue', validated: 'green', rejected: 'red' };

/** A count's status as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'}>
      {t(`flows:enums.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
