// The filters the pipeline board and the case list share (direction, site, nationality, destination
// region, sex, age group, vulnerability), kept in the URL so switching views, Back and shared links keep them.
import { Button, Checkbox, Group } from '@mantine/core';
import { IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../app/auth';
import { FilterSelect } from '../../components/ListToolbar';
import type { UrlFilters } from '../../components/useUrlFilters';
import { useCountryOptions, useSites } from '../admin/shared';
import { useRegionOptions } from '../reintegration/regions';
import { codeIn, flag, useReturnOptions } from './shared';
import { RETURN_DIRECTIONS, type ReturnCasesQuery } from './types';

const SEXES = ['male', 'female', 'other', 'unknown'] as const;
const AGE_GROUPS = ['child', 'adult'] as const;
const FLAGS = ['vulnerable', 'medical', 'unaccompaniedChild', 'open', 'arrived'] as const;

export const CASE_FILTERS = ['direction', 'siteId', 'nationality', 'regionPcode', 'sex', 'ageGroup', ...FLAGS] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

/** The API query for the filters of the URL (unknown values left out). */
export function caseFilterQuery(f: Record<CaseFilter, string>): Omit<ReturnCasesQuery, 'status' | 'q' | 'limit' | 'cursor'> {
  return {
    direction: codeIn(RETURN_DIRECTIONS, f.direction),
    siteId: f.siteId || undefined,
    nationality: f.nationality || undefined,
    regionPcode: /^[A-Z]{2}[0-9]{2}$/.test(f.regionPcode) ? f.regionPcode : undefined,
    sex: codeIn(SEXES, f.sex),
    ageGroup: codeIn(AGE_GROUPS, f.ageGroup),
    vulnerable: flag(f.vulnerable),
    medical: flag(f.medical),
    unaccompaniedChild: flag(f.unaccompaniedChild),
    open: flag(f.open),
    arrived: flag(f.arrived),
  };
}

/** The filter inputs; the site filter only for those who may list sites. */
export function CaseFilterInputs<K extends string>({ filters }: { filters: UrlFilters<K | CaseFilter> }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const directions = useReturnOptions('direction', RETURN_DIRECTIONS);
  const countries = useCountryOptions();
  const sites = useSites();
  const regions = useRegionOptions();
  const sexes = useReturnOptions('sex', SEXES);
  const ages = useReturnOptions('ageGroup', AGE_GROUPS);
  return (
    <>
      <FilterSelect filters={filters} name="direction" label={t('returns:filters.direction')} data={directions} w={150} />
      {can('site.read') && <FilterSelect filters={filters} name="siteId" label={t('returns:filters.site')} data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} searchable w={200} />}
      <FilterSelect filters={filters} name="nationality" label={t('returns:filters.nationality')} data={countries} searchable w={200} />
      <FilterSelect filters={filters} name="regionPcode" label={t('returns:filters.region')} data={regions.options} searchable w={200} />
      <FilterSelect filters={filters} name="sex" label={t('returns:filters.sex')} data={sexes} w={130} />
      <FilterSelect filters={filters} name="ageGroup" label={t('returns:filters.ageGroup')} data={ages} w={200} />
      {FLAGS.map((name) => (
        <Checkbox
          key={name}
          label={t(`returns:filters.${name}`)}
          checked={filters.values[name] === 'true'}
          onChange={(e) => filters.set(name, e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      ))}
    </>
  );
}

/** Board / list switch, keeping the filters of the URL. */
export function ViewSwitch() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const board = pathname === '/returns';
  return (
    <Group gap={4} role="group" aria-label={t('returns:views.label')}>
      <Button component={Link} to={`/returns${search}`} size="xs" variant={board ? 'filled' : 'default'} leftSection={<IconLayoutKanban size={14} aria-hidden />} aria-current={board ? 'page' : undefined}>
        {t('returns:views.board')}
      </Button>
      <Button component={Link} to={`/returns/cases${search}`} size="xs" variant={board ? 'default' : 'filled'} leftSection={<IconList size={14} aria-hidden />} aria-current={board ? undefined : 'page'}>
        {t('returns:views.list')}
      </Button>
    </Group>
  );
}
