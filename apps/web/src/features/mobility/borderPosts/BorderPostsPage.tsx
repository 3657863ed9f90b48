// /mobility/border-posts: the border posts and checkpoints, as a list and on a map.
import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CORRIDORS, type BorderPost } from '@taama/core';
import { useAuth } from '../../../app/auth';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { PointMap } from '../../../components/maps/PointMap';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { useCountryName } from '../../flows/shared';
import { mobilityApi, mobilityKeys } from '../api';
import { useMobilityEnum, useMobilityLabel } from '../shared';

const FILTERS = ['corridor', 'q'] as const;

/** The border posts list. */
export default function BorderPostsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const label = useMobilityLabel();
  const country = useCountryName();
  const corridors = useMobilityEnum('corridor', CORRIDORS);
  const list = useCursorList<(typeof FILTERS)[number], BorderPost>({
    filters: FILTERS,
    search: 'q',
    queryKey: mobilityKeys.borderPosts,
    pageSize: 100,
    fetch: (f, page) => mobilityApi.borderPosts({ corridor: (f.corridor || undefined) as BorderPost['corridor'] | undefined ?? undefined, q: f.q || undefined, ...page }),
  });
  const columns: Column<BorderPost>[] = [
    { key: 'name', header: t('mobility:borderPosts.fields.name'), render: (p) => <Anchor component={Link} to={`/mobility/border-posts/${encodeURIComponent(p.id)}`} fw={600}>{p.name}</Anchor> },
    { key: 'type', header: t('mobility:borderPosts.fields.type'), render: (p) => label('borderPostType', p.type) },
    { key: 'neighbour', header: t('mobility:borderPosts.fields.neighbourCountry'), render: (p) => country(p.neighbourCountry) },
    { key: 'corridor', header: t('mobility:borderPosts.fields.corridor'), render: (p) => label('corridor', p.corridor), visibleFrom: 'sm' },
    { key: 'place', header: t('mobility:borderPosts.fields.pcode'), render: (p) => p.placeName ?? p.pcode, visibleFrom: 'md' },
  ];
  const rows = list.table.rows;
  return (
    <>
      <PageHeader title={t('mobility:borderPosts.title')} description={t('mobility:borderPosts.description')} actions={can('mobility.manage') && <NewRecordButton to="/mobility/border-posts/new" label={t('mobility:borderPosts.new')} />} />
      <Stack gap="lg">
        <DataTable
          caption={t('mobility:borderPosts.title')}
          columns={columns}
          rowKey={(p) => p.id}
          {...list.table}
          emptyTitle={t('mobility:borderPosts.emptyTitle')}
          filtered={list.filters.any}
          toolbar={<ListToolbar {...list.toolbar} searchLabel={t('mobility:borderPosts.searchLabel')} filters={<FilterSelect filters={list.filters} name="corridor" label={t('mobility:borderPosts.fields.corridor')} data={corridors} w={220} />} />}
        />
        {rows && rows.some((p) => p.lat !== null && p.lon !== null) && (
          <PointMap
            title={t('mobility:borderPosts.mapTitle')}
            points={rows.flatMap((p) => (p.lat === null || p.lon === null ? [] : [{ id: p.id, name: p.name, lat: p.lat, lon: p.lon, value: 1 }]))}
            valueLabel={t('mobility:borderPosts.mapValue')}
            sized={false}
            onSelect={(id) => void navigate(`/mobility/border-posts/${encodeURIComponent(id)}`)}
          />
        )}
      </Stack>
    </>
  );
}
