// The pipeline board: one column per status with its count and its cases (oldest in state first),
// filtered like the list; columns scroll sideways on a tablet, every card is a link.
import { Anchor, Badge, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { ListToolbar } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useUrlFilters } from '../../components/useUrlFilters';
import { personName, useCountryName } from '../registry/shared';
import { returnsApi, returnsKeys, type Pipeline } from './api';
import { CASE_FILTERS, CaseFilterInputs, caseFilterQuery, ViewSwitch } from './CaseFilters';
import { DirectionBadge, VulnerabilityBadges, withFilters } from './shared';
import type { ReturnCaseSummary } from './types';

/** One card of the board. */
function CaseCard({ c }: { c: ReturnCaseSummary }) {
  const { t } = useTranslation();
  const country = useCountryName();
  return (
    <Paper withBorder p="xs" radius="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Anchor component={Link} to={`/returns/cases/${c.id}`} fw={600} size="sm">
          {personName(c.person)}
        </Anchor>
        <Text size="xs" c="dimmed">{c.caseNumber}</Text>
        <Group gap={4}>
          <DirectionBadge direction={c.direction} />
          <Text size="xs">{country(c.person.nationality)}</Text>
        </Group>
        <Text size="xs">{t('returns:pipeline.daysInState', { count: c.daysInState })}{c.memberCount > 0 ? ` · ${t('returns:pipeline.members', { count: c.memberCount })}` : ''}</Text>
        <VulnerabilityBadges c={c} />
      </Stack>
    </Paper>
  );
}

/** One status column. */
function Column({ column, filters }: { column: Pipeline['columns'][number]; filters: Record<string, string> }) {
  const { t } = useTranslation();
  const label = t(`returns:enum.status.${column.status}`);
  const more = column.count - column.cases.length;
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-0)" w={260} miw={260} component="section" aria-label={t('returns:pipeline.columnLabel', { status: label, count: column.count })}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5">{label}</Title>
        <Badge component={Link} to={withFilters('/returns/cases', { ...filters, status: column.status })} variant="filled" style={{ cursor: 'pointer' }} aria-label={t('returns:pipeline.countLink', { status: label, count: column.count })}>
          {column.count}
        </Badge>
      </Group>
      {column.cases.length === 0 ? (
        <Text size="sm" c="dimmed">{t('returns:pipeline.emptyColumn')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0}>
          {column.cases.map((c) => <CaseCard key={c.id} c={c} />)}
        </Stack>
      )}
      {more > 0 && (
        <Anchor component={Link} to={withFilters('/returns/cases', { ...filters, status: column.status })} size="sm" mt="xs" display="block">
          {t('returns:pipeline.more', { count: more })}
        </Anchor>
      )}
    </Paper>
  );
}

/** The board page. */
export default function PipelinePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const filters = useUrlFilters(CASE_FILTERS);
  const query = useQuery({
    queryKey: [...returnsKeys.pipeline, filters.values],
    queryFn: () => returnsApi.pipeline(caseFilterQuery(filters.values)),
    placeholderData: keepPreviousData,
  });
  const total = query.data?.columns.reduce((sum, c) => sum + c.count, 0) ?? 0;
  return (
    <>
      <PageHeader
        title={t('returns:pipeline.title')}
        description={t('returns:pipeline.description')}
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
      <Stack gap="md">
        <ListToolbar filters={<CaseFilterInputs filters={filters} />} canClear={filters.any} onClear={filters.clear} />
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : total === 0 ? (
          <EmptyState title={t('returns:cases.emptyTitle')} description={filters.any ? t('common:states.emptyFiltered') : t('returns:cases.emptyDescription')} />
        ) : (
          <ScrollArea type="auto" offsetScrollbars aria-busy={query.isFetching ? true : undefined}>
            <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
              {query.data.columns.map((column) => <Column key={column.status} column={column} filters={filters.values} />)}
            </Group>
          </ScrollArea>
        )}
      </Stack>
    </>
  );
}
