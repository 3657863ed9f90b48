// The household members travelling with the principal (each takes a seat); added and removed by
// saving the whole list with If-Match while the case is open.
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RELATIONSHIPS, type PersonSummary, type Relationship } from '@taama/core';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { personName, useCodeOptions } from '../../registry/shared';
import { returnsApi } from '../api';
import { PersonPicker } from '../PersonPicker';
import { useReturnsRefresh } from '../shared';
import type { ReturnCase } from '../types';

/** The members tab. */
export function MembersSection({ returnCase: c }: { returnCase: ReturnCase }) {
  const { t } = useTranslation();
  const refresh = useReturnsRefresh();
  const relationships = useCodeOptions('registry', 'relationship', RELATIONSHIPS);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('child');
  const editable = c.abilities.update && !['closed', 'withdrawn', 'departed', 'arrived'].includes(c.status);
  const current = c.members.map((m) => ({ personId: m.personId, relationship: m.relationship }));
  const save = useMutation({
    mutationFn: (members: { personId: string; relationship: Relationship }[]) => returnsApi.update(c.id, c.version, { members }),
    onSuccess: () => {
      setPerson(null);
      refresh();
    },
  });
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (person) save.mutate([...current, { personId: person.id, relationship }]);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">{t('returns:members.title')}</Title>
          <Text size="sm">{t('returns:newCase.seats', { count: 1 + c.members.length })}</Text>
        </Group>
        <FormErrorAlert error={save.error} onReload={refresh} />
        {c.members.length === 0 ? (
          <EmptyState title={t('returns:members.empty')} />
        ) : (
          <Table aria-label={t('returns:members.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('returns:members.person')}</Table.Th>
                <Table.Th>{t('returns:newCase.relationship')}</Table.Th>
                {editable && <Table.Th>{t('returns:members.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.members.map((m) => (
                <Table.Tr key={m.personId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/protection/people/${m.personId}`}>{personName(m.person)}</Anchor> <Text span size="xs" c="dimmed">{m.person.caseNumber}</Text>
                  </Table.Td>
                  <Table.Td>{t(`registry:codes.relationship.${m.relationship}`, { defaultValue: m.relationship })}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Button size="compact-sm" variant="subtle" color="red" loading={save.isPending} onClick={() => save.mutate(current.filter((x) => x.personId !== m.personId))} aria-label={t('returns:members.removeNamed', { name: personName(m.person) })}>
                        {t('returns:members.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && (
          <form onSubmit={add} aria-label={t('returns:newCase.addMember')}>
            <Group align="flex-end" wrap="wrap">
              <div style={{ flex: '1 1 18rem' }}>
                <PersonPicker label={t('returns:members.person')} value={person} onChange={setPerson} exclude={[c.person.id, ...c.members.map((m) => m.personId)]} />
              </div>
              <NativeSelect label={t('returns:newCase.relationship')} data={relationships} value={relationship} onChange={(e) => setRelationship(e.currentTarget.value as Relationship)} />
              <Button type="submit" disabled={!person} loading={save.isPending}>{t('returns:newCase.addMember')}</Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
