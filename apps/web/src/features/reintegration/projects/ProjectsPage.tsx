// Collective and community projects: the list, filtered by level and region, paginated.
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { projectsApi, reintegrationKeys } from '../api';
import { useRegionOptions } from '../regions';
import { formatXof, useEnumOptions } from '../shared';
import type { ProjectSummary } from '../types';

const FILTERS = ['level', 'regionPcode'] as const;
const LEVELS = ['collective', 'community'] as const;

/** The projects list. */
export default function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const regions = useRegionOptions();
  const levels = useEnumOptions('level', LEVELS);
  const list = useCursorList({
    filters: FILTERS,
    search: 'regionPcode',
    queryKey: reintegrationKeys.projects,
    pageSize: 25,
    fetch: ({ level, regionPcode }, page) => projectsApi.list({ level: level === 'collective' || level === 'community' ? level : undefined, regionPcode: regionPcode || undefined, ...page }),
  });
  const columns: Column<ProjectSummary>[] = [
    { key: 'name', header: t('reintegration:projects.name'), render: (p) => <Anchor component={Link} to={`/reintegration/projects/${p.id}`} fw={600}>{p.name}</Anchor> },
    { key: 'level', header: t('reintegration:plan.level'), render: (p) => t(`reintegration:enum.level.${p.level}`) },
    { key: 'type', header: t('reintegration:plan.type'), render: (p) => t(`reintegration:enum.assistanceType.${p.type}`), visibleFrom: 'sm' },
    { key: 'region', header: t('reintegration:cases.columns.region'), render: (p) => regions.nameOf(p.regionPcode), visibleFrom: 'md' },
    { key: 'beneficiaries', header: t('reintegration:projects.beneficiaries'), render: (p) => <Text size="sm">{p.beneficiaryCount}</Text> },
    { key: 'budget', header: t('reintegration:projects.budget'), render: (p) => formatXof(p.budgetXof, i18n.language), visibleFrom: 'sm' },
  ];
  return (
    <>
      <PageHeader
        title={t('reintegration:projects.title')}
        description={t('reintegration:projects.description')}
        actions={can('reintegrationCase.create') ? <NewRecordButton to="/reintegration/projects/new" label={t('reintegration:projects.new')} /> : undefined}
      />
      <DataTable
        {...list.table}
        caption={t('reintegration:projects.title')}
        columns={columns}
        rowKey={(p) => p.id}
        emptyTitle={t('reintegration:projects.emptyTitle')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            canClear={list.toolbar.canClear}
            onClear={list.toolbar.onClear}
            filters={
              <>
                <FilterSelect filters={list.filters} name="level" label={t('reintegration:plan.level')} data={levels} w={170} />
                <FilterSelect filters={list.filters} name="regionPcode" label={t('reintegration:cases.columns.region')} data={regions.options} searchable w={200} />
              </>
            }
          />
        }
      />
    </>
  );
}
