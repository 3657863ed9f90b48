// Nights of a site as CSS bars: occupied beds per night against the capacity line (no chart library,
// so this route stays light). The numbers are also in a visually hidden table for screen readers.
import { Box, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/shared';

interface Night {
  night: string;
  occupied: number;
  overCapacity: boolean;
}

const HEIGHT = 120;

/** One bar per night, red when over capacity; a dashed line at capacity. */
export function OccupancyChart({ nights, capacity }: { nights: readonly Night[]; capacity: number | null }) {
  const { t, i18n } = useTranslation();
  const top = Math.max(1, capacity ?? 0, ...nights.map((n) => n.occupied));
  return (
    <Stack gap={4}>
      <Box pos="relative" h={HEIGHT} aria-hidden>
        {capacity !== null && (
          <Box pos="absolute" left={0} right={0} bottom={(capacity / top) * HEIGHT} style={{ borderTop: '1px dashed var(--mantine-color-dark-3)' }} />
        )}
        <Group gap={2} align="flex-end" h="100%" wrap="nowrap">
          {nights.map((n) => (
            <Tooltip key={n.night} label={t('protection:dashboard.nightTooltip', { date: formatDay(n.night, i18n.language), count: n.occupied })}>
              <Box
                style={{ flex: 1, minWidth: 3, height: `${(n.occupied / top) * 100}%`, minHeight: n.occupied > 0 ? 2 : 0, borderRadius: 2 }}
                bg={n.overCapacity ? 'red.6' : 'blue.5'}
              />
            </Tooltip>
          ))}
        </Group>
      </Box>
      {nights.length > 0 && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">{formatDay(nights[0]?.night, i18n.language)}</Text>
          <Text size="xs" c="dimmed">{formatDay(nights[nights.length - 1]?.night, i18n.language)}</Text>
        </Group>
      )}
      <VisuallyHidden>
        <table>
          <caption>{t('protection:dashboard.occupancyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('protection:dashboard.night')}</th>
              <th scope="col">{t('protection:dashboard.occupied')}</th>
            </tr>
          </thead>
          <tbody>
            {nights.map((n) => (
              <tr key={n.night}>
                <td>{formatDay(n.night, i18n.language)}</td>
                <td>{n.occupied}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Stack>
  );
}
