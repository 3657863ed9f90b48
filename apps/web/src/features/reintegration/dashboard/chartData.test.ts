// The dashboard's tables: the funnel in workflow order with missing statuses at 0, and the bins.
import { describe, expect, it } from 'vitest';
import { binLabels, funnelRows, histogramTable } from './chartData';

describe('dashboard chart data', () => {
  it('lists every status in workflow order, 0 where the server left one out', () => {
    const rows = funnelRows([{ status: 'completed', count: 4 }, { status: 'eligible', count: 10 }]);
    expect(rows.map((r) => r.status)).toEqual(['eligible', 'counselled', 'plan_approved', 'in_progress', 'completed', 'suspended', 'withdrawn', 'lost_contact']);
    expect(rows.map((r) => r.count)).toEqual([10, 0, 0, 0, 4, 0, 0, 0]);
  });
  it('labels ten bins and puts each score in its column', () => {
    expect(binLabels()[0]).toBe('0.0–0.1');
    expect(binLabels()[9]).toBe('0.9–1.0');
    const table = histogramTable(['bin', 'a', 'b'], [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]]);
    expect(table.rows[9]).toEqual(['0.9–1.0', 10, 1]);
    expect(table.rows).toHaveLength(10);
  });
});
