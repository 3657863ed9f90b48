// Labels, options and counters the free-movement screens share.
import { useCallback, useMemo } from 'react';
import { Anchor, Group, Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MobilityDashboard } from '@taama/core';
import { formatNumber } from '../../app/format';
import { targetShare } from '../awareness/links';
import { mobilityApi, mobilityKeys } from './api';

/** Select options for an enumeration labelled from `mobility:enum.<group>.<code>`. */
export function useMobilityEnum(group: string, codes: readonly string[]) {
  const { t } = useTranslation();
  return useMemo(() => codes.map((code) => ({ value: code, label: t(`mobility:enum.${group}.${code}`, { defaultValue: code }) })), [t, group, codes]);
}

/** One enumeration label (the code itself when unknown to this version). */
export function useMobilityLabel() {
  const { t } = useTranslation();
  return useCallback((group: string, code: string | null | undefined) => (code ? t(`mobility:enum.${group}.${code}`, { defaultValue: code }) : '—'), [t]);
}

/** Select options for the institutions (a few hundred at most: read at once). */
export function useInstitutionOptions() {
  const institutions = useQuery({ queryKey: [...mobilityKeys.institutions, 'all'], queryFn: () => mobilityApi.institutions({ limit: 500 }), staleTime: 60_000 });
  return useMemo(() => (institutions.data?.items ?? []).map((i) => ({ value: i.id, label: i.name })), [institutions.data]);
}

/** Select options for the border posts. */
export function useBorderPostOptions() {
  const posts = useQuery({ queryKey: [...mobilityKeys.borderPosts, 'all'], queryFn: () => mobilityApi.borderPosts({ limit: 500 }), staleTime: 60_000 });
  return useMemo(() => (posts.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), [posts.data]);
}

/** Officials trained against the target and institutions strengthened, each linked to its trainings. */
export function TrainingCounters({ data }: { data: Pick<MobilityDashboard, 'targets' | 'officialsTrained' | 'institutionsStrengthened' | 'trainings'> }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const share = targetShare(data.officialsTrained, data.targets.officialsTrained);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t('mobility:counters.officialsTrained')}
        </Text>
        <Group gap={6} align="baseline">
          <Anchor component={Link} to="/mobility/trainings" size="xl" fw={700} data-testid="officials-trained">
            {n(data.officialsTrained)}
          </Anchor>
          <Text size="sm" c="dimmed">
            / {n(data.targets.officialsTrained)}
          </Text>
        </Group>
        <Progress mt="xs" value={share} aria-label={t('mobility:counters.targetShare', { share })} />
        <Text size="xs" c="dimmed" mt={4}>
          {t('mobility:counters.officialsHint')}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t('mobility:counters.institutionsStrengthened')}
        </Text>
        <Anchor component={Link} to="/mobility/institutions" size="xl" fw={700} data-testid="institutions-strengthened">
          {n(data.institutionsStrengthened)}
        </Anchor>
        <Text size="xs" c="dimmed" mt={4}>
          {t('mobility:counters.institutionsHint')}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t('mobility:counters.trainings')}
        </Text>
        <Anchor component={Link} to="/mobility/trainings" size="xl" fw={700}>
          {n(data.trainings)}
        </Anchor>
      </Paper>
    </SimpleGrid>
  );
}

/** The dashboard's counters, loaded for the pages that show them. */
export function useMobilityDashboard(filters: { from?: string; to?: string } = {}) {
  return useQuery({ queryKey: [...mobilityKeys.dashboard, filters], queryFn: () => mobilityApi.dashboard(filters) });
}
