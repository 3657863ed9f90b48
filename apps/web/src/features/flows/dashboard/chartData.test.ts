// The dashboard's chart builders: the tables behind the charts, which the CSV downloads carry.
import { describe, expect, it } from 'vitest';
import { reasonsTable, sankeyData, share, topWithOther, trendData } from './chartData';
import { periodRange } from '../links';

const labels = { direction: (d: string) => ({ incoming: 'Entrant', outgoing: 'Sortant' })[d] ?? d, country: (c: string) => ({ MLI: 'Mali', BFA: 'Burkina Faso' })[c] ?? c };

describe('dashboard chart data', () => {
  it('lays a trend out as one row per period and one column per direction, zero where nothing was counted', () => {
    const data = trendData(
      [
        { period: '2025-02', direction: 'incoming', total: 5 },
        { period: '2025-01', direction: 'outgoing', total: 3 },
        { period: '2025-01', direction: 'incoming', total: 8 },
      ],
      'Période',
      labels,
    );
    expect(data.table.header).toEqual(['Période', 'Entrant', 'Sortant']);
    expect(data.table.rows).toEqual([
      ['2025-01', 8, 3],
      ['2025-02', 5, 0],
    ]);
    expect(data.series.find((s) => s.direction === 'outgoing')?.values).toEqual([3, 0]);
  });

  it('keeps origin and destination nodes apart so a country on both sides makes no cycle', () => {
    const data = sankeyData(
      [
        { origin: 'MLI', destination: 'BFA', total: 7 },
        { origin: 'BFA', destination: 'MLI', total: 12 },
        { origin: 'MLI', destination: 'MLI', total: 0 },
      ],
      { origin: 'Origine', destination: 'Destination', total: 'Personnes' },
      labels,
    );
    expect(data.nodes.map((n) => n.name).sort()).toEqual(['Burkina Faso ›', 'Mali ›', '› Burkina Faso', '› Mali']);
    expect(data.links.every((l) => l.source !== l.target)).toBe(true);
    expect(data.table.rows).toEqual([
      ['Burkina Faso (BFA)', 'Mali (MLI)', 12],
      ['Mali (MLI)', 'Burkina Faso (BFA)', 7],
    ]);
  });

  it('computes shares to one decimal, none on an empty base', () => {
    expect(share(1, 3)).toBe(33.3);
    expect(share(0, 0)).toBeNull();
  });

  it('keeps the largest entries and sums the rest', () => {
    expect(topWithOther([{ key: 'a', count: 1 }, { key: 'b', count: 5 }, { key: 'c', count: 2 }], 2, 'Autres')).toEqual([
      { key: 'b', count: 5 },
      { key: 'c', count: 2 },
      { key: '', label: 'Autres', count: 1 },
    ]);
  });

  it('writes hidden percentages (base under 30) as empty cells', () => {
    const { table } = reasonsTable(
      [
        { group: 'MLI', n: 120, reasons: [{ reason: 'economic', count: 60, percent: 50 }] },
        { group: 'BFA', n: 12, reasons: [{ reason: 'economic', count: 6, percent: null }] },
      ],
      { group: 'Nationalité', n: 'n' },
      (r) => (r === 'economic' ? 'Économique' : r),
      (g) => g,
    );
    expect(table.header).toEqual(['Nationalité', 'n', 'Économique (%)']);
    expect(table.rows).toEqual([
      ['MLI', 120, 50],
      ['BFA', 12, null],
    ]);
  });

  it('turns trend periods into date ranges for the counts list', () => {
    expect(periodRange('2025-02', 'month')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodRange('2024-12-30', 'week')).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(periodRange('2025-W01', 'week')).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(periodRange('2025-03-04', 'day')).toEqual({ from: '2025-03-04', to: '2025-03-04' });
    expect(periodRange('2025-03-01', 'month')).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(periodRange('nonsense', 'day')).toBeUndefined();
  });
});
