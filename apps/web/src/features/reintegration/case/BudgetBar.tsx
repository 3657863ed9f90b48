// The live budget bar of a plan: what is planned against the ceiling, in XOF with euros at the
// peg; it turns red when the plan goes over.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BudgetState } from '../logic';
import { formatXof } from '../shared';

/** The bar and its figures; announced to screen readers as they change. */
export function BudgetBar({ state }: { state: BudgetState }) {
  const { t, i18n } = useTranslation();
  const color = state.over ? 'red' : state.percent > 90 ? 'orange' : 'teal';
  return (
    <Stack gap={4} data-testid="budget-bar" data-over={state.over ? 'true' : 'false'}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600}>{t('reintegration:plan.budget.planned', { planned: formatXof(state.plannedXof, i18n.language), ceiling: formatXof(state.ceilingXof, i18n.language) })}</Text>
        <Text size="sm" c={state.over ? 'red' : 'dimmed'} fw={state.over ? 700 : undefined} aria-live="polite">
          {state.over
            ? t('reintegration:plan.budget.over', { amount: formatXof(-state.remainingXof, i18n.language) })
            : t('reintegration:plan.budget.remaining', { amount: formatXof(state.remainingXof, i18n.language) })}
        </Text>
      </Group>
      <Progress value={state.percent} color={color} size="lg" radius="sm" aria-label={t('reintegration:plan.budget.label')} />
    </Stack>
  );
}
