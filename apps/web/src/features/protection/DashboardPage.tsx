// The site dashboard (/protection): tonight's occupancy against capacity with the last 30 nights,
// today's arrivals, and what needs attention; every number opens the list behind it.
import { Anchor, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { formatNumber } from '../../app/format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useSites } from '../admin/shared';
import { formatDay } from '../registry/shared';
import { protectionKeys, sitesDashboardApi } from './api';
import { OccupancyChart } from './OccupancyChart';

const FILTERS = ['siteId'] as const;

interface StatProps {
  label: string;
  value: number;
  to: string;
  tone?: 'red' | 'orange';
  detail?: string;
}

/** One number of the dashboard, as a link to its list. */
function Stat({ label, value, to, tone, detail }: StatProps) {
  const { i18n } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Anchor component={Link} to={to} underline="hover" c="inherit" aria-label={`${label} : ${value}`}>
        <Text size="sm" c="dimmed">{label}</Text>
        <Text fz={32} fw={700} c={value > 0 ? tone : undefined}>
          {formatNumber(value, i18n.language)}
        </Text>
      </Anchor>
      {detail && <Text size="xs" c="dimmed">{detail}</Text>}
    </Card>
  );
}

/** The dashboard of the caller's site (or of the site chosen, for those who may read sites). */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const filters = useUrlFilters(FILTERS);
  const siteId = filters.values.siteId || undefined;
  const sites = useSites();
  const query = useQuery({ queryKey: [...protectionKeys.dashboard, siteId ?? ''], queryFn: () => sitesDashboardApi.dashboard({ siteId }) });
  const d = query.data;
  const site = d ? `&siteId=${d.siteId}` : '';

  return (
    <>
      <PageHeader
        title={t('areas:protection.title')}
        description={d ? t('protection:dashboard.description', { site: d.siteName, date: formatDay(d.date, i18n.language) }) : t('areas:protection.description')}
        actions={
          can('site.read') && (
            <Select
              label={t('protection:dashboard.site')}
              data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={siteId ?? d?.siteId ?? null}
              onChange={(id) => filters.set('siteId', id)}
              searchable
              w={260}
            />
          )
        }
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        d && (
          <Stack gap="lg">
            <Paper withBorder p="md">
              <Group justify="space-between" align="flex-start" mb="sm">
                <Stack gap={0}>
                  <Title order={2} size="h4">{t('protection:dashboard.occupancyTitle')}</Title>
                  <Text size="sm" c="dimmed">{t('protection:dashboard.last30')}</Text>
                </Stack>
                <Stack gap={0} align="flex-end">
                  <Text fz={28} fw={700} c={d.capacity !== null && d.occupiedTonight > d.capacity ? 'red' : undefined}>
                    {d.capacity === null
                      ? t('protection:dashboard.tonightNoCapacity', { count: d.occupiedTonight })
                      : t('protection:dashboard.tonight', { occupied: d.occupiedTonight, capacity: d.capacity })}
                  </Text>
                  {d.capacity !== null && d.occupiedTonight > d.capacity && <Text size="sm" c="red">{t('protection:dashboard.overCapacity')}</Text>}
                </Stack>
              </Group>
              <OccupancyChart nights={d.occupancy} capacity={d.capacity} />
            </Paper>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <Stat label={t('protection:dashboard.arrivalsToday')} value={d.arrivalsToday} to={`/protection/cases?assigned=all${site}`} />
              <Stat label={t('protection:dashboard.openCases')} value={d.openCases} to={`/protection/cases?assigned=all&status=open${site}`} />
              <Stat label={t('protection:dashboard.highPriority')} value={d.highPriorityCases} to={`/protection/cases?assigned=all&priority=high${site}`} tone="red" />
              <Stat label={t('protection:dashboard.openReferrals')} value={d.openReferrals} to="/protection/referrals?direction=outgoing&status=pending" />
              <Stat label={t('protection:dashboard.overdueReferrals')} value={d.overdueReferrals} to="/protection/referrals?direction=outgoing&overdue=true" tone="red" />
              <Stat label={t('protection:dashboard.overdueTasks')} value={d.overdueTasks} to="/protection/tasks?overdue=true" tone="orange" />
              <Stat label={t('protection:dashboard.awaitingApproval')} value={d.awaitingApproval} to="/protection/tasks?status=awaiting_approval" tone="orange" />
            </SimpleGrid>
          </Stack>
        )
      )}
    </>
  );
}
