// /awareness/communities: the communities, filtered by region, commune, high-emigration zone and
// whether an activity has reached them.
import { Anchor, Badge, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { awarenessApi, awarenessKeys, type Community } from '../api';
import { activitiesLink } from '../links';
import { useRegionName, useRegionOptions } from '../shared';

const FILTERS = ['regionPcode', 'communePcode', 'highEmigration', 'reached', 'q'] as const;

/** The communities list. */
export default function CommunitiesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const regionName = useRegionName();
  const regions = useRegionOptions();
  const yesNo = [
    { value: 'true', label: t('awareness:values.yes') },
    { value: 'false', label: t('awareness:values.no') },
  ];
  const list = useCursorList<(typeof FILTERS)[number], Community>({
    filters: FILTERS,
    search: 'q',
    queryKey: awarenessKeys.communities,
    pageSize: 50,
    fetch: (f, page) => awarenessApi.communities({ ...Object.fromEntries(Object.entries(f).filter(([, v]) => v)), ...page }),
  });
  const { filters } = list;
  const columns: Column<Community>[] = [
    {
      key: 'name',
      header: t('awareness:communities.fields.name'),
      render: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/awareness/communities/${encodeURIComponent(c.id)}`} fw={600}>
            {c.name}
          </Anchor>
          {c.highEmigrationZone && (
            <Badge size="xs" color="orange" variant="light" w="fit-content">
              {t('awareness:communities.highEmigration')}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: 'commune',
      header: t('awareness:communities.fields.commune'),
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.communeName ?? c.communePcode}</Text>
          <Text size="xs" c="dimmed">
            {regionName(c.regionPcode)}
          </Text>
        </Stack>
      ),
    },
    { key: 'activities', header: t('awareness:communities.fields.activityCount'), render: (c) => <Anchor component={Link} to={activitiesLink({ communityId: c.id })}>{formatNumber(c.activityCount, i18n.language)}</Anchor> },
    { key: 'reached', header: t('awareness:communities.fields.peopleReached'), render: (c) => <Anchor component={Link} to={activitiesLink({ communityId: c.id })}>{formatNumber(c.peopleReached, i18n.language)}</Anchor> },
    { key: 'last', header: t('awareness:communities.fields.lastActivityOn'), render: (c) => c.lastActivityOn ?? '—', visibleFrom: 'md' },
  ];
  return (
    <>
      <PageHeader title={t('awareness:communities.title')} description={t('awareness:communities.description')} actions={can('awareness.manage') && <NewRecordButton to="/awareness/communities/new" label={t('awareness:communities.new')} />} />
      <DataTable
        caption={t('awareness:communities.title')}
        columns={columns}
        rowKey={(c) => c.id}
        {...list.table}
        emptyTitle={t('awareness:communities.emptyTitle')}
        filtered={filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('awareness:communities.searchLabel')}
            filters={
              <>
                <FilterSelect filters={filters} name="regionPcode" label={t('awareness:filters.region')} data={regions} w={160} />
                <FilterSelect filters={filters} name="highEmigration" label={t('awareness:communities.highEmigration')} data={yesNo} w={180} />
                <FilterSelect filters={filters} name="reached" label={t('awareness:communities.reachedFilter')} data={yesNo} w={140} />
                {filters.values.communePcode && (
                  // Set by a click on the dashboard's map: shown so it can be seen and removed.
                  <Badge size="lg" variant="light" rightSection={<CloseButton size="xs" aria-label={t('awareness:communities.removeCommune')} onClick={() => filters.set('communePcode', null)} />}>
                    <Group gap={4}>{t('awareness:communities.communeFilter', { pcode: filters.values.communePcode })}</Group>
                  </Badge>
                )}
              </>
            }
          />
        }
      />
    </>
  );
}
