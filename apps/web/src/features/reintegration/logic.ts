// The rules the reintegration screens apply before the server does: the budget bar against the
// ceiling, beneficiary shares that must sum to 100 %, which RSS questions are asked, and which
// status moves a person may make by hand. Pure functions, so they are tested directly.
import { isSkipped, SHARE_TOLERANCE } from '@taama/core';
import type { ReintegrationStatus, RssItem } from './types';

/** The CFA franc's fixed parity: 1 EUR = 655.957 XOF. */
export const XOF_PER_EUR = 655.957;

/** An XOF amount in euros at the peg, rounded to the cent. */
export function xofToEur(xof: number): number {
  return Math.round((xof / XOF_PER_EUR) * 100) / 100;
}

/** Where a plan stands against its ceiling. */
export interface BudgetState {
  plannedXof: number;
  ceilingXof: number;
  remainingXof: number;
  /** Planned share of the ceiling, 0–100 (capped, for the bar's width). */
  percent: number;
  over: boolean;
  /** Nothing planned yet, or over the ceiling: the plan cannot be submitted. */
  blocksSubmit: boolean;
}

/** Sums the planned amounts (invalid or negative amounts count 0) and compares them to the ceiling. */
export function budgetState(amounts: readonly number[], ceilingXof: number): BudgetState {
  const plannedXof = amounts.reduce((sum, a) => sum + (Number.isFinite(a) && a > 0 ? Math.round(a) : 0), 0);
  const over = plannedXof > ceilingXof;
  const percent = ceilingXof > 0 ? Math.min(100, (plannedXof / ceilingXof) * 100) : 100;
  return { plannedXof, ceilingXof, remainingXof: ceilingXof - plannedXof, percent, over, blocksSubmit: over || plannedXof === 0 };
}

/** The sum of the shares, rounded to the hundredth to hide floating-point noise. */
export function sharesTotal(shares: readonly number[]): number {
  return Math.round(shares.reduce((sum, s) => sum + (Number.isFinite(s) ? s : 0), 0) * 100) / 100;
}

/** Shares are usable: every one positive and their sum 100 within the tolerance. */
export function sharesValid(shares: readonly number[]): boolean {
  return shares.length > 0 && shares.every((s) => Number.isFinite(s) && s > 0) && Math.abs(sharesTotal(shares) - 100) <= SHARE_TOLERANCE;
}

/** `n` equal shares in hundredths of a percent that sum to exactly 100; the remainder goes to the first. */
export function equalSplit(n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(10_000 / n);
  const shares = Array.from({ length: n }, () => base);
  shares[0] = (shares[0] ?? 0) + (10_000 - base * n);
  return shares.map((s) => s / 100);
}

/** The questions to ask, in order: derived items are computed, and conditional ones only when their condition holds. */
export function visibleQuestions<T extends RssItem>(items: readonly T[], answers: Readonly<Record<string, string | null | undefined>>): T[] {
  // The instrument's own skip rule (`askIf`), the one the server scores with.
  return items.filter((item) => !item.derived && (item.options?.length ?? 0) > 0 && !isSkipped(item, answers));
}

/** The answers to send: those of asked questions only (a skipped question's earlier answer is dropped). */
export function answersToSend(items: readonly RssItem[], answers: Readonly<Record<string, string | null | undefined>>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const item of visibleQuestions(items, answers)) out[item.code] = answers[item.code] ?? null;
  return out;
}

/** How far through the survey: answered questions out of those asked. */
export function surveyProgress(items: readonly RssItem[], answers: Readonly<Record<string, string | null | undefined>>): { answered: number; total: number; percent: number } {
  const asked = visibleQuestions(items, answers);
  const answered = asked.filter((item) => typeof answers[item.code] === 'string').length;
  return { answered, total: asked.length, percent: asked.length === 0 ? 0 : Math.round((answered / asked.length) * 100) };
}

const OPEN: readonly ReintegrationStatus[] = ['eligible', 'counselled', 'plan_approved', 'in_progress'];
const PAUSED: readonly ReintegrationStatus[] = ['suspended', 'lost_contact'];

/**
 * The moves a person makes by hand from `status` (SPEC §7): completing a case under way, suspending,
 * withdrawing or losing contact with an open one, and resuming a paused one to where it was.
 * Counselling, plan approval and the start of delivery are not buttons: the server moves them.
 */
export function manualTransitions(status: ReintegrationStatus, statusBefore?: ReintegrationStatus | null, allItemsSettled = true): ReintegrationStatus[] {
  if (OPEN.includes(status)) {
    const moves: ReintegrationStatus[] = [];
    if (status === 'in_progress' && allItemsSettled) moves.push('completed');
    moves.push('suspended', 'withdrawn', 'lost_contact');
    return moves;
  }
  if (PAUSED.includes(status)) {
    const back = statusBefore && OPEN.includes(statusBefore) ? [statusBefore] : [];
    return [...back, ...(status === 'lost_contact' ? ['withdrawn' as const] : ['withdrawn' as const, 'lost_contact' as const])];
  }
  return [];
}

/** A status move the server allows, if it lists them, else the rule above; automatic ones never show. */
export function transitionButtons(
  status: ReintegrationStatus,
  serverAllowed: readonly ReintegrationStatus[] | undefined,
  statusBefore?: ReintegrationStatus | null,
  allItemsSettled = true,
): ReintegrationStatus[] {
  if (!serverAllowed) return manualTransitions(status, statusBefore, allItemsSettled);
  // Resuming a paused case to where it was is a button; elsewhere these moves happen by themselves.
  if (PAUSED.includes(status)) return [...serverAllowed];
  const automatic: readonly ReintegrationStatus[] = ['counselled', 'plan_approved', 'in_progress'];
  return serverAllowed.filter((to) => !automatic.includes(to));
}
