// Creating or editing a movement (editing only while planned): kind, direction, dates, carrier,
// seats, its legs (at least one), escorts and, inbound, the Mali site receiving the arrivals.
import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, NativeSelect, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/forms';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { fieldError } from '../../registry/shared';
import { movementsApi, returnsKeys } from '../api';
import { useReturnOptions, useReturnsRefresh } from '../shared';
import { useSiteOptions } from '../sites';
import { ESCORT_ROLES, MOVEMENT_KINDS, type EscortRole, type Movement, type MovementInput, type MovementKind, type MovementLeg, type MovementPatch, type ReturnDirection } from '../types';

interface Values {
  kind: MovementKind;
  direction: ReturnDirection;
  reference: string;
  departureDate: string;
  arrivalDate: string;
  carrier: string;
  seats: number | string;
  legs: MovementLeg[];
  escorts: { name: string; role: EscortRole }[];
  receptionSiteId: string;
}

const emptyLeg = (): MovementLeg => ({ from: '', to: '', departAt: '', arriveAt: '', carrierRef: '' });

function initial(m: Movement | undefined): Values {
  return {
    kind: m?.kind ?? 'charter_flight',
    direction: m?.direction ?? 'inbound',
    reference: m?.reference ?? '',
    departureDate: m?.departureDate ?? '',
    arrivalDate: m?.arrivalDate ?? '',
    carrier: m?.carrier ?? '',
    seats: m?.seats ?? 100,
    legs: m?.legs.length ? m.legs.map((l) => ({ ...l, arriveAt: l.arriveAt ?? '', carrierRef: l.carrierRef ?? '' })) : [emptyLeg()],
    escorts: m?.escorts ?? [],
    receptionSiteId: m?.receptionSiteId ?? '',
  };
}

/** The client's checks of a movement; keys are the API's field paths. */
export function checkMovement(v: Values): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.departureDate) e.departureDate = 'required';
  if (v.arrivalDate && v.departureDate && v.arrivalDate < v.departureDate) e.arrivalDate = 'beforeDeparture';
  const seats = Number(v.seats);
  if (!Number.isInteger(seats) || seats < 1 || seats > 1000) e.seats = 'seats';
  if (v.legs.length === 0) e.legs = 'oneLeg';
  v.legs.forEach((leg, i) => {
    if (!leg.from.trim()) e[`legs.${i}.from`] = 'required';
    if (!leg.to.trim()) e[`legs.${i}.to`] = 'required';
    if (!leg.departAt) e[`legs.${i}.departAt`] = 'required';
    if (leg.arriveAt && leg.departAt && leg.arriveAt < leg.departAt) e[`legs.${i}.arriveAt`] = 'beforeDeparture';
  });
  v.escorts.forEach((escort, i) => {
    if (!escort.name.trim()) e[`escorts.${i}.name`] = 'required';
  });
  return e;
}

function legsOf(v: Values): MovementInput['legs'] {
  return v.legs.map((l) => ({ from: l.from.trim(), to: l.to.trim(), departAt: l.departAt, ...(l.arriveAt ? { arriveAt: l.arriveAt } : {}), ...(l.carrierRef?.trim() ? { carrierRef: l.carrierRef.trim() } : {}) }));
}

/** A new movement's request: empty optional fields are left out. */
export function toCreate(v: Values): MovementInput {
  return {
    kind: v.kind,
    direction: v.direction,
    ...(v.reference.trim() ? { reference: v.reference.trim() } : {}),
    departureDate: v.departureDate,
    ...(v.arrivalDate ? { arrivalDate: v.arrivalDate } : {}),
    ...(v.carrier.trim() ? { carrier: v.carrier.trim() } : {}),
    seats: Number(v.seats),
    legs: legsOf(v),
    escorts: v.escorts.map((x) => ({ name: x.name.trim(), role: x.role })),
    ...(v.direction === 'inbound' && v.receptionSiteId ? { receptionSiteId: v.receptionSiteId } : {}),
  };
}

