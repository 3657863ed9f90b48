// /mobility/rights: the free-movement rights reference for counsellors. Pick a date, the traveller's
// nationality and the host country: the page shows which rules applied on that date, with the dated
// change for Mali, Burkina Faso and Niger after their withdrawal from ECOWAS, and the notice.
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { today } from '../../awareness/activities/ActivityForm';
import { useCountryOptions } from '../../flows/shared';
import { mobilityApi } from '../api';
import { AES_WITHDRAWAL, concernsAesChange, dayBefore, rightsView } from './rightsView';

const KEYS = ['date', 'nationality', 'hostCountry'] as const;
const REGIME_COLORS = { ecowas: 'teal', aes_transition: 'orange', none: 'gray' } as const;

/** The rights reference page. */
export default function RightsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const filters = useUrlFilters(KEYS);
  const countries = useCountryOptions();
  const date = filters.values.date || today();
  const nationality = filters.values.nationality || 'MLI';
  const hostCountry = filters.values.hostCountry || 'SEN';
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const query = useQuery({
    queryKey: ['mobility', 'rights', date, nationality, hostCountry],
    queryFn: () => mobilityApi.rights({ date, nationality, hostCountry }),
    enabled: valid,
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
  const view = query.data ? rightsView(query.data, lang) : null;
  const formatDate = (value: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));

  return (
    <>
      <PageHeader title={t('mobility:rights.title')} description={t('mobility:rights.description')} />
      <Stack gap="lg" maw={980}>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput size="md" type="date" label={t('mobility:rights.date')} value={date} onChange={(e) => filters.set('date', e.currentTarget.value)} />
            <Select size="md" label={t('mobility:rights.nationality')} data={countries} searchable allowDeselect={false} value={nationality} onChange={(v) => filters.set('nationality', v)} />
            <Select size="md" label={t('mobility:rights.hostCountry')} data={countries} searchable allowDeselect={false} value={hostCountry} onChange={(v) => filters.set('hostCountry', v)} />
          </SimpleGrid>
          {concernsAesChange(nationality, hostCountry) && (
            <Group mt="sm" gap="xs">
              <Text size="sm" c="dimmed">
                {t('mobility:rights.aesChange', { date: formatDate(AES_WITHDRAWAL) })}
              </Text>
              <Button size="compact-sm" variant="light" onClick={() => filters.set('date', dayBefore(AES_WITHDRAWAL))}>
                {t('mobility:rights.before')}
              </Button>
              <Button size="compact-sm" variant="light" onClick={() => filters.set('date', AES_WITHDRAWAL)}>
                {t('mobility:rights.after')}
              </Button>
            </Group>
          )}
        </Paper>
        {!valid && <EmptyState title={t('mobility:rights.pickDate')} />}
        {valid && query.isPending && <LoadingState />}
        {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
        {view && (
          <Stack gap="md" data-testid="rights-answer">
            <Group gap="sm">
              <Title order={2} size="h3">
                {t('mobility:rights.onDate', { date: formatDate(date) })}
              </Title>
              <Badge size="lg" color={REGIME_COLORS[view.regime]} data-testid="rights-regime">
                {t(`mobility:enum.regime.${view.regime}`)}
              </Badge>
            </Group>
            <Alert color={view.regime === 'aes_transition' ? 'orange' : 'blue'} icon={<IconInfoCircle aria-hidden />} title={t('mobility:rights.notice')}>
              {view.notice}
            </Alert>
            {view.rules.length === 0 && <EmptyState title={t('mobility:rights.noRules')} />}
            {view.rules.map((rule) => (
              <Paper key={rule.code} withBorder p="md" component="article" aria-labelledby={`rule-${rule.code}`}>
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start">
                    <Title id={`rule-${rule.code}`} order={3} size="h5">
                      {rule.title}
                    </Title>
                    {rule.toBeChecked && (
                      <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                        {t('mobility:rights.toBeChecked', { date: view.writtenOn })}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">{rule.text}</Text>
                  <Text size="xs" c="dimmed">
                    {t('mobility:rights.source', { source: rule.source })} · {rule.validTo ? t('mobility:rights.validBetween', { from: rule.validFrom, to: rule.validTo }) : t('mobility:rights.validFrom', { from: rule.validFrom })}
                  </Text>
                </Stack>
              </Paper>
            ))}
            <Text size="xs" c="dimmed">
              {t('mobility:rights.writtenOn', { date: view.writtenOn })}
            </Text>
          </Stack>
        )}
      </Stack>
    </>
  );
}
