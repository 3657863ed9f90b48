// What is late: plans past their due date and monitoring visits past theirs, each row leading to
// the case.
import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { formatDay, personName } from '../../registry/shared';
import { reintegrationApi, reintegrationKeys } from '../api';
import { StatusBadge } from '../shared';

/** Plans past due (the first page; the caseload has them all). */
function OverduePlans() {
  const { t, i18n } = useTranslation();
  const plans = useQuery({ queryKey: [...reintegrationKeys.cases, 'overdue-plans'], queryFn: () => reintegrationApi.list({ overduePlan: true, limit: 50 }) });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="overdue-plans">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="overdue-plans">{t('reintegration:monitoring.overduePlans')}</Title>
        <Anchor component={Link} to="/reintegration/cases?overduePlan=true">{t('reintegration:monitoring.allInCaseload')}</Anchor>
      </Group>
      {plans.isPending ? <LoadingState /> : plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : plans.data.items.length === 0 ? (
        <EmptyState title={t('reintegration:monitoring.noOverduePlans')} />
      ) : (
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('reintegration:monitoring.overduePlans')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reintegration:cases.columns.case')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:cases.columns.status')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:cases.columns.planDue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td><Anchor component={Link} to={`/reintegration/cases/${c.id}?tab=plan`}>{c.caseNumber}</Anchor> <Text span size="sm">{personName(c.person)}</Text></Table.Td>
                <Table.Td><StatusBadge status={c.status} /></Table.Td>
                <Table.Td>{formatDay(c.planDueOn, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Visits past due. */
function OverdueVisits() {
  const { t, i18n } = useTranslation();
  const visits = useQuery({ queryKey: reintegrationKeys.overdueVisits, queryFn: () => reintegrationApi.overdueVisits() });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="overdue-visits">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="overdue-visits">{t('reintegration:monitoring.overdueVisits')}</Title>
        <Anchor component={Link} to="/reintegration/cases?overdueVisit=true">{t('reintegration:monitoring.allInCaseload')}</Anchor>
      </Group>
      {visits.isPending ? <LoadingState /> : visits.isError ? <ErrorState error={visits.error} onRetry={() => void visits.refetch()} /> : visits.data.items.length === 0 ? (
        <EmptyState title={t('reintegration:monitoring.noOverdueVisits')} />
      ) : (
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('reintegration:monitoring.overdueVisits')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reintegration:cases.columns.case')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:visits.scheduledOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visits.data.items.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td><Anchor component={Link} to={`/reintegration/cases/${v.reintegrationCaseId}?tab=visits`}>{v.caseNumber}</Anchor></Table.Td>
                <Table.Td>{formatDay(v.scheduledOn, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** The monitoring page. */
export default function MonitoringPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('reintegration:monitoring.title')} description={t('reintegration:monitoring.description')} />
      <Stack gap="lg">
        <OverduePlans />
        <OverdueVisits />
      </Stack>
    </>
  );
}
