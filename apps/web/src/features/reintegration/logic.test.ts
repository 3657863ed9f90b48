// The budget bar, the share editor's sums, RSS question skipping and the status buttons.
import { describe, expect, it } from 'vitest';
import { answersToSend, budgetState, equalSplit, sharesTotal, sharesValid, surveyProgress, transitionButtons, visibleQuestions, xofToEur } from './logic';
import type { RssItem } from './types';

describe('budgetState', () => {
  it('is under the ceiling, with what remains', () => {
    const s = budgetState([500_000, 700_000], 1_968_000);
    expect(s).toMatchObject({ plannedXof: 1_200_000, remainingXof: 768_000, over: false, blocksSubmit: false });
    expect(s.percent).toBeCloseTo(60.98, 2);
  });
  it('turns over (and blocks submission) one franc above the ceiling, not at it', () => {
    expect(budgetState([1_968_000], 1_968_000).over).toBe(false);
    const over = budgetState([1_000_000, 968_001], 1_968_000);
    expect(over).toMatchObject({ over: true, blocksSubmit: true, remainingXof: -1, percent: 100 });
  });
  it('blocks an empty plan and ignores amounts that are not numbers', () => {
    expect(budgetState([], 1_968_000).blocksSubmit).toBe(true);
    expect(budgetState([Number.NaN, -5, 1000], 2000).plannedXof).toBe(1000);
  });
  it('shows euros at the peg', () => {
    expect(xofToEur(1_968_000)).toBe(3000.2);
    expect(xofToEur(655_957)).toBe(1000);
  });
});

describe('shares', () => {
  it('accepts a sum of 100 within a hundredth and refuses the rest', () => {
    expect(sharesValid([50, 50])).toBe(true);
    expect(sharesValid([33.33, 33.33, 33.33])).toBe(false);
    expect(sharesValid([33.34, 33.33, 33.33])).toBe(true);
    expect(sharesValid([60, 50])).toBe(false);
    expect(sharesValid([100, 0])).toBe(false);
    expect(sharesValid([])).toBe(false);
    expect(sharesTotal([0.1, 0.2])).toBe(0.3);
  });
  it('splits equally to exactly 100, the remainder to the first', () => {
    expect(equalSplit(3)).toEqual([33.34, 33.33, 33.33]);
    expect(equalSplit(4)).toEqual([25, 25, 25, 25]);
    expect(equalSplit(7).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(sharesValid(equalSplit(7))).toBe(true);
    expect(equalSplit(0)).toEqual([]);
  });
});

const option = (value: string, score: number | null) => ({ value, score });
const ITEMS: RssItem[] = [
  { code: 'able_to_stay', dimension: 'psychosocial', weight: 0, compositeWeight: 0, options: [option('yes', 1), option('no', 0)] },
  { code: 'leave_wish_or_need', dimension: 'psychosocial', weight: 0, compositeWeight: 0, askIf: { item: 'able_to_stay', in: ['no'] }, options: [option('wish', 1), option('need', 0)] },
  { code: 'remigration', dimension: 'psychosocial', weight: 0.5, compositeWeight: 0.2, derived: { op: 'sum', of: ['able_to_stay', 'leave_wish_or_need'] } },
  { code: 'working', dimension: 'economic', weight: 1, compositeWeight: 0.3, options: [option('yes', 1), option('no', 0)] },
  { code: 'borrow_often', dimension: 'economic', weight: 0, compositeWeight: 0.5, askIf: { item: 'working', in: ['no'] }, options: [option('1', 1), option('2', 0)] },
];

describe('visibleQuestions', () => {
  it('never asks derived items, and asks conditional ones only when their condition holds', () => {
    expect(visibleQuestions(ITEMS, {}).map((i) => i.code)).toEqual(['able_to_stay', 'working']);
    expect(visibleQuestions(ITEMS, { able_to_stay: 'no', working: 'no' }).map((i) => i.code)).toEqual(['able_to_stay', 'leave_wish_or_need', 'working', 'borrow_often']);
    expect(visibleQuestions(ITEMS, { able_to_stay: 'yes', working: 'yes' }).map((i) => i.code)).toEqual(['able_to_stay', 'working']);
  });
  it('drops the answer of a question that no longer applies, and sends null for unanswered ones', () => {
    expect(answersToSend(ITEMS, { able_to_stay: 'yes', leave_wish_or_need: 'need' })).toEqual({ able_to_stay: 'yes', working: null });
  });
  it('counts progress over the questions asked', () => {
    expect(surveyProgress(ITEMS, { able_to_stay: 'no' })).toEqual({ answered: 1, total: 3, percent: 33 });
    expect(surveyProgress(ITEMS, { able_to_stay: 'yes', working: 'yes' })).toEqual({ answered: 2, total: 2, percent: 100 });
  });
});

describe('transitionButtons', () => {
  it('offers no buttons for the moves the server makes itself', () => {
    expect(transitionButtons('eligible', undefined)).toEqual(['suspended', 'withdrawn', 'lost_contact']);
    expect(transitionButtons('counselled', ['plan_approved', 'suspended', 'withdrawn', 'lost_contact'])).toEqual(['suspended', 'withdrawn', 'lost_contact']);
    expect(transitionButtons('plan_approved', ['in_progress', 'suspended'])).toEqual(['suspended']);
  });
  it('completes a case under way only when every item is settled', () => {
    expect(transitionButtons('in_progress', undefined, null, true)).toContain('completed');
    expect(transitionButtons('in_progress', undefined, null, false)).not.toContain('completed');
  });
  it('resumes a paused case to where it was', () => {
    expect(transitionButtons('suspended', undefined, 'in_progress')[0]).toBe('in_progress');
    expect(transitionButtons('suspended', ['in_progress', 'withdrawn'])).toEqual(['in_progress', 'withdrawn']);
    expect(transitionButtons('completed', undefined)).toEqual([]);
    expect(transitionButtons('withdrawn', undefined)).toEqual([]);
  });
});
