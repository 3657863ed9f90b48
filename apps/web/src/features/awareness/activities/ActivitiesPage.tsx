// /awareness/activities: the activities, filtered by period, type, campaign, community and region.
import { Anchor, Badge, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { ACTIVITY_TYPES, awarenessApi, awarenessKeys, type Activity } from '../api';
import { useAwarenessEnum, useCampaignOptions, useCommunityOptions, useEnumLabel, useRegionName, useRegionOptions } from '../shared';

const FILTERS = ['from', 'to', 'type', 'campaignId', 'communityId', 'regionPcode', 'q'] as const;

/** The activities list. */
export default function ActivitiesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const label = useEnumLabel();
  const regionName = useRegionName();
  const types = useAwarenessEnum('activityType', ACTIVITY_TYPES);
  const regions = useRegionOptions();
  const campaigns = useCampaignOptions();
  const communities = useCommunityOptions();
  const list = useCursorList<(typeof FILTERS)[number], Activity>({
    filters: FILTERS,
    search: 'q',
    queryKey: awarenessKeys.activities,
    pageSize: 50,
    fetch: (f, page) => awarenessApi.activities({ ...Object.fromEntries(Object.entries(f).filter(([, v]) => v)), ...page }),
  });
  const { filters } = list;
  const communityName = (id: string | null | undefined) => communities.find((c) => c.value === id)?.label;

  const columns: Column<Activity>[] = [
    { key: 'date', header: t('awareness:activities.fields.date'), render: (a) => <Anchor component={Link} to={`/awareness/activities/${encodeURIComponent(a.id)}`}>{a.date}</Anchor> },
    { key: 'type', header: t('awareness:activities.fields.type'), render: (a) => label('activityType', a.type) },
    {
      key: 'place',
      header: t('awareness:activities.fields.place'),
      render: (a) => (
        <Stack gap={0}>
          <Text size="sm">{a.communityName ?? communityName(a.communityId) ?? a.fmpId ?? a.routeLocation?.name ?? '—'}</Text>
          <Text size="xs" c="dimmed">
            {a.regionPcode ? regionName(a.regionPcode) : ''}
          </Text>
        </Stack>
      ),
    },
    { key: 'facilitator', header: t('awareness:activities.fields.facilitator'), render: (a) => a.facilitator, visibleFrom: 'md' },
    {
      key: 'reached',
      header: t('awareness:activities.fields.reached'),
      render: (a) =>
        a.reached ? (
          formatNumber(a.reached.total, i18n.language)
        ) : (
          <Group gap={4}>
            <Text size="sm">≈ {formatNumber(a.estimatedAudience, i18n.language)}</Text>
            <Badge size="xs" variant="light" color="gray">
              {t('awareness:reach.estimateBadge')}
            </Badge>
          </Group>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('awareness:activities.title')} description={t('awareness:activities.description')} actions={can('awareness.manage') && <NewRecordButton to="/awareness/activities/new" label={t('awareness:activities.new')} />} />
      <DataTable
        caption={t('awareness:activities.title')}
        columns={columns}
        rowKey={(a) => a.id}
        {...list.table}
        emptyTitle={t('awareness:activities.emptyTitle')}
        filtered={filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('awareness:activities.searchLabel')}
            filters={
              <>
                <TextInput type="date" label={t('awareness:filters.from')} value={filters.values.from} onChange={(e) => filters.set('from', e.currentTarget.value)} />
                <TextInput type="date" label={t('awareness:filters.to')} value={filters.values.to} onChange={(e) => filters.set('to', e.currentTarget.value)} />
                <FilterSelect filters={filters} name="type" label={t('awareness:activities.fields.type')} data={types} w={200} />
                <FilterSelect filters={filters} name="campaignId" label={t('awareness:activities.fields.campaign')} data={campaigns} searchable w={200} />
                <FilterSelect filters={filters} name="communityId" label={t('awareness:activities.fields.community')} data={communities} searchable w={200} />
                <FilterSelect filters={filters} name="regionPcode" label={t('awareness:filters.region')} data={regions} w={160} />
              </>
            }
          />
        }
      />
    </>
  );
}
