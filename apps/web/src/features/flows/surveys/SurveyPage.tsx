// /flows/surveys/:id: one survey, read-only. Fields are listed in the survey form's order with their
// labels; codes read through their enumeration's labels.
import { Alert, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryGate } from '../../../components/recordPages';
import { flowKeys, flowsApi } from '../api';
import { useCountryName, usePointName } from '../shared';

// Which enumeration labels each coded field (flows:enums.<group>.<code>).
const ENUM_OF: Record<string, string> = {
  sex: 'surveySex', maritalStatus: 'maritalStatus', education: 'education', employmentBefore: 'employmentBefore', occupationSector: 'occupationSector',
  timeSinceDeparture: 'timeSinceDeparture', reasons: 'reason', transportModes: 'transportMode', travelGroup: 'travelGroup', fundingSources: 'fundingSource',
  destinationReasons: 'destinationReason', plannedStay: 'plannedStay', intendsReturn: 'intendsReturn', journeyDifficulties: 'journeyDifficulty',
  informationNeeds: 'informationNeed', referredTo: 'referral',
};
const COUNTRY_FIELDS = new Set(['nationality', 'birthCountry', 'departureCountry', 'lastTransitCountry', 'nextCountry', 'finalDestinationCountry']);
const HIDDEN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'organisationId', 'fmpId', 'date', 'consent']);

/** The survey's page. */
export default function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useQuery({ queryKey: flowKeys.survey(id), queryFn: () => flowsApi.survey(id) });
  const pointName = usePointName();
  const country = useCountryName();

  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('common:values.yes') : t('common:values.no');
    const group = ENUM_OF[key];
    const label = (code: string) => (COUNTRY_FIELDS.has(key) ? country(code) : group ? t(`flows:enums.${group}.${code}`, { defaultValue: code }) : code);
    if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => label(String(v))).join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return label(String(value));
  };

  return (
    <QueryGate query={query}>
      {(survey) => (
        <>
          <PageHeader title={t('flows:surveys.pageTitle', { fmp: pointName(survey.fmpId), date: survey.date })} back={{ to: '/flows/surveys', label: t('flows:surveys.title') }} />
          <Stack gap="lg">
            <Alert color="blue" variant="light">
              {t('flows:surveys.microdataNotice')}
            </Alert>
            {!survey.consent && <Alert color="gray">{t('flows:surveys.noConsentNotice')}</Alert>}
            <Paper withBorder p="lg" radius="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                {Object.entries(survey)
                  .filter(([key]) => !HIDDEN.has(key))
                  .map(([key, value]) => (
                    <Stack key={key} gap={0}>
                      <Text size="xs" c="dimmed">
                        {t(`flows:surveyFields.${key}`, { defaultValue: key })}
                      </Text>
                      <Text size="sm">{show(key, value)}</Text>
                    </Stack>
                  ))}
              </SimpleGrid>
            </Paper>
          </Stack>
        </>
      )}
    </QueryGate>
  );
}
