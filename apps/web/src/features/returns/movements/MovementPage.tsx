// A movement: its details, legs and escorts, the capacity meter, the passengers (added from the booked
// cases of the same direction, removed while planned), departure and arrival confirmations, and the
// manifest (PDF, French or English) and passenger list (XLSX) downloads.
import { Anchor, Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { formatDay, personName } from '../../registry/shared';
import { movementFileUrl, movementsApi, returnsKeys } from '../api';
import { DirectionBadge, MovementStatusBadge, RefusalAlert, useReturnsRefresh } from '../shared';
import { useSiteOptions } from '../sites';
import type { Movement } from '../types';
import { ArrivalDialog } from './ArrivalDialog';
import { CapacityMeter } from './CapacityMeter';
import { DepartureDialog } from './DepartureDialog';
import { PassengerPicker } from './PassengerPicker';

/** The manifest and passenger-list downloads. */
function Downloads({ movement: m }: { movement: Movement }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs">
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>{t('returns:movement.manifest')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={movementFileUrl(m.id, 'manifest.pdf', 'fr')} download>{t('returns:movement.manifestFr')}</Menu.Item>
          <Menu.Item component="a" href={movementFileUrl(m.id, 'manifest.pdf', 'en')} download>{t('returns:movement.manifestEn')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button component="a" variant="default" href={movementFileUrl(m.id, 'passengers.xlsx', i18n.language === 'en' ? 'en' : 'fr')} download leftSection={<IconDownload size={16} aria-hidden />}>
        {t('returns:movement.xlsx')}
      </Button>
    </Group>
  );
}

/** The passengers table. */
function Passengers({ movement: m, manage }: { movement: Movement; manage: boolean }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const remove = useMutation({ mutationFn: (id: string) => movementsApi.removePassenger(m.id, id), onSuccess: refresh });
  const planned = m.status === 'planned';
  if (m.passengers.length === 0) return <EmptyState title={t('returns:movement.noPassengers')} description={planned && manage ? t('returns:movement.noPassengersHint') : undefined} />;
  return (
    <Stack gap="xs">
      <RefusalAlert error={remove.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label={t('returns:movement.passengers')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('returns:movement.passenger')}</Table.Th>
              <Table.Th>{t('returns:movement.members')}</Table.Th>
              <Table.Th>{t('returns:movement.seats')}</Table.Th>
              <Table.Th>{t('returns:movement.status')}</Table.Th>
              {planned && manage && <Table.Th>{t('returns:members.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.passengers.map((p) => (
              <Table.Tr key={p.returnCaseId}>
                <Table.Td>
                  <Anchor component={Link} to={`/returns/cases/${p.returnCaseId}`}>{p.caseNumber}</Anchor>
                  <Text size="sm">{personName(p.person)}</Text>
                </Table.Td>
                <Table.Td>{p.members.length > 0 ? p.members.map((x) => personName(x.person)).join(', ') : '—'}</Table.Td>
                <Table.Td>{p.seats}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light" color={p.departureStatus === 'no_show' ? 'red' : p.departureStatus === 'departed' ? 'violet' : 'blue'}>{t(`returns:enum.departureStatus.${p.departureStatus}`)}</Badge>
                    {p.arrived && <Badge variant="light" color="green">{t('returns:movement.arrived')}</Badge>}
                  </Group>
                  {p.noShowReason && <Text size="xs" c="dimmed">{t(`returns:enum.withdrawalReason.${p.noShowReason}`, { defaultValue: p.noShowReason })}</Text>}
                </Table.Td>
                {planned && manage && (
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" color="red" loading={remove.isPending && remove.variables === p.returnCaseId} onClick={() => remove.mutate(p.returnCaseId)} aria-label={t('returns:movement.removeNamed', { name: personName(p.person) })}>
                      {t('returns:movement.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The movement page. */
export default function MovementPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const query = useQuery({ queryKey: returnsKeys.movement(id), queryFn: () => movementsApi.get(id) });
  const sites = useSiteOptions(query.data?.receptionSiteId);
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('returns:movement.title')} back={{ to: '/returns/movements', label: t('returns:movements.title') }} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  const m = query.data;
  const manage = can('movement.manage');
  const day = (d: string | null | undefined) => formatDay(d, i18n.language);
  const site = sites.find((s) => s.value === m.receptionSiteId)?.label;
  return (
    <>
      <PageHeader
        title={m.reference}
        back={{ to: '/returns/movements', label: t('returns:movements.title') }}
        badges={
          <Group gap={6}>
            <MovementStatusBadge status={m.status} />
            <DirectionBadge direction={m.direction} />
          </Group>
        }
        description={`${t(`returns:enum.movementKind.${m.kind}`)} · ${t('returns:travel.departure', { date: day(m.departureDate) })}${m.arrivalDate ? ` · ${t('returns:movement.arrivalPlanned', { date: day(m.arrivalDate) })}` : ''}${m.carrier ? ` · ${m.carrier}` : ''}${site ? ` · ${t('returns:movement.receptionAt', { site })}` : ''}`}
        actions={
          <Group gap="xs">
            <Downloads movement={m} />
            {m.abilities.update && <Button component={Link} to={`/returns/movements/${m.id}/edit`} variant="default">{t('common:actions.edit')}</Button>}
            {m.abilities.confirmDeparture && <DepartureDialog movement={m} />}
            {m.abilities.confirmArrival && <ArrivalDialog movement={m} />}
          </Group>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Paper withBorder p="md" component="section" aria-label={t('returns:movement.capacity')}>
            <Stack gap="xs">
              <Title order={2} size="h4">{t('returns:movement.capacity')}</Title>
              <CapacityMeter seats={m.seats} taken={m.seatsTaken} />
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-label={t('returns:movementForm.legs')}>
            <Stack gap="xs">
              <Title order={2} size="h4">{t('returns:movementForm.legs')}</Title>
              {m.legs.map((l, i) => (
                <Text key={i} size="sm">{`${l.from} → ${l.to} · ${day(l.departAt)}${l.arriveAt ? ` – ${day(l.arriveAt)}` : ''}${l.carrierRef ? ` · ${l.carrierRef}` : ''}`}</Text>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-label={t('returns:movementForm.escorts')}>
            <Stack gap="xs">
              <Title order={2} size="h4">{t('returns:movementForm.escorts')}</Title>
              {m.escorts.length === 0 ? <Text size="sm" c="dimmed">{t('returns:movementForm.noEscorts')}</Text> : m.escorts.map((e, i) => <Text key={i} size="sm">{`${e.name} · ${t(`returns:enum.escortRole.${e.role}`)}`}</Text>)}
            </Stack>
          </Paper>
        </SimpleGrid>
        <Paper withBorder p="md" component="section" aria-label={t('returns:movement.passengers')}>
          <Stack gap="sm">
            <Title order={2} size="h4">{t('returns:movement.passengers')}</Title>
            {m.abilities.addPassengers && <PassengerPicker movement={m} />}
            <Passengers movement={m} manage={manage && m.abilities.addPassengers} />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
