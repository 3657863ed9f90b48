// Routes: /budget/… — contracts, lines, expenditures (indicator.manage to write) and the summary.
import { Type } from 'typebox';
import { BudgetContract, BudgetContractInput, BudgetLine, BudgetLineInput, BudgetSummary, BudgetSummaryQuery, ErrorBody, Expenditure, ExpenditureInput } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { budgetSummary, createContract, createExpenditure, createLine, listContracts, listExpenditures, listLines } from './budget.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['results'];

/** Registers the budget routes. */
export async function budgetRoutes(app: App): Promise<void> {
  app.get('/budget/contracts', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'Contracts', response: { 200: Type.Object({ items: Type.Array(BudgetContract) }), ...errors } },
  }, async (request) => listContracts(requireCtx(request)));
  app.post('/budget/contracts', {
    config: { access: { permission: 'indicator.manage' } },
    schema: { tags, summary: 'Add a contract (EUR)', body: BudgetContractInput, response: { 201: BudgetContract, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createContract(requireCtx(request), request.body)));
  app.get('/budget/lines', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'Budget lines per output', response: { 200: Type.Object({ items: Type.Array(BudgetLine) }), ...errors } },
  }, async (request) => listLines(requireCtx(request)));
  app.post('/budget/lines', {
    config: { access: { permission: 'indicator.manage' } },
    schema: { tags, summary: 'Add a budget line for a logframe output', body: BudgetLineInput, response: { 201: BudgetLine, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createLine(requireCtx(request), request.body)));
  app.get('/budget/expenditures', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'Expenditures, newest first', response: { 200: Type.Object({ items: Type.Array(Expenditure) }), ...errors } },
  }, async (request) => listExpenditures(requireCtx(request)));
  app.post('/budget/expenditures', {
    config: { access: { permission: 'indicator.manage' } },
    schema: { tags, summary: 'Record an expenditure in XOF or EUR (converted at the peg)', body: ExpenditureInput, response: { 201: Expenditure, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createExpenditure(requireCtx(request), request.body)));
  app.get('/budget/summary', {
    config: { access: { permission: 'indicator.read' } },
    schema: { tags, summary: 'Burn rate vs time elapsed and cost per beneficiary per output', querystring: BudgetSummaryQuery, response: { 200: BudgetSummary, ...errors } },
  }, async (request) => budgetSummary(requireCtx(request), request.query));
}
