// The optional named list of an activity's participants. Saved whole; the server answers which
// participants attended an earlier activity (marked "repeat") and how many are new, so repeated
// attendance is not counted twice. The list must match the counted reach by sex and age group.
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { ApiError } from '../../../api/client';
import { awarenessApi, type CountedReach, type Participant, type ParticipantInput, type ParticipantList } from '../api';
import { gridOfParticipants, listMismatch } from '../reach';

interface ParticipantsEditorProps {
  activityId: string;
  /** The counted reach the list must match (none for an estimated audience). */
  reach: CountedReach | null;
  /** The size of the list saved so far (the API does not return the list itself). */
  savedCount: number;
  /** The list as last saved (consent to matching is not returned: it must be given again). */
  initial?: readonly Participant[];
  readOnly: boolean;
  onSaved: () => void;
}

type Row = ParticipantInput & { key: number; repeat?: boolean };

let nextKey = 1;
const blank = (): Row => ({ key: nextKey++, name: '', sex: 'female', ageGroup: 'adult', consentToMatch: false, phone: '' });

/** The participant list editor. */
export function ParticipantsEditor({ activityId, reach, savedCount, initial = [], readOnly, onSaved }: ParticipantsEditorProps) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => initial.map((p) => ({ key: nextKey++, name: p.name, sex: p.sex, ageGroup: p.ageGroup, consentToMatch: false, phone: '', repeat: p.repeat })));
  const [result, setResult] = useState<ParticipantList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const filled = rows.filter((r) => r.name.trim());
  const mismatch = reach ? listMismatch(reach, filled) : [];
  const fromList = gridOfParticipants(filled);

  const update = (key: number, patch: Partial<Row>) => setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch, repeat: undefined } : r)));

  const save = async () => {
    setPending(true);
    setError(null);
    try {
      const saved = await awarenessApi.putParticipants(
        activityId,
        filled.map(({ name, sex, ageGroup, consentToMatch, phone }) => ({ name: name.trim(), sex, ageGroup, consentToMatch, ...(phone?.trim() ? { phone: phone.trim() } : {}) })),
      );
      setResult(saved);
      setRows(saved.participants.map((p) => ({ key: nextKey++, name: p.name, sex: p.sex === 'male' ? 'male' : 'female', ageGroup: p.ageGroup, consentToMatch: false, phone: '', repeat: p.repeat })));
      notifications.show({ color: 'green', message: t('awareness:participants.saved', { count: saved.participants.length, unique: saved.uniqueNew }) });
      onSaved();
    } catch (cause) {
      setError(cause);
    } finally {
      setPending(false);
    }
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="participants-title">
      <Stack gap="sm">
        <Title id="participants-title" order={2} size="h4">
          {t('awareness:participants.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('awareness:participants.description')}
        </Text>
        {!reach && <Alert color="gray">{t('awareness:participants.estimateOnly')}</Alert>}
        {savedCount > 0 && !result && (
          <Text size="sm" data-testid="participants-saved">
            {t('awareness:participants.savedCount', { count: savedCount })}
          </Text>
        )}
        {error ? (
          <Alert color="red" role="alert" title={describeError(t, error)}>
            {error instanceof ApiError && Object.entries(error.fields).map(([path, message]) => <Text key={path} size="sm">{`${path} — ${message}`}</Text>)}
          </Alert>
        ) : null}
        {reach && (
          <Text size="sm" aria-live="polite" c={mismatch.length > 0 && filled.length > 0 ? 'orange' : 'dimmed'} data-testid="participants-match">
            {t('awareness:participants.match', { men: fromList.men, women: fromList.women, boys: fromList.boys, girls: fromList.girls, rmen: reach.men, rwomen: reach.women, rboys: reach.boys, rgirls: reach.girls })}
          </Text>
        )}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('awareness:participants.name')}</Table.Th>
                  <Table.Th scope="col">{t('awareness:participants.sex')}</Table.Th>
                  <Table.Th scope="col">{t('awareness:participants.ageGroup')}</Table.Th>
                  <Table.Th scope="col">{t('awareness:participants.phone')}</Table.Th>
                  <Table.Th scope="col">{t('awareness:participants.consent')}</Table.Th>
                  <Table.Th scope="col">{t('awareness:participants.status')}</Table.Th>
                  <Table.Th scope="col" w={1} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>
                      <TextInput size="md" aria-label={t('awareness:participants.nameN', { n: index + 1 })} value={row.name} disabled={readOnly} onChange={(e) => update(row.key, { name: e.currentTarget.value })} />
                    </Table.Td>
                    <Table.Td>
                      <Select size="md" w={120} aria-label={t('awareness:participants.sexN', { n: index + 1 })} allowDeselect={false} disabled={readOnly} value={row.sex} data={[{ value: 'female', label: t('awareness:enum.sex.female') }, { value: 'male', label: t('awareness:enum.sex.male') }]} onChange={(v) => update(row.key, { sex: v === 'male' ? 'male' : 'female' })} />
                    </Table.Td>
                    <Table.Td>
                      <Select size="md" w={130} aria-label={t('awareness:participants.ageGroupN', { n: index + 1 })} allowDeselect={false} disabled={readOnly} value={row.ageGroup} data={[{ value: 'adult', label: t('awareness:enum.ageGroup.adult') }, { value: 'child', label: t('awareness:enum.ageGroup.child') }]} onChange={(v) => update(row.key, { ageGroup: v === 'child' ? 'child' : 'adult' })} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="md" w={150} type="tel" aria-label={t('awareness:participants.phoneN', { n: index + 1 })} value={row.phone ?? ''} disabled={readOnly} onChange={(e) => update(row.key, { phone: e.currentTarget.value })} />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox size="md" aria-label={t('awareness:participants.consentN', { n: index + 1 })} checked={row.consentToMatch} disabled={readOnly} onChange={(e) => update(row.key, { consentToMatch: e.currentTarget.checked })} />
                    </Table.Td>
                    <Table.Td>{row.repeat === undefined ? '—' : row.repeat ? <Badge color="orange" variant="light">{t('awareness:participants.repeat')}</Badge> : <Badge color="teal" variant="light">{t('awareness:participants.new')}</Badge>}</Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon size="lg" variant="subtle" color="red" aria-label={t('awareness:participants.remove', { n: index + 1 })} onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {result && (
          <Text size="sm" data-testid="participants-result">
            {t('awareness:participants.result', { count: result.participants.length, unique: result.uniqueNew, repeats: result.participants.filter((p) => p.repeat).length })}
          </Text>
        )}
        {!readOnly && reach && (
          <Group justify="space-between">
            <Button variant="light" size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setRows((current) => [...current, blank()])}>
              {t('awareness:participants.add')}
            </Button>
            <Button size="md" loading={pending} onClick={() => void save()}>
              {t('awareness:participants.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
