// After a registration the server found look-alikes for: each one can be opened, set aside as a
// different person, or (for those allowed to merge) reviewed side by side.
import { useState } from 'react';
import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonCreated, PossibleDuplicate } from '@taama/core';
import { describeError } from '../../app/errors';
import { PageHeader } from '../../components/PageHeader';
import { peopleApi, registryKeys } from './api';
import { CandidateCard } from './DuplicatePanel';
import { personName } from './shared';

/** The review link for a pair, the new record first. */
export function reviewPath(firstId: string, secondId: string): string {
  return `/protection/duplicates/review?a=${encodeURIComponent(firstId)}&b=${encodeURIComponent(secondId)}`;
}

function CandidateActions({ person, candidate, onDismissed }: { person: PersonCreated; candidate: PossibleDuplicate; onDismissed: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => peopleApi.dismissDuplicate(person.id, candidate.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: registryKeys.queue });
      onDismissed();
    },
  });
  const name = personName(candidate.person);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button component={Link} to={`/protection/people/${candidate.id}`} size="xs" variant="default">
          {t('registry:duplicates.open')}
        </Button>
        <Button size="xs" variant="default" loading={dismiss.isPending} onClick={() => dismiss.mutate()} aria-label={t('registry:duplicates.differentFor', { name })}>
          {t('registry:duplicates.different')}
        </Button>
        {person.abilities.merge && (
          <Button component={Link} to={reviewPath(person.id, candidate.id)} size="xs">
            {t('registry:duplicates.review')}
          </Button>
        )}
      </Group>
      {dismiss.error ? (
        <Alert color="red" p="xs" role="alert">
          {describeError(t, dismiss.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The new record's look-alikes with what can be done about each. */
export function CreatedDuplicates({ person }: { person: PersonCreated }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const left = person.possibleDuplicates.filter((c) => !dismissed.has(c.id));
  return (
    <>
      <PageHeader title={t('registry:register.createdTitle', { caseNumber: person.caseNumber })} description={t('registry:register.createdDescription', { name: personName(person) })} />
      <Stack gap="md" maw={720}>
        {left.length > 0 ? (
          <Alert color="orange" variant="light" title={t('registry:duplicates.foundTitle', { count: left.length })}>
            {t('registry:duplicates.foundDescription')}
          </Alert>
        ) : (
          <Alert color="green" variant="light">
            {t('registry:duplicates.allDismissed')}
          </Alert>
        )}
        <Stack gap="xs" component="ul" p={0} m={0}>
          {left.map((c) => (
            <CandidateCard key={c.id} candidate={c} actions={<CandidateActions person={person} candidate={c} onDismissed={() => setDismissed((d) => new Set(d).add(c.id))} />} />
          ))}
        </Stack>
        <Anchor component={Link} to={`/protection/people/${person.id}`} fw={600}>
          {t('registry:register.openNew', { caseNumber: person.caseNumber })}
        </Anchor>
      </Stack>
    </>
  );
}
