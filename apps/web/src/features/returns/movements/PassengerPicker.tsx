// Adding a passenger: a search limited to booked cases of the movement's direction, with the seats
// each needs checked against the seats left.
import { useState, type FormEvent } from 'react';
import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { personName } from '../../registry/shared';
import { movementsApi, returnsApi } from '../api';
import { capacity, fits } from '../logic';
import { RefusalAlert, useReturnsRefresh } from '../shared';
import type { Movement } from '../types';

/** The add-passenger form of a planned movement. */
export function PassengerPicker({ movement: m }: { movement: Movement }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['returns', 'cases', 'booked', m.direction, q],
    queryFn: () => returnsApi.list({ status: 'booked', direction: m.direction, q: q || undefined, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const onBoard = new Set(m.passengers.map((p) => p.returnCaseId));
  const free = capacity(m.seats, m.seatsTaken);
  const options = (found.data?.items ?? [])
    .filter((c) => !onBoard.has(c.id))
    .map((c) => {
      const seats = 1 + c.memberCount;
      return { value: c.id, label: `${personName(c.person)} · ${c.caseNumber} · ${t('returns:movement.seatsCount', { count: seats })}`, disabled: !fits(free, seats) };
    });
  const add = useMutation({
    mutationFn: (id: string) => movementsApi.addPassenger(m.id, id),
    onSuccess: () => {
      setChosen(null);
      setSearch('');
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) add.mutate(chosen);
  };
  return (
    <form onSubmit={submit} aria-label={t('returns:movement.addPassenger')}>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('returns:movement.bookedCase')}
          description={t('returns:movement.bookedCaseHint', { direction: t(`returns:enum.direction.${m.direction}`) })}
          searchable
          data={options}
          value={chosen}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={setChosen}
          filter={({ options: all }) => all}
          nothingFoundMessage={t('returns:movement.noBooked')}
          style={{ flex: '1 1 22rem' }}
        />
        <Button type="submit" disabled={!chosen} loading={add.isPending}>{t('returns:movement.addPassenger')}</Button>
      </Group>
      <RefusalAlert error={add.error} />
    </form>
  );
}
