// The results screens' arithmetic: picker → span, progress, reconciliation, restatements, targets.
import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '@taama/core';
import { groupByLevel, periodSpan, progress, recordsPath, reconcile, restatementSummary, selectionFromUrl, signed, spanOf } from './logic';
import { formatPeriodTargets, parsePeriodTargets } from './registry/api';
import { ruleChanged } from './registry/DefinitionPage';
import { childrenOf } from './LogframePage';
import { toEur } from './ExpenditureForm';

describe('period picker', () => {
  it.each([
    [{ kind: 'quarter', quarter: '2025Q1' }, { from: '2025-01-01', to: '2025-03-31' }],
    [{ kind: 'quarter', quarter: '2024Q4' }, { from: '2024-10-01', to: '2024-12-31' }],
    [{ kind: 'year', year: '2024' }, { from: '2024-01-01', to: '2024-12-31' }],
    [{ kind: 'custom', from: '2025-02-10', to: '2025-02-10' }, { from: '2025-02-10', to: '2025-02-10' }],
    [{ kind: 'quarter', quarter: '2025Q5' }, { error: 'quarter' }],
    [{ kind: 'year', year: '25' }, { error: 'year' }],
    [{ kind: 'custom', from: '2025-02-30', to: '2025-03-01' }, { error: 'from' }],
    [{ kind: 'custom', from: '2025-03-01', to: '' }, { error: 'to' }],
    [{ kind: 'custom', from: '2025-03-02', to: '2025-03-01' }, { error: 'order' }],
  ] as const)('%j → %j', (selection, expected) => {
    expect(spanOf(selection)).toEqual(expected);
  });

  it('reads the URL: a year, a quarter, a custom span, and the whole programme by default', () => {
    expect(selectionFromUrl('2025', '', '')).toEqual({ kind: 'year', year: '2025' });
    expect(selectionFromUrl('2025Q3', '', '')).toEqual({ kind: 'quarter', quarter: '2025Q3' });
    expect(selectionFromUrl('', '2025-01-01', '2025-02-01')).toEqual({ kind: 'custom', from: '2025-01-01', to: '2025-02-01' });
    expect(selectionFromUrl('', '', '')).toEqual({ kind: 'all' });
    expect(spanOf({ kind: 'all' })).toEqual({ from: '', to: '' });
  });

  it('gives a period of the table its span and every number its records address', () => {
    expect(periodSpan('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(recordsPath('3.4', '2025-01-01', '2025-03-31')).toBe('/results/indicators/3.4/records?from=2025-01-01&to=2025-03-31');
  });
});

describe('progress', () => {
  it('is the cumulative share of the target, the bar capped at 100', () => {
    expect(progress(400, 1600)).toEqual({ bar: 25, percent: 25 });
    expect(progress(1, 3)).toEqual({ bar: 33.3, percent: 33.3 });
    expect(progress(5000, 4000)).toEqual({ bar: 100, percent: 125 });
    expect(progress(10, null)).toBeNull();
    expect(progress(10, 0)).toBeNull();
  });
});

describe('reconciliation', () => {
  it('keeps unknowns (last) and says the rows add up to the total', () => {
    const r = reconcile({ unknown: 2, female: 5, male: 7 }, 14);
    expect(r.rows.map((x) => x.key)).toEqual(['male', 'female', 'unknown']);
    expect(r.rows[2]?.unknown).toBe(true);
    expect(r).toMatchObject({ sum: 14, suppressed: 0, reconciles: true });
  });

  it('reports a mismatch rather than hiding it', () => {
    expect(reconcile({ female: 5, male: 7 }, 14)).toMatchObject({ sum: 12, reconciles: false });
  });

  it('does not claim to reconcile when small cells are suppressed', () => {
    const r = reconcile({ ML: 40, NE: null, GN: null }, 44);
    expect(r).toMatchObject({ sum: 40, suppressed: 2, reconciles: false });
    expect(r.rows.map((x) => x.key)).toEqual(['ML', 'GN', 'NE']);
  });
});

describe('restatements', () => {
  it('sums the differences of the quarters that changed, and ignores the others', () => {
    const summary = restatementSummary([
      { period: '2025Q1', signedOff: 10, current: 13, difference: 3 },
      { period: '2025Q2', signedOff: 8, current: 8, difference: 0 },
      { period: '2025Q3', signedOff: 9, current: 8, difference: -1 },
    ]);
    expect(summary).toEqual({ periods: ['2025Q1', '2025Q3'], difference: 2 });
    expect(restatementSummary([{ period: '2025Q2', signedOff: 8, current: 8, difference: 0 }])).toBeNull();
  });

  it('signs a difference', () => {
    expect(signed(3, 'en')).toBe('+3');
    expect(signed(-1200, 'en')).toBe('−1,200');
    expect(signed(0, 'en')).toBe('0');
  });
});

describe('grouping and registry helpers', () => {
  it('groups indicators by level in natural order', () => {
    const item = (code: string, level: string) => ({ code, level }) as IndicatorValue;
    const groups = groupByLevel([item('a', 'OS3'), item('b', 'OS10'), item('c', 'OS1'), item('d', 'OS3')]);
    expect(groups.map((g) => [g.level, g.items.map((i) => i.code)])).toEqual([['OS1', ['c']], ['OS3', ['a', 'd']], ['OS10', ['b']]]);
  });

  it('reads per-quarter targets and names the bad lines', () => {
    expect(parsePeriodTargets('2025Q1: 400\n\n2025Q2=350,5\nQ3: 1\n2025Q4 20')).toEqual({ targets: { '2025Q1': 400, '2025Q2': 350.5 }, badLines: [4, 5] });
    expect(formatPeriodTargets({ '2025Q2': 2, '2025Q1': 1 })).toBe('2025Q1: 1\n2025Q2: 2');
  });

  it('knows when an edit changes the rule (a new rule version)', () => {
    const def = { computation: { mode: 'automatic', source: 'protection.first_service', kind: 'distinct', version: 2 } } as Parameters<typeof ruleChanged>[0];
    expect(ruleChanged(def, { mode: 'automatic', source: 'protection.first_service', kind: 'distinct' })).toBe(false);
    expect(ruleChanged(def, { mode: 'automatic', source: 'protection.first_service', kind: 'sum' })).toBe(true);
    expect(ruleChanged(def, { mode: 'manual', source: 'protection.first_service', kind: 'distinct' })).toBe(true);
  });

  it('builds the logframe tree, keeping orphans at the top', () => {
    const node = (code: string, parent: string | null) => ({ code, parent, kind: 'output' as const, title: { fr: code, en: code }, partner: null, indicators: [] });
    const tree = childrenOf([node('G', null), node('OS1', 'G'), node('1.1', 'OS1'), node('X', 'missing')]);
    expect(tree.get(null)?.map((n) => n.code)).toEqual(['G', 'X']);
    expect(tree.get('OS1')?.map((n) => n.code)).toEqual(['1.1']);
  });
});

describe('budget', () => {
  it('converts XOF to EUR at the peg, to the cent', () => {
    expect(toEur(655957, 'XOF')).toBe(1000);
    expect(toEur(1000, 'XOF')).toBe(1.52);
    expect(toEur(12.345, 'EUR')).toBe(12.35);
  });
});
