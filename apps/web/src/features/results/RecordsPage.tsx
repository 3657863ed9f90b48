// The records behind a number (/results/indicators/:code/records?from&to): each counted event with
// its date, subject and the dimensions it was counted under. Roles without person.read see a stable
// pseudonym and the page says so; the others open the record itself.
import { Alert, Anchor, Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { IndicatorRecord } from '@taama/core';
import { formatNumber } from '../../app/format';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { useCursorPages } from '../../components/useCursorPages';
import { resultsApi, resultsKeys } from './api';
import { useCanDrillDown } from './shared';

const PAGE_SIZE = 50;

/** The subject cell: the record's link when the server gives one, the pseudonym otherwise. */
export function SubjectCell({ record, pseudonymised }: { record: IndicatorRecord; pseudonymised: boolean }) {
  const { t } = useTranslation();
  if (pseudonymised || !record.link) return <code aria-label={t('results:records.pseudonymLabel', { subject: record.subject })}>{record.subject}</code>;
  return (
    <Anchor component={Link} to={record.link}>
      {t('results:records.open', { type: t(`results:records.types.${record.recordType}`, { defaultValue: record.recordType }) })}
    </Anchor>
  );
}

/** The drill-down list of one indicator over a span. */
export default function RecordsPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const pages = useCursorPages(`${code}|${from}|${to}`);
  const drill = useCanDrillDown();
  const query = useQuery({
    // Public-level roles are refused by the server: say why instead of asking.
    enabled: drill,
    queryKey: [...resultsKeys.records, code, from, to, pages.cursor ?? ''],
    queryFn: () => resultsApi.records(code, { from, to, cursor: pages.cursor, limit: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  const pseudonymised = query.data?.pseudonymised ?? true;
  const enumLabel = (dimension: string, key: string) =>
    key === 'unknown' ? t('results:disaggregation.unknown') : t(`results:enum.${dimension}.${key}`, { defaultValue: key });
  const columns: Column<IndicatorRecord>[] = [
    { key: 'date', header: t('results:records.date'), render: (r) => r.date },
    { key: 'subject', header: t('results:records.subject'), render: (r) => <SubjectCell record={r} pseudonymised={pseudonymised} /> },
    { key: 'type', header: t('results:records.type'), render: (r) => t(`results:records.types.${r.recordType}`, { defaultValue: r.recordType }), visibleFrom: 'sm' },
    { key: 'amount', header: t('results:records.amount'), render: (r) => formatNumber(r.amount, i18n.language) },
    { key: 'sex', header: t('results:dimensions.sex'), render: (r) => enumLabel('sex', r.sex), visibleFrom: 'md' },
    { key: 'ageGroup', header: t('results:dimensions.ageGroup'), render: (r) => enumLabel('ageGroup', r.ageGroup), visibleFrom: 'md' },
    { key: 'nationality', header: t('results:dimensions.nationality'), render: (r) => enumLabel('nationality', r.nationality), visibleFrom: 'lg' },
    { key: 'region', header: t('results:dimensions.region'), render: (r) => enumLabel('region', r.region), visibleFrom: 'lg' },
    { key: 'partner', header: t('results:dimensions.partner'), render: (r) => enumLabel('partner', r.partner), visibleFrom: 'lg' },
    { key: 'site', header: t('results:dimensions.site'), render: (r) => enumLabel('site', r.site), visibleFrom: 'lg' },
  ];
  return (
    <>
      <PageHeader
        title={t('results:records.title', { code })}
        description={t('results:records.description', { from: from || '…', to: to || '…' })}
        back={{ to: `/results/indicators/${encodeURIComponent(code)}`, label: t('results:records.back') }}
        badges={query.data && pseudonymised && <Badge color="gray" variant="light">{t('results:records.pseudonymisedBadge')}</Badge>}
      />
      {!drill && <Alert color="gray" mb="md">{t('results:records.aggregatesOnly')}</Alert>}
      {query.data?.pseudonymised && (
        <Alert color="blue" mb="md">{t('results:records.pseudonymisedNote')}</Alert>
      )}
      {drill && <DataTable
        caption={t('results:records.caption', { code })}
        columns={columns}
        rows={query.data?.items}
        rowKey={(r) => `${r.recordType}:${r.recordId}:${r.date}`}
        loading={query.isPending}
        fetching={query.isFetching}
        error={query.error}
        onRetry={() => void query.refetch()}
        emptyTitle={t('results:records.empty')}
        pagination={{
          page: pages.page,
          hasPrevious: pages.hasPrevious,
          hasNext: Boolean(query.data?.nextCursor),
          onPrevious: pages.previous,
          onNext: () => query.data?.nextCursor && pages.next(query.data.nextCursor),
        }}
      />}
    </>
  );
}