/** An edit's request: emptied optional fields are cleared (null); direction and reference stay. */
export function toPatch(v: Values): MovementPatch {
  return {
    kind: v.kind,
    departureDate: v.departureDate,
    arrivalDate: v.arrivalDate || null,
    carrier: v.carrier.trim() || null,
    seats: Number(v.seats),
    legs: legsOf(v),
    escorts: v.escorts.map((x) => ({ name: x.name.trim(), role: x.role })),
    receptionSiteId: v.direction === 'inbound' && v.receptionSiteId ? v.receptionSiteId : null,
  };
}

/** The form itself, for a new movement or the one loaded. */
function MovementForm({ movement }: { movement?: Movement }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useReturnsRefresh();
  const kinds = useReturnOptions('movementKind', MOVEMENT_KINDS);
  const roles = useReturnOptions('escortRole', ESCORT_ROLES);
  const sites = useSiteOptions(movement?.receptionSiteId);
  const [v, setV] = useState<Values>(() => initial(movement));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => (movement ? movementsApi.update(movement.id, movement.version, toPatch(v)) : movementsApi.create(toCreate(v))),
    onSuccess: (saved) => {
      refresh();
      void navigate(`/returns/movements/${saved.id}`);
    },
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((x) => ({ ...x, [key]: value }));
  const setLeg = (i: number, patch: Partial<MovementLeg>) => setV((x) => ({ ...x, legs: x.legs.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const setEscort = (i: number, patch: Partial<Values['escorts'][number]>) => setV((x) => ({ ...x, escorts: x.escorts.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const err = (path: string) => (errors[path] ? t(`returns:movementForm.errors.${errors[path]}`) : fieldError(t, save.error, path));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkMovement(v);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const title = movement ? t('returns:movementForm.editTitle', { reference: movement.reference }) : t('returns:movementForm.newTitle');
  return (
    <>
      <PageHeader title={title} back={movement ? { to: `/returns/movements/${movement.id}`, label: movement.reference } : { to: '/returns/movements', label: t('returns:movements.title') }} />
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="lg" maw={960}>
          <FormErrorAlert error={save.error} onReload={() => void navigate(0)} />
          <Paper withBorder p="lg">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              <NativeSelect label={t('returns:movements.columns.kind')} data={kinds} value={v.kind} onChange={(e) => set('kind', e.currentTarget.value as MovementKind)} />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="movement-direction">{t('returns:movements.columns.direction')}</Text>
                <SegmentedControl aria-labelledby="movement-direction" disabled={Boolean(movement)} data={[{ value: 'inbound', label: t('returns:enum.direction.inbound') }, { value: 'outbound', label: t('returns:enum.direction.outbound') }]} value={v.direction} onChange={(d) => set('direction', d === 'outbound' ? 'outbound' : 'inbound')} />
              </Stack>
              <TextInput label={t('returns:movements.columns.reference')} description={movement ? undefined : t('returns:movementForm.referenceHint')} value={v.reference} disabled={Boolean(movement)} onChange={(e) => set('reference', e.currentTarget.value)} maxLength={40} error={err('reference')} />
              <TextInput type="date" label={t('returns:movementForm.departureDate')} required value={v.departureDate} onChange={(e) => set('departureDate', e.currentTarget.value)} error={err('departureDate')} />
              <TextInput type="date" label={t('returns:movementForm.arrivalDate')} value={v.arrivalDate} onChange={(e) => set('arrivalDate', e.currentTarget.value)} error={err('arrivalDate')} />
              <TextInput label={t('returns:movementForm.carrier')} value={v.carrier} onChange={(e) => set('carrier', e.currentTarget.value)} maxLength={200} error={err('carrier')} />
              <NumberInput label={t('returns:movementForm.seats')} required min={1} max={1000} allowDecimal={false} value={v.seats} onChange={(n) => set('seats', n)} error={err('seats')} />
              {v.direction === 'inbound' && <Select label={t('returns:movementForm.receptionSite')} description={t('returns:movementForm.receptionSiteHint')} data={sites} value={v.receptionSiteId || null} onChange={(s) => set('receptionSiteId', s ?? '')} searchable clearable error={err('receptionSiteId')} />}
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="lg" component="fieldset" style={{ margin: 0 }}>
            <Stack gap="sm">
              <Title order={2} size="h4" component="legend">{t('returns:movementForm.legs')}</Title>
              {err('legs') && <Text size="sm" c="red">{err('legs')}</Text>}
              {v.legs.map((leg, i) => (
                <Group key={i} align="flex-end" wrap="wrap" gap="xs" role="group" aria-label={t('returns:movementForm.leg', { number: i + 1 })}>
                  <TextInput label={t('returns:movementForm.legFrom')} required value={leg.from} onChange={(e) => setLeg(i, { from: e.currentTarget.value })} error={err(`legs.${i}.from`)} w={150} />
                  <TextInput label={t('returns:movementForm.legTo')} required value={leg.to} onChange={(e) => setLeg(i, { to: e.currentTarget.value })} error={err(`legs.${i}.to`)} w={150} />
                  <TextInput type="date" label={t('returns:movementForm.legDepart')} required value={leg.departAt} onChange={(e) => setLeg(i, { departAt: e.currentTarget.value })} error={err(`legs.${i}.departAt`)} />
                  <TextInput type="date" label={t('returns:movementForm.legArrive')} value={leg.arriveAt ?? ''} onChange={(e) => setLeg(i, { arriveAt: e.currentTarget.value })} error={err(`legs.${i}.arriveAt`)} />
                  <TextInput label={t('returns:movementForm.carrierRef')} value={leg.carrierRef ?? ''} onChange={(e) => setLeg(i, { carrierRef: e.currentTarget.value })} w={130} />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} disabled={v.legs.length === 1} aria-label={t('returns:movementForm.removeLeg', { number: i + 1 })} onClick={() => set('legs', v.legs.filter((_, j) => j !== i))}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group><Button variant="default" onClick={() => set('legs', [...v.legs, emptyLeg()])}>{t('returns:movementForm.addLeg')}</Button></Group>
            </Stack>
          </Paper>
          <Paper withBorder p="lg" component="fieldset" style={{ margin: 0 }}>
            <Stack gap="sm">
              <Title order={2} size="h4" component="legend">{t('returns:movementForm.escorts')}</Title>
              {v.escorts.length === 0 && <Text size="sm" c="dimmed">{t('returns:movementForm.noEscorts')}</Text>}
              {v.escorts.map((escort, i) => (
                <Group key={i} align="flex-end" wrap="wrap" gap="xs" role="group" aria-label={t('returns:movementForm.escort', { number: i + 1 })}>
                  <TextInput label={t('returns:movementForm.escortName')} required value={escort.name} onChange={(e) => setEscort(i, { name: e.currentTarget.value })} error={err(`escorts.${i}.name`)} w={240} />
                  <NativeSelect label={t('returns:movementForm.escortRole')} data={roles} value={escort.role} onChange={(e) => setEscort(i, { role: e.currentTarget.value as EscortRole })} />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('returns:movementForm.removeEscort', { number: i + 1 })} onClick={() => set('escorts', v.escorts.filter((_, j) => j !== i))}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group><Button variant="default" onClick={() => set('escorts', [...v.escorts, { name: '', role: 'operations' }])}>{t('returns:movementForm.addEscort')}</Button></Group>
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(movement ? `/returns/movements/${movement.id}` : '/returns/movements')} disabled={save.isPending}>{t('common:actions.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common:actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** /returns/movements/new and /returns/movements/:id/edit. */
export default function MovementFormPage() {
  const { id } = useParams();
  const query = useQuery({ queryKey: returnsKeys.movement(id ?? ''), queryFn: () => movementsApi.get(id ?? ''), enabled: Boolean(id) });
  if (!id) return <MovementForm />;
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <MovementForm movement={query.data} />;
}
