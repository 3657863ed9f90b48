// The HXL long-format CSV of SPEC §11: one row per quarter × indicator × region (adm1), with the
// reached people split by sex and adult/child. Values are the records' current values.
import { parsePeriod, UNKNOWN, type IndicatorValue } from '@taama/core';
import type { Computed } from '../compute';
import { neutralise, SEX_AGE_CELLS } from './common';

export const HXL_HEADER = ['Start date', 'End date', 'Region (adm1) P-code', 'Implementing partner', 'Indicator code', 'Indicator', 'Target', 'Reached', 'Men (adults)', 'Women (adults)', 'Boys (children)', 'Girls (children)'];
export const HXL_TAGS = ['#date+start', '#date+end', '#adm1+code', '#org+name+impl', '#indicator+code', '#indicator+name', '#targeted', '#reached', '#reached+m+adults', '#reached+f+adults', '#reached+m+children', '#reached+f+children'];

type Cell = string | number | null;

/** The data rows: `computed` carries the region × sex × age cells of each quarter in the span. */
export function hxlRows(computed: readonly Computed[], values: ReadonlyMap<string, IndicatorValue>, partnerNames: ReadonlyMap<string, string>, span: { from: string; to: string }): Cell[][] {
  const rows: Cell[][] = [];
  for (const c of computed) {
    if (!c.available) continue;
    const value = values.get(c.definition.code);
    const quarters = [...c.quarters.entries()].filter(([, q]) => q.inSpan > 0).sort(([a], [b]) => a.localeCompare(b));
    for (const [code, q] of quarters) {
      const period = parsePeriod(code);
      if (!period) continue;
      const start = period.from < span.from ? span.from : period.from;
      const end = period.to > span.to ? span.to : period.to;
      const regions = new Map<string, Map<string, number>>();
      for (const [key, n] of Object.entries(q.dims.regionSexAge ?? {})) {
        const [region = UNKNOWN, sex = UNKNOWN, age = UNKNOWN] = key.split('|');
        const cells = regions.get(region) ?? new Map<string, number>();
        cells.set(`${sex}|${age}`, (cells.get(`${sex}|${age}`) ?? 0) + n);
        regions.set(region, cells);
      }
      const target = c.definition.periodTargets[code] ?? null;
      // The quarter's target goes on its first row only, so that a sum over rows stays right.
      let first = true;
      for (const [region, cells] of [...regions.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const reached = [...cells.values()].reduce((a, b) => a + b, 0);
        rows.push([
          start,
          end,
          region === UNKNOWN ? null : region,
          partnerNames.get(c.definition.partner) ?? c.definition.partner,
          c.definition.code,
          value?.title ?? c.definition.title.en,
          first ? target : null,
          reached,
          ...SEX_AGE_CELLS.map(([sex, age]) => cells.get(`${sex}|${age}`) ?? 0),
        ]);
        first = false;
      }
    }
  }
  return rows;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutralise(value);
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV bytes: label row, HXL hashtag row, data. */
export function hxlCsv(rows: readonly Cell[][]): Buffer {
  return Buffer.from([HXL_HEADER, HXL_TAGS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
}
