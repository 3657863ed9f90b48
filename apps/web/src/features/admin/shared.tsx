// Data and labels every administration screen shares: where each kind of record lives (API, cache,
// pages), roles, organisations, sites and countries for selects and name look-ups, and enumeration
// options.
import { useCallback, useMemo } from 'react';
import { Badge, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Role } from '@taama/core';
import { organisationsApi, referenceApi, rolesApi, sitesApi, usersApi } from '../../api/endpoints';
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

/** Each administration record kind: its API calls, cache keys and pages. */
export const adminResources = {
  users: { api: usersApi, queryKey: adminKeys.user, listQueryKey: adminKeys.users, path: '/admin/users' },
  roles: { api: rolesApi, queryKey: adminKeys.role, listQueryKey: adminKeys.roles, path: '/admin/roles' },
  organisations: { api: organisationsApi, queryKey: adminKeys.organisation, listQueryKey: adminKeys.organisations, path: '/admin/organisations' },
  sites: { api: sitesApi, queryKey: adminKeys.site, listQueryKey: adminKeys.sites, path: '/admin/sites' },
};

const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** What is wrong with a record's code (required; lower-case letters, digits, _ . -), if anything. */
export function codeError(t: TFunction, code: string): string | undefined {
  if (!code.trim()) return t('common:fieldMessages.required');
  if (!CODE.test(code.trim())) return t('common:fieldMessages.format');
  return undefined;
}

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

/** The required organisation of a record, chosen among every organisation (shown as "Name (code)"). */
export function OrganisationSelect({ label, value, error, onChange }: { label: string; value: string; error?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  return (
    <Select
      label={label}
      required
      searchable
      data={(organisations.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
      value={value || null}
      error={error}
      onChange={(id) => onChange(id ?? '')}
      nothingFoundMessage={t('common:states.emptyTitle')}
    />
  );
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

/** "Active" or "Inactive" as a coloured badge. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'}>
      {active ? t('common:values.active') : t('common:values.inactive')}
    </Badge>
  );
}
