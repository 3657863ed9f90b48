// Budget (SPEC §11): contracts in EUR, budget lines per logframe output, expenditures in XOF or EUR
// (converted at the programme's peg), burn rate against time elapsed, cost per beneficiary per output.
import { newId, type BudgetContractInput, type BudgetLineInput, type ExpenditureInput } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Invalid } from '../../platform/errors';
import { getSetting } from '../../platform/settings';
import { indicatorTable } from './indicators.service';
import { programmeSettings } from './programme';
import { readSpan, today } from './span';
import { isCalendarDate } from '@taama/core';

/** Which indicators count the beneficiaries of each output (configuration: `results.budget.beneficiaries`). */
export const DEFAULT_BENEFICIARY_INDICATORS: Record<string, string[]> = {
  'OS1.1': ['3.2'],
  'OS1.2': ['3.4'],
  'OS2.1': ['3.5 bis'],
  'OS4.1': ['3.3'],
  'OS5.1': ['3.7'],
};

const money = (n: number) => Math.round(n * 100) / 100;
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
const elapsed = (start: string, end: string, asOf: string) => {
  const total = days(start, end);
  if (total <= 0) return asOf >= end ? 100 : 0;
  return Math.round(Math.min(1, Math.max(0, days(start, asOf) / total)) * 1000) / 10;
};

/** Lists the contracts. */
export async function listContracts(ctx: RequestContext) {
  const rows = await ctx.db.selectFrom('budgetContracts').select(['id', 'code', 'partner', 'amountEur', 'startDate', 'endDate', 'version']).orderBy('code').execute();
  return { items: rows.map((r) => ({ ...r, amountEur: Number(r.amountEur) })) };
}

/** Adds a contract. */
export async function createContract(ctx: RequestContext, input: BudgetContractInput) {
  if (input.endDate < input.startDate) throw new Invalid({ endDate: 'must not be before startDate' });
  const id = newId();
  await inTransaction(ctx.db, async (tx) => {
    await tx.insertInto('budgetContracts').values({ id, ...input, createdBy: ctx.user.id }).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'budget.contract_created', entityType: 'budget_contract', entityId: id, details: { code: input.code, amountEur: input.amountEur } });
  });
  return { id, ...input, version: 1 };
}

/** Lists the budget lines. */
export async function listLines(ctx: RequestContext) {
  const rows = await ctx.db.selectFrom('budgetLines').select(['id', 'contractId', 'outputCode', 'label', 'amountEur']).orderBy('outputCode').orderBy('label').execute();
  return { items: rows.map((r) => ({ ...r, amountEur: Number(r.amountEur) })) };
}

/** Adds a budget line under a contract, for a logframe output. */
export async function createLine(ctx: RequestContext, input: BudgetLineInput) {
  const id = newId();
  await inTransaction(ctx.db, async (tx) => {
    const node = await tx.selectFrom('logframeNodes').select('kind').where('code', '=', input.outputCode).executeTakeFirst();
    if (!node || node.kind !== 'output') throw new Invalid({ outputCode: 'must be the code of a logframe output' });
    await tx.insertInto('budgetLines').values({ id, ...input, createdBy: ctx.user.id }).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'budget.line_created', entityType: 'budget_line', entityId: id, details: { outputCode: input.outputCode, amountEur: input.amountEur } });
  });
  return { id, ...input };
}

/** Lists the expenditures, newest first. */
export async function listExpenditures(ctx: RequestContext) {
  const rows = await ctx.db.selectFrom('budgetExpenditures').select(['id', 'lineId', 'spentOn', 'currency', 'amount', 'amountEur', 'description']).orderBy('spentOn', 'desc').execute();
  return { items: rows.map((r) => ({ ...r, amount: Number(r.amount), amountEur: Number(r.amountEur) })) };
}

