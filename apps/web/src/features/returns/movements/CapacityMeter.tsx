// How full a movement is: seats taken of seats, as a bar and in words (red when full or over).
import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { capacity } from '../logic';

const COLORS = { ok: 'teal', almost: 'orange', full: 'red', over: 'red' } as const;

/** The capacity meter; `compact` for table cells. */
export function CapacityMeter({ seats, taken, compact }: { seats: number; taken: number; compact?: boolean }) {
  const { t } = useTranslation();
  const c = capacity(seats, taken);
  const label = t('returns:capacity.label', { taken: c.taken, seats: c.seats });
  return (
    <Stack gap={2}>
      <Progress value={c.percent} color={COLORS[c.level]} size={compact ? 'sm' : 'lg'} aria-hidden />
      <Text size={compact ? 'xs' : 'sm'} data-testid="capacity">
        {label}
        {!compact && ` · ${c.free >= 0 ? t('returns:capacity.free', { count: c.free }) : t('returns:capacity.over', { count: -c.free })}`}
      </Text>
    </Stack>
  );
}
