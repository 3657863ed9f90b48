import { describe, expect, it } from 'vitest';
import { createRngForTest } from './test-rng';
import { flowTableRelations, percentOrNull, publishedCount, suppressCells, type Relation } from './disclosure';

/**
 * An attacker independent of the implementation: knowing the visible cells and every relation, it
 * repeatedly solves any relation left with one unknown, and also subtracts relations from one
 * another (a relation whose unknowns are a superset of another's by one cell). Returns the cells it
 * recovered.
 */
function attack(values: (number | null)[][], hidden: boolean[][], relations: Relation[]): string[] {
  const known = new Map<string, number>();
  values.forEach((row, r) => row.forEach((v, c) => { if (v !== null && !hidden[r]?.[c]) known.set(`${r}:${c}`, v); }));
  const equations = relations.map((rel) => {
    const terms = new Map<string, number>();
    for (const p of rel.parts) terms.set(`${p[0]}:${p[1]}`, (terms.get(`${p[0]}:${p[1]}`) ?? 0) + 1);
    if (rel.total) terms.set(`${rel.total[0]}:${rel.total[1]}`, (terms.get(`${rel.total[0]}:${rel.total[1]}`) ?? 0) - 1);
    // An externally known total: the attacker is given the true sum.
    const constant = rel.total ? 0 : rel.parts.reduce((s, p) => s + (values[p[0]]?.[p[1]] ?? 0), 0);
    return { terms, constant };
  });
  const recovered: string[] = [];
  const unknownsOf = (e: (typeof equations)[number]) => [...e.terms.keys()].filter((k) => !known.has(k) && values[Number(k.split(':')[0])]?.[Number(k.split(':')[1])] !== null);
  for (let round = 0; round < 100; round += 1) {
    let progress = false;
    for (const e of equations) {
      const unknown = unknownsOf(e);
      if (unknown.length !== 1) continue;
      const target = unknown[0] as string;
      let rest = e.constant;
      for (const [k, coef] of e.terms) if (k !== target) rest -= coef * (known.get(k) ?? 0);
      known.set(target, rest / (e.terms.get(target) ?? 1));
      recovered.push(target);
      progress = true;
    }
    // Difference attack: two relations whose unknown sets differ by exactly one cell.
    for (const a of equations) {
      for (const b of equations) {
        const ua = unknownsOf(a);
        const ub = unknownsOf(b);
        if (ua.length !== ub.length + 1 || !ub.every((k) => ua.includes(k) && a.terms.get(k) === b.terms.get(k))) continue;
        const target = ua.find((k) => !ub.includes(k)) as string;
        let rest = a.constant - b.constant;
        for (const [k, coef] of a.terms) if (k !== target && known.has(k)) rest -= coef * (known.get(k) ?? 0);
        for (const [k, coef] of b.terms) if (known.has(k)) rest += coef * (known.get(k) ?? 0);
        if (!known.has(target)) {
          known.set(target, rest / (a.terms.get(target) ?? 1));
          recovered.push(target);
          progress = true;
        }
      }
    }
    if (!progress) break;
  }
  return recovered.filter((k) => hidden[Number(k.split(':')[0])]?.[Number(k.split(':')[1])]);
}

/** Rows of men, women, boys, girls, unknown, total; one group with a subtotal row at the end. */
function flowTable(details: number[][]): { values: (number | null)[][]; relations: Relation[] } {
  const rows = details.map((d) => [...d, d.reduce((s, v) => s + v, 0)]);
  const subtotal = [0, 1, 2, 3, 4, 5].map((c) => rows.reduce((s, r) => s + (r[c] ?? 0), 0));
  const values = [...rows, subtotal];
  const relations = flowTableRelations({
    partColumns: [0, 1, 2, 3, 4],
    totalColumn: 5,
    countColumns: [0, 1, 2, 3, 4, 5],
    groups: [{ subtotalRow: rows.length, rows: rows.map((_, i) => i) }],
    rowCount: values.length,
  });
  return { values, relations };
}

