// Household and travel groups of a person: their members with relationship and head, creating a
// group around this person, adding someone found by search, removing a member.
import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Checkbox, Group as Row, NativeSelect, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GROUP_KINDS, RELATIONSHIPS, type Group, type GroupKind, type Person, type Relationship } from '@taama/core';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { groupsApi, peopleApi, registryKeys } from '../api';
import { personName, useCodeOptions } from '../shared';

function useRefresh(personId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: registryKeys.person(personId) });
}

/** A person chosen by typing a name, case number or phone. */
function PersonPicker({ value, onChange, exclude }: { value: string; onChange: (id: string) => void; exclude: readonly string[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({ queryKey: ['people', 'picker', q], queryFn: () => peopleApi.list({ q, limit: 10 }), enabled: q.length >= 2, placeholderData: keepPreviousData });
  const data = (found.data?.items ?? []).filter((p) => !exclude.includes(p.id)).map((p) => ({ value: p.id, label: `${personName(p)} (${p.caseNumber})` }));
  return (
    <Select
      label={t('registry:groups.member')}
      searchable
      data={data}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ?? '')}
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 ? t('registry:groups.nobody') : t('registry:groups.typeToSearch')}
      w={280}
    />
  );
}

/** Adds a member to a group. */
function AddMemberForm({ group, personId }: { group: Group; personId: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh(personId);
  const relationships = useCodeOptions('registry', 'relationship', RELATIONSHIPS);
  const [member, setMember] = useState('');
  const [relationship, setRelationship] = useState<Relationship>('child');
  const [isHead, setIsHead] = useState(false);
  const add = useMutation({
    mutationFn: () => groupsApi.addMember(group.id, { personId: member, relationship, isHead }),
    onSuccess: () => {
      setMember('');
      setIsHead(false);
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (member) add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('registry:groups.addMember')}>
      <Stack gap="xs">
        <FormErrorAlert error={add.error} />
        <Row align="flex-end" wrap="wrap">
          <PersonPicker value={member} onChange={setMember} exclude={group.members.map((m) => m.personId)} />
          <NativeSelect label={t('registry:groups.relationship')} data={relationships} value={relationship} onChange={(e) => setRelationship(e.currentTarget.value as Relationship)} />
          <Checkbox label={t('registry:groups.isHead')} checked={isHead} onChange={(e) => setIsHead(e.currentTarget.checked)} mb={8} />
          <Button type="submit" loading={add.isPending} disabled={!member}>{t('registry:groups.addMember')}</Button>
        </Row>
      </Stack>
    </form>
  );
}

/** One group with its members. */
function GroupCard({ group, person }: { group: Group; person: Person }) {
  const { t } = useTranslation();
  const refresh = useRefresh(person.id);
  const remove = useMutation({ mutationFn: (memberId: string) => groupsApi.removeMember(group.id, memberId), onSuccess: refresh });
  const canEdit = person.abilities.update;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t(`registry:codes.groupKind.${group.kind}`)}
          {group.name ? ` — ${group.name}` : ''}
        </Title>
        <Table verticalSpacing={4}>
          <Table.Caption>{t('registry:groups.members')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('registry:groups.member')}</Table.Th>
              <Table.Th scope="col">{t('registry:groups.relationship')}</Table.Th>
              {canEdit && <Table.Th scope="col">{t('registry:groups.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.members.map((m) => (
              <Table.Tr key={m.personId}>
                <Table.Td>
                  <Anchor component={Link} to={`/protection/people/${m.personId}`}>{m.displayName}</Anchor>{' '}
                  <Text span size="xs" c="dimmed">{m.caseNumber}</Text>
                </Table.Td>
                <Table.Td>
                  {t(`registry:codes.relationship.${m.relationship}`)} {m.isHead && <Badge size="sm" ml={4}>{t('registry:groups.head')}</Badge>}
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(m.personId)} loading={remove.isPending && remove.variables === m.personId} aria-label={t('registry:groups.removeNamed', { name: m.displayName })}>
                      {t('registry:groups.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <FormErrorAlert error={remove.error} />
        {canEdit && <AddMemberForm group={group} personId={person.id} />}
      </Stack>
    </Paper>
  );
}

/** Creates a group with this person as its first member. */
function CreateGroupForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const refresh = useRefresh(person.id);
  const kinds = useCodeOptions('registry', 'groupKind', GROUP_KINDS);
  const relationships = useCodeOptions('registry', 'relationship', RELATIONSHIPS);
  const [kind, setKind] = useState<GroupKind>('family');
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState<Relationship>('head');
  const create = useMutation({
    mutationFn: () => groupsApi.create({ kind, ...(name.trim() ? { name: name.trim() } : {}), members: [{ personId: person.id, relationship, isHead: relationship === 'head' }] }),
    onSuccess: () => {
      setName('');
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('registry:groups.create')}>
      <Stack gap="xs">
        <Title order={3} size="h5">{t('registry:groups.create')}</Title>
        <FormErrorAlert error={create.error} />
        <Row align="flex-end" wrap="wrap">
          <NativeSelect label={t('registry:groups.kind')} data={kinds} value={kind} onChange={(e) => setKind(e.currentTarget.value as GroupKind)} />
          <TextInput label={t('registry:groups.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} />
          <NativeSelect label={t('registry:groups.thisPersonIs')} data={relationships} value={relationship} onChange={(e) => setRelationship(e.currentTarget.value as Relationship)} />
          <Button type="submit" loading={create.isPending}>{t('registry:groups.createSubmit')}</Button>
        </Row>
      </Stack>
    </form>
  );
}

/** The groups tab. */
export function GroupsSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {person.groups.length === 0 && <EmptyState title={t('registry:groups.none')} description={t('registry:groups.noneDescription')} />}
      {person.groups.map((g) => (
        <GroupCard key={g.id} group={g} person={person} />
      ))}
      {person.abilities.update && person.status === 'active' && (
        <Paper withBorder p="md">
          <CreateGroupForm person={person} />
        </Paper>
      )}
    </Stack>
  );
}
