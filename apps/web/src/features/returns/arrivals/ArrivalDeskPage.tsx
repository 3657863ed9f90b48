// The arrival desk of a reception site: the day's expected movements confirmed in one click, a
// spontaneous returnee registered and recorded, assistance on arrival, and the recent arrivals with
// their reintegration case.
import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../components/PageHeader';
import { useUrlFilters } from '../../../components/useUrlFilters';
import { today } from '../../registry/shared';
import { useSiteOptions } from '../sites';
import { ExpectedArrivals } from './ExpectedArrivals';
import { RecentArrivals } from './RecentArrivals';
import { UnexpectedArrivalForm } from './UnexpectedArrivalForm';

const FILTERS = ['siteId', 'date'] as const;

/** The arrival desk page; site and day default to the user's site and today. */
export default function ArrivalDeskPage() {
  const { t } = useTranslation();
  const me = useMe();
  const filters = useUrlFilters(FILTERS);
  const siteId = filters.values.siteId || me.site?.id || '';
  const date = filters.values.date || today();
  const sites = useSiteOptions(siteId);
  const [unexpected, setUnexpected] = useState(false);
  return (
    <>
      <PageHeader title={t('returns:desk.title')} description={t('returns:desk.description')} />
      <Stack gap="lg">
        <Group align="flex-end" wrap="wrap" role="search" aria-label={t('returns:desk.where')}>
          <Select label={t('returns:desk.site')} data={sites} value={siteId || null} onChange={(v) => filters.set('siteId', v)} searchable w={260} allowDeselect={false} />
          <TextInput type="date" label={t('returns:desk.date')} value={date} onChange={(e) => filters.set('date', e.currentTarget.value === today() ? null : e.currentTarget.value)} />
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} variant={unexpected ? 'light' : 'filled'} onClick={() => setUnexpected((x) => !x)} disabled={!siteId} aria-expanded={unexpected}>
            {t('returns:desk.unexpected')}
          </Button>
        </Group>
        {unexpected && siteId && (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">{t('returns:desk.unexpected')}</Title>
              <UnexpectedArrivalForm siteId={siteId} date={date} onDone={() => setUnexpected(false)} />
            </Stack>
          </Paper>
        )}
        <ExpectedArrivals siteId={siteId} date={date} />
        <Stack gap="sm" component="section" aria-label={t('returns:desk.recent')}>
          <Title order={2} size="h4">{t('returns:desk.recent')}</Title>
          <RecentArrivals siteId={siteId} date={date} />
        </Stack>
      </Stack>
    </>
  );
}
