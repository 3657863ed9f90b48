// The dashboard's headline figures: people reached against the target, communities reached against
// theirs (a gauge), and the mass-media audience apart, as an estimate. Each links to its list.
import { Anchor, Group, Paper, Progress, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../app/format';
import type { AwarenessDashboard } from '../api';
import { activitiesLink, communitiesLink, targetShare, type ActivityFilters } from '../links';

interface FiguresProps {
  data: AwarenessDashboard;
  /** The dashboard's filters, carried into the links. */
  listFilters: ActivityFilters;
  regionPcode?: string;
}

/** The three headline figures. */
export function AwarenessFigures({ data, listFilters, regionPcode }: FiguresProps) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
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
              <Anchor component={Link} to={communitiesLink({ reached: 'true', regionPcode })} size="xl" fw={700} data-testid="communities-reached">
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
    </SimpleGrid>  );
}
