// Statistical disclosure control for published aggregates (SPEC §8, §3.3).
//  1. Primary: every count from 1 to 4 is suppressed.
//  2. Secondary: a table carries additive relations (a row's total = Σ its sex/age cells; a
//     subtotal row = Σ the rows under it). A relation with exactly one hidden member gives that
//     member away, so the next-smallest visible member is hidden too, until no relation has one.
//  3. Relations combine (two rows and two columns can pin a cell together), so a final check does
//     Gaussian elimination over the hidden cells and hides more until none is determined.
// Zero is never primary-suppressed: it reveals no one. Percentages need a base of 30 or more.

/** A cell of the table: [row, column]. */
export type CellRef = readonly [number, number];

/** `Σ parts = total`; without `total` the sum is assumed known to the reader (published elsewhere). */
export interface Relation {
  parts: readonly CellRef[];
  total?: CellRef;
}

export interface SuppressionInput {
  /** Cell values; null = not applicable (never published, never counted). */
  values: readonly (readonly (number | null)[])[];
  relations: readonly Relation[];
  /** Primary suppression range, inclusive; default 1–4. */
  min?: number;
  max?: number;
}

export interface SuppressionResult {
  suppressed: boolean[][];
  primary: number;
  secondary: number;
}

export const SUPPRESSION_MIN = 1;
export const SUPPRESSION_MAX = 4;
/** Smallest base a published percentage may have. */
export const MIN_PERCENT_BASE = 30;

/** Tells whether a single published count must be hidden (1–4). */
export function isSmallCount(value: number, min = SUPPRESSION_MIN, max = SUPPRESSION_MAX): boolean {
  return value >= min && value <= max;
}

/** A percentage rounded to one decimal, or null when the base is below 30. */
export function percentOrNull(count: number, base: number): number | null {
  if (base < MIN_PERCENT_BASE) return null;
  return Math.round((count / base) * 1000) / 10;
}

/** A count as published: null when it is 1–4. */
export function publishedCount(value: number): number | null {
  return isSmallCount(value) ? null : value;
}

const key = (c: CellRef) => `${c[0]}:${c[1]}`;

function membersOf(relation: Relation): CellRef[] {
  return relation.total ? [...relation.parts, relation.total] : [...relation.parts];
}

/** Computes which cells to hide so that none of them can be recovered from the table's relations. */
export function suppressCells(input: SuppressionInput): SuppressionResult {
  const min = input.min ?? SUPPRESSION_MIN;
  const max = input.max ?? SUPPRESSION_MAX;
  const suppressed = input.values.map((row) => row.map((v) => v !== null && isSmallCount(v, min, max)));
  const primary = suppressed.flat().filter(Boolean).length;
  let secondary = 0;
  const valueAt = (c: CellRef) => input.values[c[0]]?.[c[1]] ?? null;
  const hidden = (c: CellRef) => suppressed[c[0]]?.[c[1]] === true;
  const hide = (c: CellRef) => {
    const row = suppressed[c[0]];
    if (row && !row[c[1]]) {
      row[c[1]] = true;
      secondary += 1;
    }
  };
  // The smallest visible member, preferring non-zero ones: hiding a zero protects less, since a
  // reader who knows the hidden cell is 1–4 learns more from the remaining total.
  const smallestVisible = (members: CellRef[]): CellRef | undefined => {
    const visible = members.filter((c) => !hidden(c) && valueAt(c) !== null);
    const ordered = visible.sort((a, b) => (valueAt(a) ?? 0) - (valueAt(b) ?? 0) || a[0] - b[0] || a[1] - b[1]);
    return ordered.find((c) => (valueAt(c) ?? 0) > 0) ?? ordered[0];
  };

  const relations = input.relations.map((r) => membersOf(r).filter((c) => valueAt(c) !== null));
  for (let guard = 0; guard < 10_000; guard += 1) {
    let changed = false;
    for (const members of relations) {
      if (members.filter(hidden).length !== 1) continue;
      const next = smallestVisible(members);
      if (next) {
        hide(next);
        changed = true;
      }
    }
    if (changed) continue;
    // No single-unknown relation left; look for cells pinned by combining relations.
    const pinned = determinedCells(input.values, suppressed, input.relations);
    if (pinned.length === 0) break;
    const first = pinned[0];
    const around = first ? relations.find((m) => m.some((c) => key(c) === key(first)) && smallestVisible(m)) : undefined;
    const next = around ? smallestVisible(around) : undefined;
    if (!next) break; // nothing left to hide around it (only possible for a degenerate table)
    hide(next);
  }
  return { suppressed, primary, secondary };
}

