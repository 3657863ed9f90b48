// The list of return cases with the board's filters plus status and a search, paginated.
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../components/useCursorList';
import { personName, useCountryName } from '../registry/shared';
import { returnsApi, returnsKeys } from './api';
import { CASE_FILTERS, CaseFilterInputs, caseFilterQuery, ViewSwitch } from './CaseFilters';
import { codeIn, DirectionBadge, ReturnStatusBadge, useReturnOptions, VulnerabilityBadges } from './shared';
import { RETURN_STATUSES, type ReturnCaseSummary } from './types';

const FILTERS = ['q', 'status', ...CASE_FILTERS] as const;
const PAGE_SIZE = 25;

/** The case list page. */
export default function CasesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const country = useCountryName();
  const statuses = useReturnOptions('status', RETURN_STATUSES);
  const list = useCursorList({
    filters: FILTERS,
    search: 'q',
    queryKey: returnsKeys.cases,
    pageSize: PAGE_SIZE,
    fetch: (f, page) =>
      returnsApi.list({
        q: f.q || undefined,
        status: codeIn(RETURN_STATUSES, f.status),
        ...caseFilterQuery(f),
        ...page,
      }),
  });

  const columns: Column<ReturnCaseSummary>[] = [
    {
      key: 'case',
      header: t('returns:cases.columns.case'),
      render: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/returns/cases/${c.id}`} fw={600}>{c.caseNumber}</Anchor>
          <Text size="sm">{personName(c.person)}</Text>
        </Stack>
      ),
    },
    { key: 'status', header: t('returns:cases.columns.status'), render: (c) => <ReturnStatusBadge status={c.status} /> },
    { key: 'direction', header: t('returns:cases.columns.direction'), render: (c) => <DirectionBadge direction={c.direction} /> },
    { key: 'nationality', header: t('returns:cases.columns.nationality'), render: (c) => country(c.person.nationality), visibleFrom: 'sm' },
    { key: 'destination', header: t('returns:cases.columns.destination'), render: (c) => country(c.destinationCountry), visibleFrom: 'md' },
    { key: 'days', header: t('returns:cases.columns.daysInState'), render: (c) => t('returns:pipeline.daysInState', { count: c.daysInState }), visibleFrom: 'md' },
    { key: 'site', header: t('returns:cases.columns.site'), render: (c) => c.siteName ?? '—', visibleFrom: 'lg' },
    { key: 'vulnerable', header: t('returns:cases.columns.vulnerability'), render: (c) => <VulnerabilityBadges c={c} />, visibleFrom: 'sm' },
  ];

  return (
    <>
      <PageHeader
        title={t('returns:cases.title')}
        description={t('returns:cases.description')}
        actions={
          <Group gap="xs">
            <ViewSwitch />
            {can('returnCase.create') && (
              <Button component={Link} to="/returns/cases/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('returns:cases.new')}
              </Button>
            )}
          </Group>
        }
      />
      <DataTable
        {...list.table}
        caption={t('returns:cases.title')}
        columns={columns}
        rowKey={(c) => c.id}
        emptyTitle={t('returns:cases.emptyTitle')}
        emptyDescription={t('returns:cases.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('returns:cases.searchLabel')}
            searchPlaceholder={t('returns:cases.searchPlaceholder')}
            filters={
              <>
                <FilterSelect filters={list.filters} name="status" label={t('returns:cases.columns.status')} data={statuses} w={180} />
                <CaseFilterInputs filters={list.filters} />
              </>
            }
          />
        }
      />
    </>
  );
}
