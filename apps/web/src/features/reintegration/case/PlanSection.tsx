// The plan tab: the builder while the plan is a draft (or returned), then the submitted plan with
// approve / return-with-note for a second officer (four eyes: never the one who submitted it).
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BUDGET_CEILING_XOF, lineAmount } from '@taama/core';
import { useAuth, useMe } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { reintegrationApi, reintegrationKeys } from '../api';
import { budgetState } from '../logic';
import { formatXof, PlanStatusBadge } from '../shared';
import type { ReintegrationCase } from '../types';
import { BudgetBar } from './BudgetBar';
import { PlanBuilder } from './PlanBuilder';
import { useCaseRefresh } from './useCaseRefresh';

/** Approve or return a submitted plan. */
function ApprovalActions({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const refresh = useCaseRefresh(c.id);
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const approve = useMutation({ mutationFn: () => reintegrationApi.approvePlan(c.id), onSuccess: refresh });
  const giveBack = useMutation({
    mutationFn: () => reintegrationApi.returnPlan(c.id, note.trim()),
    onSuccess: () => {
      setReturning(false);
      setNote('');
      refresh();
    },
  });
  const plan = c.plan;
  if (!plan || plan.status !== 'submitted') return null;
  // The server denies the submitter the approval (four eyes); say why instead of showing nothing.
  if (plan.submittedBy?.id === me.id) return <Alert color="blue" variant="light">{t('reintegration:plan.ownSubmission')}</Alert>;
  if (!c.abilities.approvePlan) return null;
  return (
    <Stack gap="xs">
      <FormErrorAlert error={approve.error} />
      <Group>
        <Button color="green" onClick={() => approve.mutate()} loading={approve.isPending}>{t('reintegration:plan.approve')}</Button>
        <Button variant="default" onClick={() => setReturning(true)}>{t('reintegration:plan.return')}</Button>
      </Group>
      <Modal opened={returning} onClose={() => setReturning(false)} title={t('reintegration:plan.returnTitle')} centered>
        <Stack>
          <FormErrorAlert error={giveBack.error} />
          <Textarea label={t('reintegration:plan.returnNote')} required value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={3} maxLength={2000} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(false)}>{t('common:actions.cancel')}</Button>
            <Button onClick={() => giveBack.mutate()} loading={giveBack.isPending} disabled={!note.trim()}>{t('reintegration:plan.returnSubmit')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The plan as submitted or approved: goals and items with their amounts. */
function PlanView({ reintegrationCase: c, ceilingXof }: { reintegrationCase: ReintegrationCase; ceilingXof: number }) {
  const { t, i18n } = useTranslation();
  const items = c.items.filter((i) => i.status !== 'cancelled');
  const budget = budgetState(items.map((i) => lineAmount(i)), ceilingXof);
  return (
    <Stack gap="md">
      <Title order={2} size="h4">{t('reintegration:plan.goals')}</Title>
      {c.plan && c.plan.goals.length > 0 ? <List>{c.plan.goals.map((g, i) => <List.Item key={i}>{g}</List.Item>)}</List> : <Text c="dimmed">—</Text>}
      <BudgetBar state={budget} />
      <Table.ScrollContainer minWidth={560} type="native">
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('reintegration:plan.items')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reintegration:plan.type')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:plan.level')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:plan.mode')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:plan.provider')}</Table.Th>
              <Table.Th scope="col">{t('reintegration:plan.plannedXof')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{t(`reintegration:enum.assistanceType.${i.type}`)} ({t(`reintegration:enum.dimension.${i.dimension}`)})</Table.Td>
                <Table.Td>{t(`reintegration:enum.level.${i.level}`)}</Table.Td>
                <Table.Td>{t(`reintegration:enum.mode.${i.mode}`)} · {i.inKind ? t('reintegration:plan.inKindShort') : t('reintegration:plan.cash')}</Table.Td>
                <Table.Td>{i.provider ?? '—'}</Table.Td>
                <Table.Td>{formatXof(lineAmount(i), i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The plan tab. */
export function PlanSection({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const budget = useQuery({ queryKey: reintegrationKeys.budget(c.id), queryFn: () => reintegrationApi.budget(c.id) });
  const ceilingXof = budget.data?.ceilingXof ?? DEFAULT_BUDGET_CEILING_XOF;
  const plan = c.plan;
  const editable = (!plan || plan.status === 'draft' || plan.status === 'returned') && c.abilities.update && can('reintegrationCase.update') && c.status !== 'completed' && c.status !== 'withdrawn';
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h3">{t('reintegration:plan.title')}</Title>
            {plan && <PlanStatusBadge status={plan.status} />}
          </Group>
          {plan?.submittedBy && <Text size="sm">{t('reintegration:plan.submittedBy', { name: plan.submittedBy.displayName })}</Text>}
          {plan?.approvedBy && <Text size="sm">{t('reintegration:plan.approvedBy', { name: plan.approvedBy.displayName })}</Text>}
          {plan?.status === 'returned' && plan.returnedNote && <Alert color="orange" variant="light" title={t('reintegration:plan.returnedTitle')}>{plan.returnedNote}</Alert>}
          {budget.data && <Text size="sm" c="dimmed">{t('reintegration:plan.disbursed', { amount: formatXof(budget.data.disbursedXof, i18n.language) })}</Text>}
          <ApprovalActions reintegrationCase={c} />
        </Stack>
      </Paper>
      {editable ? (
        <Paper withBorder p="lg">
          <PlanBuilder key={plan?.version ?? 0} reintegrationCase={c} ceilingXof={ceilingXof} />
        </Paper>
      ) : plan ? (
        <Paper withBorder p="lg">
          <PlanView reintegrationCase={c} ceilingXof={ceilingXof} />
        </Paper>
      ) : (
        <EmptyState title={t('reintegration:plan.none')} />
      )}
    </Stack>
  );
}
