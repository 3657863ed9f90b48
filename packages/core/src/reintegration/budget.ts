// Reintegration budgets (SPEC §7): the plan ceiling, and collective/community project budgets
// apportioned per beneficiary for reporting. Pure, amounts in whole XOF.
import type { AssistanceLevel } from './codes';

/** The default plan ceiling per returnee (≈ EUR 3,000); the setting reintegration.budget_ceiling_xof overrides it. */
export const DEFAULT_BUDGET_CEILING_XOF = 1_968_000;
/** How far given shares may drift from 100 %. */
export const SHARE_TOLERANCE = 0.01;

export type Apportionment = { ok: true; amounts: number[] } | { ok: false; field: string; message: string };

/**
 * Splits a project budget among beneficiaries: equally when no share is given, else by the shares
 * (percent, summing to 100 ± 0.01). Each amount is rounded down to a whole XOF and the remainder goes
 * to the first beneficiary, so the amounts always add up to the budget.
 */
export function apportion(budgetXof: number, shares: readonly (number | null | undefined)[]): Apportionment {
  if (!Number.isInteger(budgetXof) || budgetXof < 0) return { ok: false, field: 'budgetXof', message: 'must be a whole, non-negative amount' };
  if (shares.length === 0) return { ok: false, field: 'beneficiaries', message: 'must list at least one beneficiary' };
  const given = shares.filter((s) => s !== null && s !== undefined);
  let amounts: number[];
  if (given.length === 0) {
    const each = Math.floor(budgetXof / shares.length);
    amounts = shares.map(() => each);
  } else {
    if (given.length !== shares.length) return { ok: false, field: 'beneficiaries', message: 'give a share to every beneficiary or to none (equal split)' };
    const percents = shares as number[];
    if (percents.some((s) => !Number.isFinite(s) || s < 0 || s > 100)) return { ok: false, field: 'beneficiaries', message: 'shares must be percentages between 0 and 100' };
    const total = percents.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 100) > SHARE_TOLERANCE) return { ok: false, field: 'beneficiaries', message: `shares sum to ${Math.round(total * 1000) / 1000}, not 100` };
    amounts = percents.map((s) => Math.floor((budgetXof * s) / 100));
  }
  const remainder = budgetXof - amounts.reduce((a, b) => a + b, 0);
  amounts[0] = (amounts[0] ?? 0) + remainder;
  return { ok: true, amounts };
}

export interface PlanBudgetLine {
  level: AssistanceLevel;
  status: string;
  plannedXof: number;
  /** For an item of a collective or community project: this beneficiary's apportioned share. */
  apportionedXof?: number | null;
}

/** What a line weighs on the beneficiary's plan: its planned amount, or its share of a project. */
export function lineAmount(line: PlanBudgetLine): number {
  if (line.level !== 'individual' && line.apportionedXof !== null && line.apportionedXof !== undefined) return line.apportionedXof;
  return line.plannedXof;
}

export interface CeilingCheck {
  ok: boolean;
  plannedXof: number;
  ceilingXof: number;
  overByXof: number;
}

/** Sums the non-cancelled lines of a plan against the ceiling. */
export function checkCeiling(lines: readonly PlanBudgetLine[], ceilingXof: number): CeilingCheck {
  const plannedXof = lines.filter((l) => l.status !== 'cancelled').reduce((sum, l) => sum + lineAmount(l), 0);
  const overByXof = Math.max(0, plannedXof - ceilingXof);
  return { ok: overByXof === 0, plannedXof, ceilingXof, overByXof };
}

/** Tells whether one more instalment keeps an item's disbursements within its planned amount. */
export function instalmentFits(plannedXof: number, disbursedXof: number, amountXof: number): boolean {
  return disbursedXof + amountXof <= plannedXof;
}
