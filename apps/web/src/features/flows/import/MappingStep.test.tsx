// The mapping step: recognised and unrecognised columns, choosing a field for a renamed column, and
// the warnings for required fields left without a column or fields chosen twice.
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { ImportField } from '@taama/core';
import { makeMe, renderWithApp } from '../../../test/helpers';

const AUTH = { status: 'authenticated', me: makeMe(['flow.read', 'flow.manage']) } as const;
import { initialMapping, mappingProblems, MappingStep } from './MappingStep';

const FIELDS = [
  { name: 'fmpId', type: 'string', required: true },
  { name: 'date', type: 'date', required: true },
  { name: 'men', type: 'integer', required: true },
  { name: 'women', type: 'integer', required: true },
  { name: 'originLocality', type: 'string', required: false },
] as unknown as ImportField[];

const RECOGNISED = { fmp_id: 'fmpId', date: 'date', women: 'women' };
const COLUMNS = ['fmp_id', 'date', 'women', 'Hommes adultes', 'commentaire'];

/** The step with its state, as the wizard holds it. */
function Harness({ onMapping }: { onMapping?: (mapping: Record<string, string>) => void }) {
  const [mapping, setMapping] = useState(() => initialMapping(COLUMNS, RECOGNISED));
  return (
    <MappingStep
      columns={COLUMNS}
      recognised={RECOGNISED}
      fields={FIELDS}
      mapping={mapping}
      onChange={(column, field) => {
        const next = { ...mapping, [column]: field };
        setMapping(next);
        onMapping?.(next);
      }}
    />
  );
}

describe('import mapping step', () => {
  it('starts from what the server recognised, a saved mapping taking precedence', () => {
    expect(initialMapping(COLUMNS, RECOGNISED)).toEqual({ fmp_id: 'fmpId', date: 'date', women: 'women' });
    expect(initialMapping(COLUMNS, RECOGNISED, { 'Hommes adultes': 'men', women: 'originLocality' })).toEqual({ fmp_id: 'fmpId', date: 'date', women: 'originLocality', 'Hommes adultes': 'men' });
  });

  it('reports required fields without a column and fields chosen twice', () => {
    expect(mappingProblems({ a: 'fmpId', b: 'date', c: 'women', d: 'women' }, FIELDS)).toEqual({ missing: ['men'], twice: ['women'] });
    expect(mappingProblems({ a: 'fmpId', b: 'date', c: 'women', d: 'men', e: '' }, FIELDS)).toEqual({ missing: [], twice: [] });
  });

  it('shows each column as recognised or not, and maps a renamed column to its field', async () => {
    let latest: Record<string, string> = {};
    renderWithApp(<Harness onMapping={(m) => (latest = m)} />, { auth: AUTH });

    const table = screen.getByRole('table', { name: 'Correspondance des colonnes' });
    const row = (column: string) => within(table).getByRole('row', { name: new RegExp(column) });
    expect(within(row('fmp_id')).getByText('Reconnue')).toBeTruthy();
    expect(within(row('Hommes adultes')).getByText('Non reconnue')).toBeTruthy();
    expect(within(row('commentaire')).getByText('Non reconnue')).toBeTruthy();

    // The required "men" has no column yet.
    expect(screen.getByRole('status').textContent).toContain('Champ obligatoire sans colonne : Hommes (18+)');

    const select = screen.getByRole('combobox', { name: 'Champ Taama pour la colonne « Hommes adultes »' });
    fireEvent.click(select);
    fireEvent.click(await screen.findByRole('option', { name: 'Hommes (18+) (men) *' }));

    expect(latest).toEqual({ fmp_id: 'fmpId', date: 'date', women: 'women', 'Hommes adultes': 'men' });
    expect(screen.queryByRole('status')).toBeNull();
    expect((select as HTMLInputElement).value).toBe('Hommes (18+) (men) *');
  });

  it('warns when two columns fill the same field', async () => {
    renderWithApp(<Harness />, { auth: AUTH });
    fireEvent.click(screen.getByRole('combobox', { name: 'Champ Taama pour la colonne « commentaire »' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Date (date) *' }));
    expect(screen.getByRole('status').textContent).toContain('Champ choisi pour plusieurs colonnes : Date');
  });
});
