// Live duplicate warnings while a person is typed: the candidates the server finds, best first, each
// with its score, the reasons in words, and a link to open it.
import type { ReactNode } from 'react';
import { Alert, Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCheckInput, PossibleDuplicate } from '@taama/core';
import { peopleApi } from './api';
import { DuplicateReasons, personName, ScoreBadge, useBirthLabel, useCountryName } from './shared';

/** Asks the server for look-alikes of the record being typed, once typing pauses. */
export function useDuplicateCheck(input: DuplicateCheckInput | null) {
  const [debounced] = useDebouncedValue(input, 400);
  return useQuery({
    queryKey: ['people', 'duplicate-check', debounced],
    queryFn: ({ signal }) => peopleApi.duplicateCheck(debounced as DuplicateCheckInput, signal),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    select: (r) => r.items,
  });
}

/** One look-alike: name, case number, birth, nationality, score and reasons. */
export function CandidateCard({ candidate, actions }: { candidate: PossibleDuplicate; actions?: ReactNode }) {
  const { t } = useTranslation();
  const birth = useBirthLabel();
  const country = useCountryName();
  const p = candidate.person;
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/protection/people/${candidate.id}`} fw={600} target="_blank">
            {personName(p)}
          </Anchor>
          <ScoreBadge score={candidate.score} />
        </Group>
        <Text size="xs" c="dimmed">
          {p.caseNumber} · {t(`registry:codes.sex.${p.sex}`)} · {birth(p.dateOfBirth, p.dobPrecision)} · {country(p.nationality)}
          {p.siteName ? ` · ${p.siteName}` : ''}
        </Text>
        <DuplicateReasons reasons={candidate.reasons} />
        {actions}
      </Stack>
    </Paper>
  );
}

/** The side panel of the registration form. */
export function DuplicatePanel({ input }: { input: DuplicateCheckInput | null }) {
  const { t } = useTranslation();
  const check = useDuplicateCheck(input);
  const items = input ? (check.data ?? []) : [];
  return (
    <Stack gap="sm" component="aside" aria-labelledby="duplicate-panel-title">
      <Group gap="xs">
        <IconCopy size={18} aria-hidden />
        <Title order={2} size="h4" id="duplicate-panel-title">
          {t('registry:duplicates.panelTitle')}
        </Title>
        {check.isFetching && <Loader size="xs" aria-hidden />}
      </Group>
      <div aria-live="polite">
        {!input ? (
          <Text size="sm" c="dimmed">
            {t('registry:duplicates.typeNames')}
          </Text>
        ) : check.isError ? (
          <Text size="sm" c="red">
            {t('registry:duplicates.checkFailed')}
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {check.isPending ? t('registry:duplicates.checking') : t('registry:duplicates.none')}
          </Text>
        ) : (
          <Stack gap="xs">
            <Alert color="orange" variant="light" p="xs">
              {t('registry:duplicates.warning', { count: items.length })}
            </Alert>
            <Stack gap="xs" component="ul" p={0} m={0} aria-label={t('registry:duplicates.panelTitle')}>
              {items.map((c) => (
                <CandidateCard key={c.id} candidate={c} />
              ))}
            </Stack>
          </Stack>
        )}
      </div>
    </Stack>
  );
}