/** Records an expenditure; XOF is converted to EUR at the peg. */
export async function createExpenditure(ctx: RequestContext, input: ExpenditureInput) {
  const programme = await programmeSettings(ctx.db);
  const amountEur = input.currency === 'EUR' ? money(input.amount) : money(input.amount / programme.xofPerEur);
  const id = newId();
  await inTransaction(ctx.db, async (tx) => {
    await tx.insertInto('budgetExpenditures').values({ id, ...input, amountEur, createdBy: ctx.user.id }).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'budget.expenditure_recorded', entityType: 'budget_expenditure', entityId: id, details: { lineId: input.lineId, currency: input.currency, amount: input.amount } });
  });
  return { id, ...input, amountEur };
}

/** Budget, spending, burn rate vs time elapsed, cost per beneficiary per output, as of a date. */
export async function budgetSummary(ctx: RequestContext, query: { asOf?: string }) {
  if (query.asOf !== undefined && !isCalendarDate(query.asOf)) throw new Invalid({ asOf: 'must be a calendar date YYYY-MM-DD' });
  const asOf = query.asOf ?? today();
  const programme = await programmeSettings(ctx.db);
  const contracts = await ctx.db.selectFrom('budgetContracts').select(['id', 'code', 'partner', 'amountEur', 'startDate', 'endDate']).orderBy('code').execute();
  const lines = await ctx.db.selectFrom('budgetLines').select(['id', 'contractId', 'outputCode', 'amountEur']).execute();
  const spent = await ctx.db
    .selectFrom('budgetExpenditures')
    .select(['lineId', (eb) => eb.fn.sum<number>('amountEur').as('eur')])
    .where('spentOn', '<=', asOf)
    .groupBy('lineId')
    .execute();
  const spentByLine = new Map(spent.map((s) => [s.lineId, Number(s.eur)]));
  const contractRows = contracts.map((c) => {
    const s = lines.filter((l) => l.contractId === c.id).reduce((sum, l) => sum + (spentByLine.get(l.id) ?? 0), 0);
    return { code: c.code, partner: c.partner, amountEur: Number(c.amountEur), spentEur: money(s), burnRate: percent(s, Number(c.amountEur)), timeElapsed: elapsed(c.startDate, c.endDate, asOf) };
  });
  const mapping = await getSetting(ctx.db, 'results.budget.beneficiaries', DEFAULT_BENEFICIARY_INDICATORS);
  const span = readSpan({ to: asOf < programme.start ? programme.start : asOf }, programme.start);
  const values = new Map((await indicatorTable(ctx.db, { span, interval: 'year', by: [], locale: ctx.user.locale, publicOnly: false })).map((v) => [v.code, v]));
  const outputs = [...new Set(lines.map((l) => l.outputCode))].sort().map((outputCode) => {
    const mine = lines.filter((l) => l.outputCode === outputCode);
    const budgetEur = money(mine.reduce((sum, l) => sum + Number(l.amountEur), 0));
    const spentEur = money(mine.reduce((sum, l) => sum + (spentByLine.get(l.id) ?? 0), 0));
    const codes = mapping[outputCode] ?? [];
    const counted = codes.map((c) => values.get(c)).filter((v) => v?.available);
    const beneficiaries = counted.length ? counted.reduce((sum, v) => sum + (v?.cumulative ?? 0), 0) : null;
    return { outputCode, budgetEur, spentEur, beneficiaries, costPerBeneficiaryEur: beneficiaries ? money(spentEur / beneficiaries) : null };
  });
  const totalEur = money(contractRows.reduce((s, c) => s + c.amountEur, 0));
  const spentEur = money(contractRows.reduce((s, c) => s + c.spentEur, 0));
  const starts = contracts.map((c) => c.startDate).sort();
  const ends = contracts.map((c) => c.endDate).sort();
  const first = starts[0];
  const last = ends[ends.length - 1];
  return { asOf, totalEur, spentEur, burnRate: percent(spentEur, totalEur), timeElapsed: first && last ? elapsed(first, last, asOf) : null, contracts: contractRows, outputs };
}
