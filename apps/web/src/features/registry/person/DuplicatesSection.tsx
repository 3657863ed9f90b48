// A person's possible duplicates (with review for those allowed to merge) and the merges that touched
// the record, each undoable by those allowed.
import { Alert, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Merge, Person } from '@taama/core';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { peopleApi, registryKeys } from '../api';
import { reviewPath } from '../CreatedDuplicates';
import { CandidateCard } from '../DuplicatePanel';

function MergeRow({ merge, person }: { merge: Merge; person: Person }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const unmerge = useMutation({
    mutationFn: () => peopleApi.unmerge(merge.sourceId),
    onSuccess: () => {
      for (const id of [merge.sourceId, merge.survivorId]) void queryClient.invalidateQueries({ queryKey: ['person', id] });
      void queryClient.invalidateQueries({ queryKey: registryKeys.people });
    },
  });
  const moved = Object.entries(merge.moved).map(([kind, n]) => `${t(`registry:merges.kinds.${kind}`, { defaultValue: kind })} ${n}`).join(', ');
  return (
    <Table.Tr>
      <Table.Td>
        <Link to={`/protection/people/${merge.sourceId === person.id ? merge.survivorId : merge.sourceId}`}>
          {merge.sourceId === person.id ? t('registry:merges.intoOther') : t('registry:merges.fromOther')}
        </Link>
      </Table.Td>
      <Table.Td>{formatDateTime(merge.mergedAt, i18n.language)}{merge.mergedBy ? ` · ${merge.mergedBy}` : ''}</Table.Td>
      <Table.Td>{moved || '—'}</Table.Td>
      <Table.Td>
        {merge.unmergedAt ? (
          t('registry:merges.undoneOn', { date: formatDateTime(merge.unmergedAt, i18n.language) })
        ) : person.abilities.merge ? (
          <Stack gap={2}>
            <Button size="compact-sm" variant="light" color="orange" loading={unmerge.isPending} onClick={() => unmerge.mutate()}>{t('registry:merges.unmerge')}</Button>
            {unmerge.error ? <Text size="xs" c="red" role="alert">{describeError(t, unmerge.error)}</Text> : null}
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The duplicates and merges tab. */
export function DuplicatesSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const duplicates = useQuery({ queryKey: registryKeys.duplicatesOf(person.id), queryFn: () => peopleApi.duplicates(person.id), enabled: person.status === 'active' });
  const merges = useQuery({ queryKey: registryKeys.merges(person.id), queryFn: () => peopleApi.merges(person.id) });
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('registry:duplicates.possibleTitle')}</Title>
        {person.status !== 'active' ? (
          <Alert color="gray">{t('registry:duplicates.notActive')}</Alert>
        ) : duplicates.isPending ? (
          <LoadingState />
        ) : duplicates.isError ? (
          <ErrorState error={duplicates.error} onRetry={() => void duplicates.refetch()} />
        ) : duplicates.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">{t('registry:duplicates.none')}</Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0}>
            {duplicates.data.items.map((c) => (
              <CandidateCard
                key={c.id}
                candidate={c}
                actions={person.abilities.merge && <Button component={Link} to={reviewPath(person.id, c.id)} size="xs" w="fit-content">{t('registry:duplicates.review')}</Button>}
              />
            ))}
          </Stack>
        )}
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('registry:merges.title')}</Title>
        {merges.isPending ? (
          <LoadingState />
        ) : merges.isError ? (
          <ErrorState error={merges.error} onRetry={() => void merges.refetch()} />
        ) : merges.data.items.length === 0 ? (
          <EmptyState title={t('registry:merges.none')} />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={560} type="native">
              <Table verticalSpacing="xs">
                <Table.Caption>{t('registry:merges.title')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('registry:merges.record')}</Table.Th>
                    <Table.Th scope="col">{t('registry:merges.when')}</Table.Th>
                    <Table.Th scope="col">{t('registry:merges.moved')}</Table.Th>
                    <Table.Th scope="col">{t('registry:merges.undo')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {merges.data.items.map((m) => <MergeRow key={m.id} merge={m} person={person} />)}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
    </Stack>
  );
}
