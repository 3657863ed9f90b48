// Data and labels every administration screen shares: roles, organisations, sites and countries
// for selects and name look-ups, URL-held filters, and enumeration options.
import { useCallback, useMemo } from 'react';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Role } from '@taama/core';
import { organisationsApi, referenceApi, rolesApi, sitesApi } from '../../api/endpoints';
import { useAuth } from '../../app/auth';

/** Query keys, so a save can refresh exactly the lists it changed. */
export const adminKeys = {
  users: ['users'] as const,
  user: (id: string) => ['user', id] as const,
  roles: ['roles'] as const,
  role: (id: string) => ['role', id] as const,
  permissions: ['permissions'] as const,
  organisations: ['organisations'] as const,
  organisation: (id: string) => ['organisation', id] as const,
  sites: ['sites'] as const,
  site: (id: string) => ['site', id] as const,
  audit: ['audit'] as const,
  countries: ['reference', 'countries'] as const,
};

// Administration lists are short (tens of rows); 500 is the API's page ceiling.
const ALL = 500;

/** Every role (when the user may read roles). */
export function useRoles() {
  const { can } = useAuth();
  return useQuery({ queryKey: adminKeys.roles, queryFn: rolesApi.list, enabled: can('role.read'), select: (page) => page.items });
}

/** Every organisation (when the user may read them). */
export function useOrganisations() {
  const { can } = useAuth();
  return useQuery({
    queryKey: [...adminKeys.organisations, 'all'],
    queryFn: () => organisationsApi.list({ limit: ALL }),
    enabled: can('organisation.read'),
    select: (page) => page.items,
  });
}

/** Every site (when the user may read them). */
export function useSites() {
  const { can } = useAuth();
  return useQuery({
    queryKey: [...adminKeys.sites, 'all'],
    queryFn: () => sitesApi.list({ limit: ALL }),
    enabled: can('site.read'),
    select: (page) => page.items,
  });
}

/** The country list (ISO alpha-3) with names in both languages. */
export function useCountries() {
  return useQuery({ queryKey: adminKeys.countries, queryFn: referenceApi.countries, staleTime: Infinity, select: (r) => r.items });
}

/** Select options for countries, named in the interface language. */
export function useCountryOptions() {
  const { i18n } = useTranslation();
  const countries = useCountries();
  return useMemo(
    () =>
      (countries.data ?? [])
        .map((c) => ({ value: c.iso3, label: `${i18n.language === 'en' ? c.nameEn : c.nameFr} (${c.iso3})` }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [countries.data, i18n.language],
  );
}

/** A role's label: the translated name of a built-in code, else the name an administrator gave it. */
export function useRoleLabel() {
  const { t } = useTranslation();
  return useCallback((code: string, role?: Pick<Role, 'name'>) => t(`enums:role.${code}`, { defaultValue: role?.name ?? code }), [t]);
}

/** Select options for an enumeration, labelled from `enums:<group>.<code>`. */
export function useEnumOptions(group: string, codes: readonly string[]) {
  const { t } = useTranslation();
  return useMemo(() => codes.map((code) => ({ value: code, label: t(`enums:${group}.${code}`, { defaultValue: code }) })), [t, group, codes]);
}

/** Looks up a name by id in a loaded list, falling back to a dash. */
export function nameOf(list: readonly { id: string; name: string }[] | undefined, id: string | null | undefined): string {
  if (!id) return '—';
  return list?.find((item) => item.id === id)?.name ?? '—';
}

/**
 * List filters kept in the URL, so Back and shared links keep them. Setting one resets the others'
 * pagination through the caller's filter key.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const key of keys) out[key] = params.get(key) ?? '';
    return out;
  }, [params, keys]);
  const set = useCallback(
    (key: K, value: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const any = keys.some((key) => values[key] !== '');
  return { values, set, clear, any, key: JSON.stringify(values) };
}

/** "Active" or "Inactive" as a coloured badge. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'}>
      {active ? t('common:values.active') : t('common:values.inactive')}
    </Badge>
  );
}