describe('suppressCells', () => {
  it.each<[string, number[][]]>([
    ['one small cell in a row', [[40, 3, 0, 0, 0]]],
    ['small cells in several rows', [[40, 3, 10, 12, 0], [25, 30, 2, 0, 7], [0, 0, 0, 0, 9]]],
    ['a row that is all small', [[1, 2, 0, 0, 0], [50, 20, 10, 10, 5]]],
    ['single detail row (subtotal = the row)', [[12, 2, 0, 0, 0]]],
    ['zeros only around a small cell', [[0, 0, 4, 0, 0], [10, 10, 10, 10, 10]]],
    ['many small cells', [[1, 1, 1, 1, 1], [2, 2, 2, 2, 2], [3, 3, 3, 3, 3], [50, 60, 70, 80, 90]]],
    ['two rows, one small each in the same column', [[20, 3, 5, 6, 7], [30, 4, 8, 9, 10]]],
    ['no small cells', [[20, 30, 5, 6, 7], [30, 40, 8, 9, 10]]],
  ])('%s: every 1–4 hidden and no hidden cell recoverable', (_name, details) => {
    const { values, relations } = flowTable(details);
    const { suppressed, primary } = suppressCells({ values, relations });
    values.forEach((row, r) => row.forEach((v, c) => { if (v !== null && v >= 1 && v <= 4) expect(suppressed[r]?.[c], `cell ${r}:${c}=${v}`).toBe(true); }));
    expect(primary).toBe(values.flat().filter((v) => v !== null && v >= 1 && v <= 4).length);
    expect(attack(values, suppressed, relations)).toEqual([]);
  });

  it('the attack works: with primary suppression alone it recovers the hidden cell', () => {
    const { values, relations } = flowTable([[40, 3, 7, 9, 0]]);
    const primaryOnly = values.map((row) => row.map((v) => v !== null && v >= 1 && v <= 4));
    expect(attack(values, primaryOnly, relations)).toContain('0:1');
  });

  it('hides the next-smallest cell of the row, not a larger one', () => {
    const values = [[40, 3, 7, 9, 0, 59]];
    const relations: Relation[] = [{ parts: [[0, 0], [0, 1], [0, 2], [0, 3], [0, 4]], total: [0, 5] }];
    const { suppressed, secondary } = suppressCells({ values, relations });
    expect(suppressed[0]).toEqual([false, true, true, false, false, false]);
    expect(secondary).toBe(1);
  });

  it('a total of 1–4 cannot be rebuilt from visible parts', () => {
    const values = [[3, 0, 0, 0, 0, 3], [10, 20, 30, 40, 50, 150]];
    const relations: Relation[] = [{ parts: [[0, 0], [0, 1], [0, 2], [0, 3], [0, 4]], total: [0, 5] }];
    const { suppressed } = suppressCells({ values, relations });
    expect(suppressed[0]?.[0]).toBe(true);
    expect(suppressed[0]?.[5]).toBe(true);
    expect(attack(values, suppressed, relations)).toEqual([]);
  });

  it('an externally known column total forces a second suppression in the column', () => {
    const values = [[30], [2], [15], [9]];
    const relations: Relation[] = [{ parts: [[0, 0], [1, 0], [2, 0], [3, 0]] }];
    const { suppressed } = suppressCells({ values, relations });
    expect(suppressed.map((r) => r[0])).toEqual([false, true, false, true]);
    expect(attack(values, suppressed, relations)).toEqual([]);
  });

  it('catches cells pinned only by combining rows and columns', () => {
    // Rows a+b=T1, c+d=T2 and columns a+c=S1 known; a hidden 2×1 pattern could leak through
    // combinations, so Gaussian elimination must find no determined cell.
    const { values, relations } = flowTable([[3, 50, 0, 0, 0], [40, 2, 0, 0, 0]]);
    const result = suppressCells({ values, relations });
    expect(attack(values, result.suppressed, relations)).toEqual([]);
  });

  it('randomised tables: no attack recovers a hidden cell', () => {
    const rng = createRngForTest(20260101);
    for (let t = 0; t < 200; t += 1) {
      const rows = 1 + Math.floor(rng() * 6);
      const details = Array.from({ length: rows }, () => Array.from({ length: 5 }, () => (rng() < 0.4 ? Math.floor(rng() * 5) : Math.floor(rng() * 60))));
      const { values, relations } = flowTable(details);
      const { suppressed } = suppressCells({ values, relations });
      expect(attack(values, suppressed, relations), JSON.stringify(details)).toEqual([]);
      values.forEach((row, r) => row.forEach((v, c) => { if (v !== null && v >= 1 && v <= 4) expect(suppressed[r]?.[c]).toBe(true); }));
    }
  });

  it('null cells are neither published nor used', () => {
    const values = [[10, null, 3, 20, 0, 33]];
    const relations: Relation[] = [{ parts: [[0, 0], [0, 2], [0, 3], [0, 4]], total: [0, 5] }];
    const { suppressed } = suppressCells({ values, relations });
    expect(suppressed[0]?.[1]).toBe(false);
    expect(suppressed[0]?.[2]).toBe(true);
    expect(suppressed[0]?.filter(Boolean).length).toBe(2);
  });
});

describe('percentages and single counts', () => {
  it.each([
    [5, 29, null],
    [5, 30, 16.7],
    [0, 100, 0],
    [30, 30, 100],
  ])('%i of %i → %s', (count, b, expected) => {
    expect(percentOrNull(count, b)).toBe(expected);
  });

  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
  ])('count %i is published as %s', (value, shown) => {
    expect(publishedCount(value)).toBe(shown);
  });
});
