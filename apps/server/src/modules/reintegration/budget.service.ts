// A case's budget against the ceiling: the check every plan and item change runs, and the budget view.
import { checkCeiling, type AssistanceLevel, type BudgetView } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { NotFound, RuleViolation } from '../../platform/errors';
import { budgetCeiling, caseInScope } from './reintegration.common';
import { itemQuery } from './reintegration.queries';

/** The case's items with what each counts against the ceiling and what was disbursed. */
async function budgetLines(tx: Tx, caseId: string) {
  return itemQuery(tx).where('ai.reintegrationCaseId', '=', caseId).orderBy('ai.createdAt').orderBy('ai.id').execute();
}

/** Throws 422 naming `items` with the amounts when the non-cancelled items exceed the ceiling. */
export async function assertWithinCeiling(tx: Tx, caseId: string): Promise<void> {
  const lines = await budgetLines(tx, caseId);
  const check = checkCeiling(
    lines.map((l) => ({ level: l.level as AssistanceLevel, status: l.status, plannedXof: l.plannedXof, apportionedXof: l.apportionedXof === null ? null : Number(l.apportionedXof) })),
    await budgetCeiling(tx),
  );
  if (!check.ok) {
    throw new RuleViolation(`The plan totals ${check.plannedXof} XOF, over the ceiling of ${check.ceilingXof} XOF by ${check.overByXof} XOF`, 'over_budget_ceiling', {
      items: `total ${check.plannedXof} XOF exceeds the ceiling of ${check.ceilingXof} XOF by ${check.overByXof} XOF`,
    });
  }
}

/** The budget view of a case. */
export async function caseBudget(ctx: RequestContext, caseId: string): Promise<BudgetView> {
  return inTransaction(ctx.db, async (tx) => {
    const found = await tx.selectFrom('reintegrationCases as rc').select('rc.id').where('rc.id', '=', caseId).where(caseInScope(ctx.scope)).executeTakeFirst();
    if (!found) throw new NotFound('Reintegration case');
    const lines = await budgetLines(tx, caseId);
    const ceilingXof = await budgetCeiling(tx);
    const kept = lines.filter((l) => l.status !== 'cancelled');
    const plannedXof = kept.reduce((s, l) => s + Number(l.countedXof), 0);
    const disbursedXof = lines.reduce((s, l) => s + Number(l.disbursedXof), 0);
    return {
      ceilingXof,
      plannedXof,
      disbursedXof,
      remainingXof: ceilingXof - plannedXof,
      items: lines.map((l) => ({ id: l.id, type: l.type as BudgetView['items'][number]['type'], level: l.level as AssistanceLevel, status: l.status as BudgetView['items'][number]['status'], plannedXof: l.plannedXof, countedXof: Number(l.countedXof), disbursedXof: Number(l.disbursedXof) })),
    };
  });
}