/**
 * The hidden cells a reader can compute exactly from the visible cells and the relations, by
 * linear algebra over the hidden cells (a cell is determined when its unit vector lies in the row
 * space of the relations restricted to hidden cells).
 */
export function determinedCells(values: SuppressionInput['values'], suppressed: readonly (readonly boolean[])[], relations: readonly Relation[]): CellRef[] {
  const unknowns: CellRef[] = [];
  const index = new Map<string, number>();
  for (const relation of relations) {
    for (const c of membersOf(relation)) {
      if (suppressed[c[0]]?.[c[1]] && values[c[0]]?.[c[1]] !== null && !index.has(key(c))) {
        index.set(key(c), unknowns.length);
        unknowns.push(c);
      }
    }
  }
  if (unknowns.length === 0) return [];
  const matrix: number[][] = [];
  for (const relation of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const c of relation.parts) {
      const i = index.get(key(c));
      if (i !== undefined) {
        row[i] = (row[i] ?? 0) + 1;
        any = true;
      }
    }
    if (relation.total) {
      const i = index.get(key(relation.total));
      if (i !== undefined) {
        row[i] = (row[i] ?? 0) - 1;
        any = true;
      }
    }
    if (any) matrix.push(row);
  }
  const pivots = reduceRows(matrix, unknowns.length);
  const found: CellRef[] = [];
  for (const [rowIndex, col] of pivots) {
    const row = matrix[rowIndex];
    const cell = unknowns[col];
    if (row && cell && row.every((v, j) => j === col || Math.abs(v) < 1e-9)) found.push(cell);
  }
  return found;
}

/** Brings a matrix to reduced row-echelon form in place; returns [row, pivot column] pairs. */
function reduceRows(m: number[][], cols: number): [number, number][] {
  const pivots: [number, number][] = [];
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c += 1) {
    let best = -1;
    for (let i = r; i < m.length; i += 1) if (Math.abs(m[i]?.[c] ?? 0) > 1e-9 && (best < 0 || Math.abs(m[i]?.[c] ?? 0) > Math.abs(m[best]?.[c] ?? 0))) best = i;
    if (best < 0) continue;
    const pivotRow = m[best];
    const current = m[r];
    if (!pivotRow || !current) continue;
    m[best] = current;
    m[r] = pivotRow;
    const p = pivotRow[c] ?? 1;
    for (let j = 0; j < cols; j += 1) pivotRow[j] = (pivotRow[j] ?? 0) / p;
    for (let i = 0; i < m.length; i += 1) {
      const row = m[i];
      if (i === r || !row) continue;
      const f = row[c] ?? 0;
      if (Math.abs(f) < 1e-12) continue;
      for (let j = 0; j < cols; j += 1) row[j] = (row[j] ?? 0) - f * (pivotRow[j] ?? 0);
    }
    pivots.push([r, c]);
    r += 1;
  }
  return pivots;
}

/**
 * The relations of a published flow table: in every row `total = Σ parts`, and in every group the
 * subtotal row is the column sum of the group's detail rows, for every count column.
 */
export function flowTableRelations(options: {
  /** Column indexes of the additive sex/age cells and of the row total. */
  partColumns: readonly number[];
  totalColumn: number;
  /** Every count column (additive over rows). */
  countColumns: readonly number[];
  /** Groups: the subtotal row and its detail rows. */
  groups: readonly { subtotalRow: number; rows: readonly number[] }[];
  rowCount: number;
}): Relation[] {
  const relations: Relation[] = [];
  for (let r = 0; r < options.rowCount; r += 1) {
    relations.push({ parts: options.partColumns.map((c) => [r, c] as const), total: [r, options.totalColumn] });
  }
  for (const group of options.groups) {
    for (const c of options.countColumns) {
      relations.push({ parts: group.rows.map((r) => [r, c] as const), total: [group.subtotalRow, c] });
    }
  }
  return relations;
}
