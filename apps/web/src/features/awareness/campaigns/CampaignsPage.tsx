// /awareness/campaigns: the campaigns (by period and theme) and their month-by-month timeline.
import { Anchor, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { awarenessApi, awarenessKeys, CAMPAIGN_THEMES, type Campaign } from '../api';
import { activitiesLink } from '../links';
import { useAwarenessEnum, useEnumLabel } from '../shared';
import { CampaignTimeline } from './CampaignTimeline';

const FILTERS = ['from', 'to', 'theme', 'q'] as const;

/** The campaigns page. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const label = useEnumLabel();
  const themes = useAwarenessEnum('theme', CAMPAIGN_THEMES);
  const list = useCursorList<(typeof FILTERS)[number], Campaign>({
    filters: FILTERS,
    search: 'q',
    queryKey: awarenessKeys.campaigns,
    pageSize: 50,
    fetch: (f, page) => awarenessApi.campaigns({ from: f.from || undefined, to: f.to || undefined, theme: f.theme || undefined, ...page }),
  });
  const { filters } = list;
  const needle = filters.values.q.toLowerCase();
  // The API filters by period and theme; the name search narrows the page shown.
  const rows = list.table.rows?.filter((c) => !needle || c.name.toLowerCase().includes(needle));
  const columns: Column<Campaign>[] = [
    { key: 'name', header: t('awareness:campaigns.fields.name'), render: (c) => <Anchor component={Link} to={`/awareness/campaigns/${encodeURIComponent(c.id)}`} fw={600}>{c.name}</Anchor> },
    { key: 'theme', header: t('awareness:campaigns.fields.theme'), render: (c) => label('theme', c.theme) },
    { key: 'period', header: t('awareness:campaigns.fields.period'), render: (c) => `${c.startsOn} → ${c.endsOn}` },
    { key: 'activities', header: t('awareness:campaigns.fields.activityCount'), render: (c) => <Anchor component={Link} to={activitiesLink({ campaignId: c.id })}>{formatNumber(c.activityCount, i18n.language)}</Anchor> },
    { key: 'reached', header: t('awareness:campaigns.fields.peopleReached'), render: (c) => <Anchor component={Link} to={activitiesLink({ campaignId: c.id })}>{formatNumber(c.peopleReached, i18n.language)}</Anchor>, visibleFrom: 'sm' },
  ];
  return (
    <>
      <PageHeader title={t('awareness:campaigns.title')} description={t('awareness:campaigns.description')} actions={can('awareness.manage') && <NewRecordButton to="/awareness/campaigns/new" label={t('awareness:campaigns.new')} />} />
      <Stack gap="lg">
        <DataTable
          caption={t('awareness:campaigns.title')}
          columns={columns}
          rowKey={(c) => c.id}
          {...list.table}
          rows={rows}
          emptyTitle={t('awareness:campaigns.emptyTitle')}
          filtered={filters.any}
          toolbar={
            <ListToolbar
              {...list.toolbar}
              searchLabel={t('awareness:campaigns.searchLabel')}
              filters={
                <>
                  <TextInput type="date" label={t('awareness:filters.from')} value={filters.values.from} onChange={(e) => filters.set('from', e.currentTarget.value)} />
                  <TextInput type="date" label={t('awareness:filters.to')} value={filters.values.to} onChange={(e) => filters.set('to', e.currentTarget.value)} />
                  <FilterSelect filters={filters} name="theme" label={t('awareness:campaigns.fields.theme')} data={themes} w={220} />
                </>
              }
            />
          }
        />
        {rows && rows.length > 0 && <CampaignTimeline campaigns={rows} />}
      </Stack>
    </>
  );
}
