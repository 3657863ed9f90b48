// What a count offers depends on its status and on the user's permissions: a data officer edits and
// submits a draft, a validator validates or rejects (with a reason) a submitted count, a reader only
// reads.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../../test/helpers';
import { countActions } from './actions';
import type { FlowCount } from '@taama/core';

// The flows pages are lazy chunks: their first load may take a while on a busy machine.
const LAZY = { timeout: 10_000 };

const COUNT: FlowCount = {
  id: '01930000-0000-7000-8000-00000000c001', fmpId: 'ML-FMP-06', fmpName: 'Gao - Place Kidal', windowStart: null, windowEnd: null, collectionId: null, importId: null, date: '2025-03-04', observationWindow: 'full_day', direction: 'outgoing', originCountry: 'MLI',
  originPcode: 'ML0703', originLocality: 'Gao', previousTransitLocality: null, nextDestinationCountry: 'DZA', finalDestinationCountry: 'DZA', destinationPcode: null,
  destinationLocality: 'Tamanrasset', transportMode: 'truck', movementType: 'economic_long_term', men: 31, women: 2, boys: 1, girls: 0, sexAgeUnknown: 0, total: 34,
  childrenUnder5: 0, unaccompaniedChildren: 1, pregnantWomen: 0, elderly60plus: 0, personsWithDisability: 0, nationalities: [{ country: 'MLI', count: 30 }],
  collectionMethod: 'direct_observation', enumeratorId: 'enum-07', status: 'submitted', validatedBy: null, validatedAt: null, rejectionReason: null,
  organisationId: '01930000-0000-7000-8000-0000000000a1', version: 3, createdAt: '2025-03-04T10:00:00.000Z', updatedAt: '2025-03-04T10:00:00.000Z',
};
const POINTS = { items: [{ id: 'ML-FMP-06', name: 'Gao - Place Kidal', countryIso3: 'MLI', lat: 16.27, lon: -0.04, adm1Pcode: 'ML07', adm2Pcode: 'ML0703', adm3Pcode: null, fmpType: 'bus_station', activePeriods: [{ from: '2016-07-01', to: null }], note: null, version: 1 }], nextCursor: null };
const auth = (permissions: string[]) => ({ status: 'authenticated', me: makeMe(permissions) }) as const;

describe('count actions by status and permission', () => {
  it('follows draft → submitted → validated | rejected, per permission', () => {
    const officer = ['flow.read', 'flow.manage', 'flow.validate'];
    expect(countActions('draft', officer)).toEqual(['edit', 'submit']);
    expect(countActions('rejected', officer)).toEqual(['edit', 'submit']);
    expect(countActions('submitted', officer)).toEqual(['validate', 'reject']);
    expect(countActions('validated', officer)).toEqual([]);
    expect(countActions('draft', ['flow.read', 'flow.validate'])).toEqual([]);
    expect(countActions('submitted', ['flow.read', 'flow.manage'])).toEqual([]);
    expect(countActions('submitted', ['flow.read'])).toEqual([]);
  });
});

describe('count page', { timeout: 20_000 }, () => {
  function serve(count: FlowCount) {
    let current = count;
    return mockFetch(({ method, path, body }) => {
      if (path === '/api/v1/flows/points') return { body: POINTS };
      if (path === '/api/v1/reference/countries') return { body: { items: [{ iso3: 'MLI', nameFr: 'Mali', nameEn: 'Mali' }, { iso3: 'DZA', nameFr: 'Algérie', nameEn: 'Algeria' }] } };
      if (method === 'GET' && path === `/api/v1/flows/counts/${count.id}`) return { body: current };
      if (method === 'POST' && path === `/api/v1/flows/counts/${count.id}/transitions`) {
        const to = (body as { to: string }).to;
        current = { ...current, status: to as FlowCount['status'], rejectionReason: (body as { reason?: string }).reason ?? null, version: current.version + 1 };
        return { body: current };
      }
      return undefined;
    });
  }

  it('lets a validator reject a submitted count, only with a reason', async () => {
    const requests = serve(COUNT);
    renderWithApp(<AppRoutes />, { route: `/flows/counts/${COUNT.id}`, auth: auth(['flow.read', 'flow.validate']) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Comptage — Gao - Place Kidal, 2025-03-04' }, LAZY)).toBeTruthy();
    expect(screen.getByText('Soumis')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Valider' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Modifier' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Soumettre' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Rejeter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rejeter le comptage' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rejeter' }));
    expect(within(dialog).getByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif du rejet/ }), { target: { value: 'Total incohérent avec la fiche papier' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rejeter' }));
    await waitFor(() => expect(screen.getAllByText('Rejeté').length).toBeGreaterThan(0));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ to: 'rejected', reason: 'Total incohérent avec la fiche papier' });
    expect(await screen.findByText('Total incohérent avec la fiche papier')).toBeTruthy();
    // Rejected: nothing left for a validator who may not edit.
    expect(screen.queryByRole('button', { name: 'Valider' })).toBeNull();
  });

  it('lets a data officer edit and submit a draft, and shows nothing to act on to a reader', async () => {
    serve({ ...COUNT, status: 'draft' });
    const { unmount } = renderWithApp(<AppRoutes />, { route: `/flows/counts/${COUNT.id}`, auth: auth(['flow.read', 'flow.manage', 'flow.validate']) });
    expect(await screen.findByRole('heading', { level: 1, name: /^Comptage/ }, LAZY)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Modifier' }).getAttribute('href')).toBe(`/flows/counts/${COUNT.id}/edit`);
    expect(screen.getByRole('button', { name: 'Soumettre' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Valider' })).toBeNull();
    unmount();

    serve({ ...COUNT, status: 'submitted' });
    renderWithApp(<AppRoutes />, { route: `/flows/counts/${COUNT.id}`, auth: auth(['flow.read']) });
    expect(await screen.findByRole('heading', { level: 1, name: /^Comptage/ }, LAZY)).toBeTruthy();
    for (const name of ['Soumettre', 'Valider', 'Rejeter']) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Modifier' })).toBeNull();
    // The module's navigation leaves out what a reader may not open.
    const nav = screen.getByRole('navigation', { name: 'Sections des flux migratoires' });
    expect(within(nav).queryByRole('link', { name: 'Import' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Enquêtes' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Comptages' }).getAttribute('aria-current')).toBe('page');
  });
});
