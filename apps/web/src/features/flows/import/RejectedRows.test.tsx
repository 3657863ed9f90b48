// The rejected-rows report: every reason of every row, client-side pages, and the CSV download.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import i18n from '../../../app/i18n';
import { parseCsv } from '../../../components/charts/csv';
import { makeMe, renderWithApp } from '../../../test/helpers';

const AUTH = { status: 'authenticated', me: makeMe(['flow.read', 'flow.manage']) } as const;
import { RejectedRows, rejectedCsvRows } from './RejectedRows';

const REJECTED = Array.from({ length: 23 }, (_, i) => ({
  row: i + 2,
  errors: i === 0 ? [{ field: 'total', message: 'must equal men + women + boys + girls + sexAgeUnknown (12)' }, { field: 'date', message: 'must not be in the future' }] : [{ field: 'fmpId', message: `=unknown point ${i}` }],
}));

describe('rejected rows report', () => {
  it('lists every reason of a row, twenty rows a page', () => {
    renderWithApp(<RejectedRows rejected={REJECTED} fileName="comptages.csv" />, { auth: AUTH });
    expect(screen.getByText('23 ligne(s) rejetée(s)')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Lignes rejetées et leurs motifs' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(21); // header + 20
    const first = within(table).getByRole('row', { name: /^2 / });
    expect(first.textContent).toContain('Total — must equal men + women + boys + girls + sexAgeUnknown (12)');
    expect(first.textContent).toContain('Date — must not be in the future');
    expect(within(table).queryByRole('rowheader', { name: '24' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Page 2 du rapport' }));
    const second = within(screen.getByRole('table', { name: 'Lignes rejetées et leurs motifs' }));
    expect(second.getAllByRole('row')).toHaveLength(4);
    expect(second.getByRole('rowheader', { name: '24' })).toBeTruthy();
  });

  it('writes one CSV line per reason, formula-looking messages neutralised on download', async () => {
    const rows = rejectedCsvRows(i18n.t, REJECTED.slice(0, 2));
    expect(rows).toEqual([
      ['Ligne', 'Champ', 'Motif'],
      [2, 'total', 'must equal men + women + boys + girls + sexAgeUnknown (12)'],
      [2, 'date', 'must not be in the future'],
      [3, 'fmpId', '=unknown point 1'],
    ]);

    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:report';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    renderWithApp(<RejectedRows rejected={REJECTED.slice(0, 2)} fileName="comptages.csv" />, { auth: AUTH });
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le rapport (CSV)' }));
    expect(saved).toHaveLength(1);
    const text = await (saved[0] as Blob).text();
    expect(parseCsv(text)).toEqual([
      ['Ligne', 'Champ', 'Motif'],
      ['2', 'total', 'must equal men + women + boys + girls + sexAgeUnknown (12)'],
      ['2', 'date', 'must not be in the future'],
      ['3', 'fmpId', "'=unknown point 1"],
    ]);
  });

  it('says so when no row was rejected', () => {
    renderWithApp(<RejectedRows rejected={[]} fileName="x.csv" />, { auth: AUTH });
    expect(screen.getByText('Aucune ligne rejetée')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
