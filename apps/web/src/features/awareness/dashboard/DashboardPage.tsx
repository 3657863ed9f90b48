// /awareness: the awareness dashboard. People reached against the 70,000 target, communities reached
// against 200 (gauge and map of communes), reach by type, region, sex and age; mass-media audiences
// apart, as estimates. Every number leads to the list behind it.
import { Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { awarenessApi, awarenessKeys } from '../api';
import { communitiesLink, type ActivityFilters } from '../links';
import { useRegionOptions } from '../shared';
import { CommuneMap } from './CommuneMap';
import { AwarenessFigures } from './Figures';
import { ReachByRegion, ReachByType, ReachOverTime, SexAgeSplit } from './ReachCharts';

const KEYS = ['from', 'to', 'regionPcode'] as const;

/** The dashboard page. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = useUrlFilters(KEYS);
  const regions = useRegionOptions();
  const { from, to, regionPcode } = filters.values;
  const query = useQuery({
    queryKey: [...awarenessKeys.dashboard, filters.values],
    queryFn: () => awarenessApi.dashboard({ from: from || undefined, to: to || undefined, regionPcode: regionPcode || undefined }),
    placeholderData: keepPreviousData,
  });
  const listFilters: ActivityFilters = { from: from || undefined, to: to || undefined, regionPcode: regionPcode || undefined };
  const data = query.data;

  return (
    <>
      <PageHeader title={t('awareness:dashboard.title')} description={t('awareness:dashboard.description')} />
      <Group align="flex-end" gap="sm" mb="lg" wrap="wrap" role="search">
        <TextInput type="date" label={t('awareness:filters.from')} value={from} onChange={(e) => filters.set('from', e.currentTarget.value)} />
        <TextInput type="date" label={t('awareness:filters.to')} value={to} onChange={(e) => filters.set('to', e.currentTarget.value)} />
        <Select label={t('awareness:filters.region')} placeholder={t('common:filters.all')} data={regions} value={regionPcode || null} onChange={(v) => filters.set('regionPcode', v)} clearable w={200} />
      </Group>
      {!data && query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <Stack gap="lg">
          <AwarenessFigures data={data} listFilters={listFilters} regionPcode={regionPcode || undefined} />
          <ReachOverTime data={data} filters={listFilters} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <CommuneMap
              title={t('awareness:dashboard.mapTitle')}
              description={t('awareness:dashboard.mapDescription')}
              values={data.byCommune}
              linkFor={(pcode) => communitiesLink({ communePcode: pcode, reached: 'true' })}
              onSelect={(pcode) => void navigate(communitiesLink({ communePcode: pcode }))}
            />
            <ReachByType data={data} filters={listFilters} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ReachByRegion data={data} filters={listFilters} />
            <SexAgeSplit data={data} filters={listFilters} />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
