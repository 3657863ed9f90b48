// The filters the pipeline board and the case list share (direction, site, nationality, vulnerable),
// kept in the URL so switching views, Back and shared links keep them.
import { Button, Checkbox, Group } from '@mantine/core';
import { IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../app/auth';
import { FilterSelect } from '../../components/ListToolbar';
import type { UrlFilters } from '../../components/useUrlFilters';
import { useCountryOptions, useSites } from '../admin/shared';
import { useReturnOptions } from './shared';
import { RETURN_DIRECTIONS } from './types';

export const CASE_FILTERS = ['direction', 'siteId', 'nationality', 'vulnerable'] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

/** The filter inputs; the site filter only for those who may list sites. */
export function CaseFilterInputs<K extends string>({ filters }: { filters: UrlFilters<K | CaseFilter> }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const directions = useReturnOptions('direction', RETURN_DIRECTIONS);
  const countries = useCountryOptions();
  const sites = useSites();
  return (
    <>
      <FilterSelect filters={filters} name="direction" label={t('returns:filters.direction')} data={directions} w={150} />
      {can('site.read') && <FilterSelect filters={filters} name="siteId" label={t('returns:filters.site')} data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} searchable w={200} />}
      <FilterSelect filters={filters} name="nationality" label={t('returns:filters.nationality')} data={countries} searchable w={200} />
      <Checkbox
        label={t('returns:filters.vulnerable')}
        checked={filters.values.vulnerable === 'true'}
        onChange={(e) => filters.set('vulnerable', e.currentTarget.checked ? 'true' : null)}
        mb={8}
      />
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
