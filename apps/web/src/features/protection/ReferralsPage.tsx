// Referrals sent by my organisation or received by it, filtered by status and overdue; the receiving
// organisation answers them here (accept, decline, complete) with its feedback.
import { Anchor, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REFERRAL_STATUSES, type Referral, type ReferralStatus } from '@taama/core';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../components/useCursorList';
import { formatDay, personName, useCodeOptions } from '../registry/shared';
import { protectionKeys, referralsApi } from './api';
import { ReferralResponseForm } from './ReferralResponseForm';
import { ReferralStatusBadge } from './shared';

const FILTERS = ['direction', 'status', 'overdue'] as const;
const PAGE_SIZE = 25;

/** The referrals lists (outgoing by default). */
export default function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const list = useCursorList({
    filters: FILTERS,
    search: 'direction',
    queryKey: protectionKeys.referrals,
    pageSize: PAGE_SIZE,
    fetch: ({ direction, status, overdue }, page) =>
      referralsApi.list({
        direction: direction === 'incoming' ? 'incoming' : 'outgoing',
        status: (status || undefined) as ReferralStatus | undefined,
        overdue: overdue === 'true' ? true : undefined,
        ...page,
      }),
  });
  const statuses = useCodeOptions('protection', 'referralStatus', REFERRAL_STATUSES);
  const incoming = list.filters.values.direction === 'incoming';

  const columns: Column<Referral>[] = [
    {
      key: 'case',
      header: t('protection:referrals.columns.case'),
      render: (r) => (
        <Stack gap={0}>
          {incoming ? <Text fw={600}>{r.caseNumber}</Text> : <Anchor component={Link} to={`/protection/cases/${r.transitCaseId}`} fw={600}>{r.caseNumber}</Anchor>}
          <Text size="sm">{personName(r.person)}</Text>
        </Stack>
      ),
    },
    { key: 'service', header: t('protection:referrals.columns.service'), render: (r) => `${t(`protection:codes.referralService.${r.service}`)} · ${t(`protection:codes.referralKind.${r.kind}`)}` },
    { key: 'org', header: incoming ? t('protection:referrals.columns.from') : t('protection:referrals.columns.to'), render: (r) => (incoming ? r.fromOrganisationName : r.toOrganisationName), visibleFrom: 'sm' },
    { key: 'due', header: t('protection:referrals.columns.due'), render: (r) => formatDay(r.dueDate, i18n.language), visibleFrom: 'md' },
    { key: 'status', header: t('protection:referrals.columns.status'), render: (r) => <ReferralStatusBadge status={r.status} overdue={r.overdue} /> },
  ];

  return (
    <>
      <PageHeader title={t('protection:referrals.title')} description={t('protection:referrals.description')} />
      <DataTable
        {...list.table}
        caption={incoming ? t('protection:referrals.incoming') : t('protection:referrals.outgoing')}
        columns={columns}
        rowKey={(r) => r.id}
        emptyTitle={t('protection:referrals.emptyTitle')}
        filtered={Boolean(list.filters.values.status || list.filters.values.overdue)}
        renderDetails={(r) => <ReferralResponseForm referral={r} />}
        detailsLabel={(r) => r.caseNumber}
        toolbar={
          <ListToolbar
            onClear={list.filters.clear}
            canClear={list.filters.any}
            filters={
              <>
                <SegmentedControl
                  aria-label={t('protection:referrals.direction')}
                  data={[
                    { value: 'outgoing', label: t('protection:referrals.outgoing') },
                    { value: 'incoming', label: t('protection:referrals.incoming') },
                  ]}
                  value={incoming ? 'incoming' : 'outgoing'}
                  onChange={(v) => list.filters.set('direction', v === 'incoming' ? 'incoming' : null)}
                />
                <FilterSelect filters={list.filters} name="status" label={t('protection:referrals.columns.status')} data={statuses} w={190} />
                <FilterSelect
                  filters={list.filters}
                  name="overdue"
                  label={t('protection:overdue')}
                  data={[{ value: 'true', label: t('protection:referrals.overdueOnly') }]}
                  w={170}
                />
              </>
            }
          />
        }
      />
    </>
  );
}
