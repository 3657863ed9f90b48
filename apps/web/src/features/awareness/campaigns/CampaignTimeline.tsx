// Campaigns on a month-by-month timeline: a shaded cell for each month a campaign runs, with the number
// of its activities that month (linked to them).
import { Anchor, Box, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { awarenessApi, awarenessKeys, type Campaign } from '../api';
import { activitiesLink, monthRange } from '../links';
import { activitiesByMonth, coversMonth, monthsBetween } from './timeline';

/** The timeline of the campaigns shown in the list. */
export function CampaignTimeline({ campaigns }: { campaigns: readonly Campaign[] }) {
  const { t, i18n } = useTranslation();
  const start = campaigns.reduce((min, c) => (c.startsOn < min ? c.startsOn : min), campaigns[0]?.startsOn ?? '');
  const end = campaigns.reduce((max, c) => (c.endsOn > max ? c.endsOn : max), campaigns[0]?.endsOn ?? '');
  const months = start && end ? monthsBetween(start, end, 18) : [];
  const lastMonth = months[months.length - 1];
  const activities = useQuery({
    queryKey: [...awarenessKeys.activities, 'timeline', start, end],
    queryFn: () => awarenessApi.activities({ from: start, to: lastMonth ? monthRange(lastMonth)?.to : end, limit: 500 }),
    enabled: months.length > 0,
  });
  const counts = activitiesByMonth(activities.data?.items ?? []);
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  if (months.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Title id="timeline-title" order={2} size="h4" mb="xs">
        {t('awareness:campaigns.timeline')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('awareness:campaigns.timelineHint')}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(480, 160 + months.length * 56)} type="native">
        <Table withColumnBorders fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('awareness:campaigns.fields.name')}</Table.Th>
              {months.map((m) => (
                <Table.Th key={m} scope="col" ta="center">
                  {monthName.format(new Date(`${m}-01T00:00:00Z`))}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {campaigns.map((campaign) => (
              <Table.Tr key={campaign.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/awareness/campaigns/${encodeURIComponent(campaign.id)}`} size="sm">
                    {campaign.name}
                  </Anchor>
                </Table.Th>
                {months.map((m) => {
                  const active = coversMonth(campaign, m);
                  const count = counts.get(campaign.id)?.get(m) ?? 0;
                  const range = monthRange(m);
                  return (
                    <Table.Td key={m} p={0} ta="center" aria-label={active ? t('awareness:campaigns.cell', { count, month: m }) : undefined}>
                      <Box bg={active ? 'blue.1' : undefined} py={6}>
                        {count > 0 && range ? (
                          <Anchor component={Link} to={activitiesLink({ campaignId: campaign.id, ...range })} size="xs" fw={700}>
                            {count}
                          </Anchor>
                        ) : active ? (
                          '·'
                        ) : null}
                      </Box>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
