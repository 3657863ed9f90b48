// /awareness: the awareness dashboard. People reached against the 70,000 target, communities reached
// against 200 (gauge and map of communes), reach by type, region, sex and age; mass-media audiences
// apart, as estimates. Every number leads to the list behind it.
import { Anchor, Group, Paper, Progress, RingProgress, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatNumber } from '../../../app/format';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { awarenessApi, awarenessKeys } from '../api';
import { activitiesLink, communitiesLink, targetShare, type ActivityFilters } from '../links';
import { useRegionOptions } from '../shared';
import { CommuneMap } from './CommuneMap';
import { ReachByRegion, ReachByType, ReachOverTime, SexAgeSplit } from './ReachCharts';

const KEYS = ['from', 'to', 'regionPcode'] as const;

/** The dashboard page. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
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
  const n = (value: number) => formatNumber(value, i18n.language);
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
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="kpi-people">
              <Text id="kpi-people" size="sm" c="dimmed">
                {t('awareness:dashboard.peopleReached')}
              </Text>
              <Group gap={6} align="baseline">
                <Anchor component={Link} to={activitiesLink(listFilters)} size="xl" fw={700} data-testid="people-reached">
                  {n(data.peopleReached)}
                </Anchor>
                <Text size="sm" c="dimmed">
                  / {n(data.targets.peopleReached)}
                </Text>
              </Group>
              <Progress mt="xs" value={targetShare(data.peopleReached, data.targets.peopleReached)} aria-label={t('awareness:dashboard.peopleTargetShare', { share: targetShare(data.peopleReached, data.targets.peopleReached) })} />
              <Text size="xs" c="dimmed" mt={4}>
                {t('awareness:dashboard.peopleReachedHint')}
              </Text>
            </Paper>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="kpi-communities">
              <Group gap="md" wrap="nowrap">
                <RingProgress size={96} thickness={10} roundCaps sections={[{ value: targetShare(data.communitiesReached, data.targets.communities), color: 'teal' }]} label={<Text ta="center" size="xs">{targetShare(data.communitiesReached, data.targets.communities)} %</Text>} />
                <Stack gap={0}>
                  <Text id="kpi-communities" size="sm" c="dimmed">
                    {t('awareness:dashboard.communitiesReached')}
                  </Text>
                  <Group gap={6} align="baseline">
                    <Anchor component={Link} to={communitiesLink({ reached: 'true', regionPcode: regionPcode || undefined })} size="xl" fw={700} data-testid="communities-reached">
                      {n(data.communitiesReached)}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      / {n(data.targets.communities)}
                    </Text>
                  </Group>
                </Stack>
              </Group>
            </Paper>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="kpi-estimated" bg="gray.0">
              <Text id="kpi-estimated" size="sm" c="dimmed">
                {t('awareness:dashboard.estimatedAudience')}
              </Text>
              <Anchor component={Link} to={activitiesLink(listFilters)} size="xl" fw={700} c="dimmed" data-testid="estimated-audience">
                ≈ {n(data.estimatedAudience)}
              </Anchor>
              <Text size="xs" c="dimmed" mt={4}>
                {t('awareness:dashboard.estimatedHint')}
              </Text>
            </Paper>
          </SimpleGrid>
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
