// The budget (/results/budget): contracts with their spending, burn rate against the time elapsed,
// and the cost per beneficiary of each output. Amounts in EUR (XOF converted at the peg, 655.957).
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../api/client';
import { EChart } from '../../components/charts/EChart';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { useAuth } from '../../app/auth';
import { ExpenditureForm, XOF_PER_EUR } from './ExpenditureForm';

// The shape of GET /budget/summary (the schema exports no static type of it).
interface ContractRow { code: string; partner: string; amountEur: number; spentEur: number; burnRate: number | null; timeElapsed: number | null }
interface OutputRow { outputCode: string; budgetEur: number; spentEur: number; beneficiaries: number | null; costPerBeneficiaryEur: number | null }
interface Summary { asOf: string; totalEur: number; spentEur: number; burnRate: number | null; timeElapsed: number | null; contracts: ContractRow[]; outputs: OutputRow[] }


function useMoney() {
  const { i18n } = useTranslation();
  const eur = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const xof = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'XOF', maximumFractionDigits: 0 });
  const pct = (v: number | null) => (v === null ? '—' : `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(v)} %`);
  return { eur: (v: number | null) => (v === null ? '—' : eur.format(v)), xof: (v: number) => xof.format(v * XOF_PER_EUR), pct };
}

/** The budget page. */
export default function BudgetPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const { can } = useAuth();
  const query = useQuery({ queryKey: ['budget-summary'], queryFn: () => apiRequest<Summary>('/budget/summary') });
  const contracts = useMemo(() => query.data?.contracts ?? [], [query.data]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: contracts.map((c) => c.code) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: t('results:budget.burnRate'), type: 'bar', data: contracts.map((c) => c.burnRate) },
        { name: t('results:budget.timeElapsed'), type: 'bar', data: contracts.map((c) => c.timeElapsed) },
      ],
    }),
    [contracts, t],
  );
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  return (
    <>
      <PageHeader title={t('results:budget.title')} description={t('results:budget.description', { asOf: s.asOf })} />
      <Stack>
        {can('indicator.manage') && <ExpenditureForm />}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {[
            [t('results:budget.total'), money.eur(s.totalEur), money.xof(s.totalEur)],
            [t('results:budget.spent'), money.eur(s.spentEur), money.xof(s.spentEur)],
            [t('results:budget.burnRate'), money.pct(s.burnRate), ''],
            [t('results:budget.timeElapsed'), money.pct(s.timeElapsed), ''],
          ].map(([label, value, sub]) => (
            <Paper withBorder p="md" key={label}>
              <Text size="sm" c="dimmed">{label}</Text>
              <Text fz={24} fw={700}>{value}</Text>
              {sub && <Text size="xs" c="dimmed">{sub}</Text>}
            </Paper>
          ))}
        </SimpleGrid>
        <EChart
          title={t('results:budget.chartTitle')}
          description={t('results:budget.chartDescription')}
          option={option}
          height={260}
          table={{ header: [t('results:budget.contract'), t('results:budget.burnRate'), t('results:budget.timeElapsed')], rows: contracts.map((c) => [c.code, c.burnRate, c.timeElapsed]) }}
        />
        <Title order={2} size="h4">{t('results:budget.contracts')}</Title>
        <DataTable<ContractRow>
          caption={t('results:budget.contracts')}
          columns={[
            { key: 'code', header: t('results:budget.contract'), render: (c) => c.code },
            { key: 'partner', header: t('results:registry.partner'), render: (c) => c.partner },
            { key: 'amount', header: t('results:budget.amount'), render: (c) => money.eur(c.amountEur) },
            { key: 'spent', header: t('results:budget.spent'), render: (c) => money.eur(c.spentEur) },
            { key: 'burn', header: t('results:budget.burnRate'), render: (c) => money.pct(c.burnRate) },
            { key: 'time', header: t('results:budget.timeElapsed'), render: (c) => money.pct(c.timeElapsed), visibleFrom: 'sm' },
          ]}
          rows={contracts}
          rowKey={(c) => c.code}
          loading={false}
          error={null}
          emptyTitle={t('results:budget.noContracts')}
        />
        <Title order={2} size="h4">{t('results:budget.outputs')}</Title>
        <DataTable<OutputRow>
          caption={t('results:budget.outputs')}
          columns={[
            { key: 'output', header: t('results:budget.output'), render: (o) => o.outputCode },
            { key: 'budget', header: t('results:budget.amount'), render: (o) => money.eur(o.budgetEur) },
            { key: 'spent', header: t('results:budget.spent'), render: (o) => money.eur(o.spentEur) },
            { key: 'beneficiaries', header: t('results:budget.beneficiaries'), render: (o) => (o.beneficiaries === null ? '—' : String(o.beneficiaries)) },
            { key: 'cost', header: t('results:budget.costPerBeneficiary'), render: (o) => money.eur(o.costPerBeneficiaryEur) },
          ]}
          rows={s.outputs}
          rowKey={(o) => o.outputCode}
          loading={false}
          error={null}
          emptyTitle={t('results:budget.noLines')}
        />
      </Stack>
    </>
  );
}
