// The dashboard's filters (period, point, direction, nationality) and chart settings (interval, line
// or bar), all kept in the URL so a view can be shared and survives Back.
import { Button, Group, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FLOW_DIRECTIONS } from '@taama/core';
import type { UrlFilters } from '../../../components/useUrlFilters';
import { useCountryOptions, useFlowEnum, usePointOptions } from '../shared';

/** The keys of the dashboard's URL. */
export const DASHBOARD_KEYS = ['from', 'to', 'fmpId', 'direction', 'nationality', 'status', 'interval', 'chart'] as const;
export type DashboardKey = (typeof DASHBOARD_KEYS)[number];

/** The filter bar. */
export function DashboardFilters({ filters }: { filters: UrlFilters<DashboardKey> }) {
  const { t } = useTranslation();
  const points = usePointOptions();
  const directions = useFlowEnum('direction', FLOW_DIRECTIONS);
  const countries = useCountryOptions(true);
  const { values, set } = filters;
  return (
    <Paper withBorder p="md" radius="md" mb="lg">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('flows:dashboard.filters')}>
          <TextInput type="date" label={t('flows:filters.from')} value={values.from} onChange={(e) => set('from', e.currentTarget.value)} w={160} />
          <TextInput type="date" label={t('flows:filters.to')} value={values.to} onChange={(e) => set('to', e.currentTarget.value)} w={160} />
          <Select label={t('flows:filters.fmp')} placeholder={t('common:filters.all')} data={points} value={values.fmpId || null} onChange={(v) => set('fmpId', v)} searchable clearable w={260} />
          <Select label={t('flows:filters.direction')} placeholder={t('common:filters.all')} data={directions} value={values.direction || null} onChange={(v) => set('direction', v)} clearable w={170} />
          <Select label={t('flows:filters.nationality')} placeholder={t('common:filters.all')} data={countries} value={values.nationality || null} onChange={(v) => set('nationality', v)} searchable clearable w={220} />
          {filters.any && (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={filters.clear}>
              {t('common:actions.clearFilters')}
            </Button>
          )}
        </Group>
        <Group gap="lg">
          <Group gap="xs">
            <Text size="sm" id="dashboard-interval">
              {t('flows:dashboard.interval')}
            </Text>
            <SegmentedControl
              aria-labelledby="dashboard-interval"
              size="xs"
              value={values.interval || 'month'}
              onChange={(v) => set('interval', v === 'month' ? null : v)}
              data={(['day', 'week', 'month'] as const).map((i) => ({ value: i, label: t(`flows:dashboard.intervals.${i}`) }))}
            />
          </Group>
          <Group gap="xs">
            <Text size="sm" id="dashboard-chart">
              {t('flows:dashboard.chartKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="dashboard-chart"
              size="xs"
              value={values.chart || 'line'}
              onChange={(v) => set('chart', v === 'line' ? null : v)}
              data={(['line', 'bar'] as const).map((k) => ({ value: k, label: t(`flows:dashboard.chartKinds.${k}`) }))}
            />
          </Group>
          <Switch label={t('flows:dashboard.includeUnvalidated')} checked={values.status === 'all'} onChange={(e) => set('status', e.currentTarget.checked ? 'all' : null)} />
        </Group>
      </Stack>
    </Paper>
  );
}
