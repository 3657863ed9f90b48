// /awareness/communities/new and /:id: a community — its record, the activities held there with the
// people reached, and the change in knowledge between the before and after surveys.
import { Fragment, useMemo } from 'react';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { formatNumber } from '../../../app/format';
import { EChart } from '../../../components/charts/EChart';
import { PageHeader } from '../../../components/PageHeader';
import { QueryGate, useCreateRecord, useEditRecord, versionKey, type RecordResource } from '../../../components/recordPages';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { awarenessApi, awarenessKeys, type Community, type CommunityInput, type CommunityPatch, type SurveyChange } from '../api';
import { activitiesLink } from '../links';
import { useEnumLabel, useRegionName } from '../shared';
import { CommunityForm, communityInput, communityValues } from './CommunityForm';

const RESOURCE: RecordResource<Community, CommunityInput, CommunityPatch> = {
  api: { get: awarenessApi.community, create: awarenessApi.createCommunity, update: awarenessApi.updateCommunity },
  queryKey: awarenessKeys.community,
  listQueryKey: awarenessKeys.communities,
  path: '/awareness/communities',
};

/** Mean scores before and after, per instrument version, as bars; the change in the table. */
function SurveyChangeChart({ change }: { change: SurveyChange }) {
  const { t } = useTranslation();
  const rows = change.items;
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.instrumentVersion) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: t('awareness:enum.surveyPhase.before'), type: 'bar', data: rows.map((r) => pct(r.before.meanScore)) },
        { name: t('awareness:enum.surveyPhase.after'), type: 'bar', data: rows.map((r) => pct(r.after.meanScore)) },
      ],
    }),
    [rows, t],
  );
  return (
    <EChart
      title={t('awareness:surveys.changeTitle')}
      description={t('awareness:surveys.changeDescription')}
      option={option}
      height={260}
      table={{
        header: [t('awareness:surveys.instrument'), t('awareness:surveys.beforeN'), t('awareness:surveys.beforeScore'), t('awareness:surveys.afterN'), t('awareness:surveys.afterScore'), t('awareness:surveys.change')],
        rows: rows.map((r) => [r.instrumentVersion, r.before.n, pct(r.before.meanScore), r.after.n, pct(r.after.meanScore), pct(r.change)]),
      }}
      empty={rows.length === 0 ? <EmptyState title={t('awareness:surveys.noSurveys')} /> : undefined}
    />
  );
}

/** The activities and surveys of a community. */
function History({ community }: { community: Community }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const label = useEnumLabel();
  const history = useQuery({ queryKey: [...awarenessKeys.community(community.id), 'history'], queryFn: () => awarenessApi.communityHistory(community.id) });
  const change = useQuery({ queryKey: [...awarenessKeys.community(community.id), 'survey-change'], queryFn: () => awarenessApi.surveyChange(community.id) });
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('awareness:communities.fields.activityCount')}
          </Text>
          <Anchor component={Link} to={activitiesLink({ communityId: community.id })} size="xl" fw={700}>
            {n(community.activityCount)}
          </Anchor>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('awareness:communities.fields.peopleReached')}
          </Text>
          <Anchor component={Link} to={activitiesLink({ communityId: community.id })} size="xl" fw={700} data-testid="community-reached">
            {n(community.peopleReached)}
          </Anchor>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('awareness:communities.fields.lastActivityOn')}
          </Text>
          <Text size="xl" fw={700}>
            {community.lastActivityOn ?? '—'}
          </Text>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="history-title">
        <Group justify="space-between" mb="sm">
          <Title id="history-title" order={2} size="h4">
            {t('awareness:communities.history')}
          </Title>
          {can('awareness.manage') && (
            <Group gap="xs">
              <Button component={Link} to="/awareness/activities/new" variant="light" size="xs">
                {t('awareness:activities.new')}
              </Button>
              <Button component={Link} to={`/awareness/surveys/new?communityId=${encodeURIComponent(community.id)}`} variant="light" size="xs">
                {t('awareness:surveys.new')}
              </Button>
            </Group>
          )}
        </Group>
        {history.isPending && <LoadingState />}
        {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && history.data.activities.length === 0 && <EmptyState title={t('awareness:communities.noActivities')} />}
        {history.data && history.data.activities.length > 0 && (
          <Table.ScrollContainer minWidth={480} type="native">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('awareness:activities.fields.date')}</Table.Th>
                  <Table.Th scope="col">{t('awareness:activities.fields.type')}</Table.Th>
                  <Table.Th scope="col">{t('awareness:activities.fields.reached')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.activities.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/awareness/activities/${encodeURIComponent(a.id)}`}>
                        {a.date}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{label('activityType', a.type)}</Table.Td>
                    <Table.Td>{a.reached ? n(a.reached.total) : `≈ ${n(a.estimatedAudience ?? 0)} (${t('awareness:reach.estimateBadge')})`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {change.isError ? <ErrorState error={change.error} onRetry={() => void change.refetch()} /> : change.data ? <SurveyChangeChart change={change.data} /> : <LoadingState />}
    </Stack>
  );
}

/** An existing community: its history first, its record below. */
function EditCommunity({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const regionName = useRegionName();
  const edit = useEditRecord(RESOURCE, id, (c) => t('awareness:communities.saved', { name: c.name }));
  return (
    <QueryGate query={edit.query}>
      {(community) => (
        <>
          <PageHeader title={community.name} description={`${community.communeName ?? community.communePcode} · ${community.regionName ?? regionName(community.regionPcode)}`} back={{ to: RESOURCE.path, label: t('awareness:communities.title') }} />
          <Stack gap="lg">
            <History community={community} />
            <Title order={2} size="h4">
              {t('awareness:communities.record')}
            </Title>
            <Fragment key={versionKey(community)}>
              <CommunityForm record={communityValues(community)} readOnly={!can('awareness.manage') || !community.abilities.update} onReload={edit.reload} onSubmit={(values) => edit.save(community, communityInput(values))} />
            </Fragment>
          </Stack>
        </>
      )}
    </QueryGate>
  );
}

/** A new community. */
function CreateCommunity() {
  const { t } = useTranslation();
  const create = useCreateRecord(RESOURCE, (c) => t('awareness:communities.created', { name: c.name }));
  return (
    <>
      <PageHeader title={t('awareness:communities.createTitle')} back={{ to: RESOURCE.path, label: t('awareness:communities.title') }} />
      <CommunityForm readOnly={false} onSubmit={(values) => create(communityInput(values))} />
    </>
  );
}

/** The community page (create or view and edit). */
export default function CommunityPage() {
  const { id } = useParams();
  return id ? <EditCommunity id={id} /> : <CreateCommunity />;
}
