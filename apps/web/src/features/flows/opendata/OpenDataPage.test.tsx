// The open-data page: the preview shows suppressed cells empty with their flag; publishing needs the
// flow.publish permission and a period, asks for confirmation, and sends the filters shown.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../../test/helpers';

// The flows pages are lazy chunks: their first load may take a while on a busy machine.
const LAZY = { timeout: 10_000 };

const CSV = [
  'FMP,Month,Direction,Origin,Destination,Total,Suppressed',
  '#loc+code,#date+month,#indicator+direction,#country+code+origin,#country+code+dest,#population+total,#meta+suppressed',
  'ML-FMP-06,2025-03,outgoing,MLI,DZA,34,false',
  'ML-FMP-06,2025-03,incoming,DZA,MLI,,true',
].join('\r\n');

function serve() {
  const requests = mockFetch(({ method, path }) => {
    if (path === '/api/v1/flows/points') return { body: { items: [], nextCursor: null } };
    if (path === '/api/v1/flows/publications' && method === 'GET') return { body: { items: [], nextCursor: null } };
    if (path === '/api/v1/flows/publications' && method === 'POST') {
      return { status: 201, body: { id: '01930000-0000-7000-8000-0000000000f1', publishedAt: '2025-04-01T08:00:00.000Z', publishedBy: 'data.officer', publishedById: null, filters: {}, rows: 2, sha256: 'ab'.repeat(32) } };
    }
    return undefined;
  });
  // The export is CSV, not JSON: answered as the server sends it.
  const json = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    new URL(String(input), 'http://localhost').pathname === '/api/v1/flows/export.csv'
      ? Promise.resolve(new Response(CSV, { status: 200, headers: { 'Content-Type': 'text/csv' } }))
      : json(input, init),
  );
  return requests;
}

describe('open data page', { timeout: 20_000 }, () => {
  it('previews the label and HXL rows, suppressed cells empty with their flag', async () => {
    serve();
    renderWithApp(<AppRoutes />, { route: '/flows/open-data', auth: { status: 'authenticated', me: makeMe(['flow.read']) } });
    const table = await screen.findByRole('table', { name: 'Aperçu' }, LAZY);
    expect(within(table).getByRole('columnheader', { name: 'Total' })).toBeTruthy();
    expect(within(table).getByText('#population+total')).toBeTruthy();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[3] as HTMLElement).getByText('masqué')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).queryByText('masqué')).toBeNull();
    // A reader may download but not publish.
    expect(screen.getByRole('link', { name: 'Télécharger le CSV' }).getAttribute('href')).toBe('/api/v1/flows/export.csv?groupBy=month');
    expect(screen.queryByRole('button', { name: 'Publier' })).toBeNull();
  });

  it('publishes the period shown, after confirmation, for a holder of flow.publish', async () => {
    const requests = serve();
    renderWithApp(<AppRoutes />, { route: '/flows/open-data', auth: { status: 'authenticated', me: makeMe(['flow.read', 'flow.publish']) } });
    const publish = await screen.findByRole('button', { name: 'Publier' }, LAZY);
    // No period chosen yet: nothing to publish.
    expect((publish as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2025-03-31' } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Publier' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Publier' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publier ces données ?' });
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publier' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ groupBy: 'month', from: '2025-03-01', to: '2025-03-31' });
    expect(await screen.findByText('Publication enregistrée (2 lignes).')).toBeTruthy();
  });
});
