// Where the return stands in its travel: the movement it is booked on, the arrival once confirmed,
// and the reintegration case opened on arrival (inbound returns).
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../registry/shared';
import { ReintegrationLink } from '../reintegration';
import type { ReturnCase } from '../types';

/** The travel tab. */
export function TravelSection({ returnCase: c }: { returnCase: ReturnCase }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <Paper withBorder p="md" component="section" aria-label={t('returns:travel.movement')}>
        <Stack gap="xs">
          <Title order={2} size="h4">{t('returns:travel.movement')}</Title>
          {c.movement ? (
            <Text>
              <Anchor component={Link} to={`/returns/movements/${c.movement.id}`}>{c.movement.reference}</Anchor>
              {` · ${t('returns:travel.departure', { date: formatDay(c.movement.departureDate, i18n.language) })}`}
            </Text>
          ) : (
            <Text c="dimmed">{c.status === 'booked' ? t('returns:travel.notOnMovement') : t('returns:travel.noMovement')}</Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('returns:travel.arrival')}>
        <Stack gap="xs">
          <Title order={2} size="h4">{t('returns:travel.arrival')}</Title>
          <Text c={c.arrival ? undefined : 'dimmed'}>{c.arrival ? t('returns:travel.arrivedOn', { date: formatDay(c.arrival.arrivedOn, i18n.language) }) : t('returns:travel.notArrived')}</Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('returns:travel.reintegration')}>
        <Stack gap="xs">
          <Title order={2} size="h4">{t('returns:travel.reintegration')}</Title>
          {c.reintegrationCaseId ? (
            <ReintegrationLink id={c.reintegrationCaseId} number={c.reintegrationCaseNumber} />
          ) : (
            <Text c="dimmed">{c.direction === 'inbound' ? t('returns:travel.reintegrationOnArrival') : t('returns:travel.noReintegration')}</Text>
          )}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
