// The reach of an activity on a tablet: men, women, boys and girls in large number boxes, the total
// typed by the facilitator beside the live sum (they must match), or an estimated audience.
import { Alert, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { cellsSum, reachErrors, REACH_CELLS, type ReachGrid as Grid, type ReachMode } from '../reach';

interface ReachGridProps {
  modes: readonly ReachMode[];
  mode: ReachMode;
  onMode: (mode: ReachMode) => void;
  grid: Grid;
  onGrid: (grid: Grid) => void;
  estimate: number | '';
  onEstimate: (value: number | '') => void;
  /** The server's or the form's message on the reach. */
  error?: string;
  disabled?: boolean;
}

const asNumber = (value: string | number): number | '' => (typeof value === 'number' ? value : value === '' ? '' : Number(value));

/** The reach grid with its live total. */
export function ReachGrid({ modes, mode, onMode, grid, onGrid, estimate, onEstimate, error, disabled }: ReachGridProps) {
  const { t } = useTranslation();
  const sum = cellsSum(grid);
  const problems = reachErrors(grid);
  const matches = grid.total !== '' && !problems.total;
  return (
    <Stack gap="sm">
      {modes.length > 1 && (
        <SegmentedControl
          size="md"
          value={mode}
          onChange={(value) => onMode(value === 'estimate' ? 'estimate' : 'counted')}
          data={modes.map((m) => ({ value: m, label: t(`awareness:reach.mode.${m}`) }))}
          aria-label={t('awareness:reach.modeLabel')}
          disabled={disabled}
        />
      )}
      {mode === 'estimate' ? (
        <NumberInput
          size="lg"
          label={t('awareness:reach.estimatedAudience')}
          description={t('awareness:reach.estimateHint')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          value={estimate}
          onChange={(v) => onEstimate(asNumber(v))}
          error={error}
          disabled={disabled}
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            {REACH_CELLS.map((cell) => (
              <NumberInput
                key={cell}
                size="lg"
                label={t(`awareness:reach.${cell}`)}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={grid[cell]}
                onChange={(v) => onGrid({ ...grid, [cell]: asNumber(v) })}
                error={problems[cell] ? t('awareness:reach.errors.integer') : undefined}
                disabled={disabled}
              />
            ))}
          </SimpleGrid>
          <Group align="flex-end" gap="lg" wrap="wrap">
            <NumberInput
              size="lg"
              label={t('awareness:reach.total')}
              description={t('awareness:reach.totalHint')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={grid.total}
              onChange={(v) => onGrid({ ...grid, total: asNumber(v) })}
              error={error ?? (problems.total === 'integer' ? t('awareness:reach.errors.integer') : undefined)}
              disabled={disabled}
              w={220}
            />
            <Text size="lg" aria-live="polite" data-testid="reach-sum" c={matches ? 'teal' : problems.total === 'mismatch' ? 'red' : 'dimmed'}>
              <Group gap={6} component="span">
                {matches ? <IconCheck size={20} aria-hidden /> : null}
                {t('awareness:reach.liveSum', { sum })}
              </Group>
            </Text>
          </Group>
          {problems.total === 'mismatch' && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
              {t('awareness:reach.errors.mismatch', { sum, total: grid.total })}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
