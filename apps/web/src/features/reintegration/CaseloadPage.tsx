// The reintegration caseload: the cases of my region (or those referred to my organisation),
// searchable, filtered by status, counsellor, region and what is overdue, paginated; the filters
// live in the URL so the dashboard's numbers link straight to the cases behind them.
import { Anchor, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../components/useCursorList';
import { useUsers } from '../protection/case/people';
import { formatDay, personName } from '../registry/shared';
import { reintegrationKeys, reintegrationApi } from './api';
import { formatScore, formatXof, OverdueBadge, StatusBadge, useEnumOptions } from './shared';
import { useRegionOptions } from './regions';
import { ASSISTANCE_TYPES, REINTEGRATION_STATUSES, type ReintegrationCaseSummary, type ReintegrationStatus } from './types';

const FILTERS = ['q', 'status', 'counsellorId', 'regionPcode', 'overduePlan', 'overdueVisit', 'assistanceType', 'composite'] as const;

/** The latest-composite range of the URL (`0.3-0.4`, one parameter so one click clears it), or nothing. */
function compositeRange(value: string): { compositeMin?: number; compositeMax?: number } {
  const m = /^(\d(?:\.\d+)?)-(\d(?:\.\d+)?)$/.exec(value);
  const [min, max] = [Number(m?.[1]), Number(m?.[2])];
  return m && min >= 0 && max <= 1 && min <= max ? { compositeMin: min, compositeMax: max } : {};
}
const PAGE_SIZE = 25;

/** The caseload list. */
export default function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const list = useCursorList({
    filters: FILTERS,
    search: 'q',
    queryKey: reintegrationKeys.cases,
    pageSize: PAGE_SIZE,
    fetch: ({ q, status, counsellorId, regionPcode, overduePlan, overdueVisit, assistanceType, composite }, page) =>
      reintegrationApi.list({
        q: q || undefined,
        status: (status || undefined) as ReintegrationStatus | undefined,
        counsellorId: counsellorId || undefined,
        regionPcode: regionPcode || undefined,
        overduePlan: overduePlan === 'true' ? true : undefined,
        overdueVisit: overdueVisit === 'true' ? true : undefined,
        assistanceType: (ASSISTANCE_TYPES as readonly string[]).includes(assistanceType) ? assistanceType : undefined,
        ...compositeRange(composite),
        ...page,
      }),
  });
  const statuses = useEnumOptions('status', REINTEGRATION_STATUSES);
  const assistanceTypes = useEnumOptions('assistanceType', ASSISTANCE_TYPES);
  const users = useUsers();
  const regions = useRegionOptions();
  const { values, set } = list.filters;

  const columns: Column<ReintegrationCaseSummary>[] = [
    {
      key: 'case',
      header: t('reintegration:cases.columns.case'),
      render: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/reintegration/cases/${c.id}`} fw={600}>{c.caseNumber}</Anchor>
          <Text size="sm">{personName(c.person)}</Text>
        </Stack>
      ),
    },
    { key: 'status', header: t('reintegration:cases.columns.status'), render: (c) => <StatusBadge status={c.status} /> },
    { key: 'counsellor', header: t('reintegration:cases.columns.counsellor'), render: (c) => c.counsellor?.displayName ?? t('reintegration:cases.noCounsellor'), visibleFrom: 'md' },
    { key: 'region', header: t('reintegration:cases.columns.region'), render: (c) => regions.nameOf(c.regionPcode), visibleFrom: 'sm' },
    { key: 'arrived', header: t('reintegration:cases.columns.arrived'), render: (c) => formatDay(c.arrivedOn, i18n.language), visibleFrom: 'lg' },
    {
      key: 'plan',
      header: t('reintegration:cases.columns.planDue'),
      render: (c) => (
        <Group gap={4} wrap="nowrap">
          <Text size="sm">{formatDay(c.planDueOn, i18n.language)}</Text>
          {c.planOverdue && <OverdueBadge />}
        </Group>
      ),
    },
    {
      key: 'visit',
      header: t('reintegration:cases.columns.nextVisit'),
      render: (c) => (
        <Group gap={4} wrap="nowrap">
          <Text size="sm">{formatDay(c.nextVisitOn, i18n.language)}</Text>
          {c.visitOverdue && <OverdueBadge />}
        </Group>
      ),
      visibleFrom: 'md',
    },
    { key: 'budget', header: t('reintegration:cases.columns.budget'), render: (c) => <Text size="sm">{formatXof(c.budgetPlannedXof, i18n.language)}</Text>, visibleFrom: 'lg' },
    {
      key: 'rss',
      header: t('reintegration:cases.columns.rss'),
      render: (c) => (c.latestRss ? `${formatScore(c.latestRss.composite, i18n.language)} (${t(`reintegration:enum.round.${c.latestRss.round}`)})` : '—'),
      visibleFrom: 'sm',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('reintegration:cases.title')}
        description={t('reintegration:cases.description')}
        actions={can('reintegrationCase.create') ? <NewRecordButton to="/reintegration/cases/new" label={t('reintegration:cases.new')} /> : undefined}
      />
      <DataTable
        {...list.table}
        caption={t('reintegration:cases.title')}
        columns={columns}
        rowKey={(c) => c.id}
        emptyTitle={t('reintegration:cases.emptyTitle')}
        emptyDescription={t('reintegration:cases.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('reintegration:cases.searchLabel')}
            searchPlaceholder={t('reintegration:cases.searchPlaceholder')}
            filters={
              <>
                <FilterSelect filters={list.filters} name="status" label={t('reintegration:cases.columns.status')} data={statuses} w={170} />
                {users.length > 0 ? (
                  <FilterSelect filters={list.filters} name="counsellorId" label={t('reintegration:cases.columns.counsellor')} data={users} searchable w={200} />
                ) : (
                  <Checkbox pb={8} label={t('reintegration:cases.mine')} checked={values.counsellorId === me.id} onChange={(e) => set('counsellorId', e.currentTarget.checked ? me.id : null)} />
                )}
                <FilterSelect filters={list.filters} name="regionPcode" label={t('reintegration:cases.columns.region')} data={regions.options} searchable w={170} />
                <FilterSelect filters={list.filters} name="assistanceType" label={t('reintegration:cases.assistanceType')} data={assistanceTypes} searchable w={220} />
                {compositeRange(values.composite).compositeMin !== undefined && (
                  // Set by the dashboard's RSS histogram; unticking clears the range.
                  <Checkbox
                    pb={8}
                    label={t('reintegration:cases.compositeRange', { min: compositeRange(values.composite).compositeMin, max: compositeRange(values.composite).compositeMax })}
                    checked
                    onChange={() => set('composite', null)}
                  />
                )}
                <Stack gap={4} pb={4}>
                  <Checkbox label={t('reintegration:cases.overduePlan')} checked={values.overduePlan === 'true'} onChange={(e) => set('overduePlan', e.currentTarget.checked ? 'true' : null)} />
                  <Checkbox label={t('reintegration:cases.overdueVisit')} checked={values.overdueVisit === 'true'} onChange={(e) => set('overdueVisit', e.currentTarget.checked ? 'true' : null)} />
                </Stack>
              </>
            }
          />
        }
      />
    </>
  );
}
