// The pipeline board and the arrival desk against a scripted API: columns with counts linking to the
// filtered list and the filters sent from the URL; the day's expected movement confirmed in one
// click, and cash on arrival prefilled with the programme's amount.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';
import { COUNTRIES, SITE_ID, summary } from '../registry/testData';
import { today } from '../registry/shared';
import { CASE_ID, MOVEMENT_ID, movement, returnCase } from './testData';

const SLOW = { timeout: 8000 };
const AUTH = { status: 'authenticated', me: makeMe(['person.read', 'reference.read', 'returnCase.read', 'returnCase.create', 'returnCase.update', 'returnCase.transition', 'movement.manage']) } as const;

describe('the pipeline board', () => {
  it('shows each status with its count, linked to the filtered list, and sends the URL filters', async () => {
    const c = returnCase({ status: 'booked', unaccompaniedChild: true });
    const requests = mockFetch((r) => {
      if (r.path === '/api/v1/returns/pipeline') {
        return { body: { columns: [{ status: 'requested', count: 0, cases: [] }, { status: 'booked', count: 51, cases: [c] }] } };
      }
      if (r.path === '/api/v1/reference/countries') return { body: COUNTRIES };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/returns?direction=inbound&vulnerable=true', auth: AUTH });
    const column = await screen.findByRole('region', { name: 'Réservé : 51 dossier(s)' }, SLOW);
    expect(within(column).getByRole('link', { name: 'Mamadou Coulibaly' }).getAttribute('href')).toBe(`/returns/cases/${CASE_ID}`);
    expect(within(column).getByText('Enfant non accompagné')).toBeTruthy();
    expect(within(column).getByText('3 jours dans l\'étape')).toBeTruthy();
    expect(within(column).getByRole('link', { name: 'Voir les 51 dossier(s) « Réservé »' }).getAttribute('href')).toBe('/returns/cases?direction=inbound&vulnerable=true&status=booked');
    expect(within(column).getByText('et 50 autres dossiers…')).toBeTruthy();
    const sent = requests.find((r) => r.path === '/api/v1/returns/pipeline');
    expect(sent?.search.get('direction')).toBe('inbound');
    expect(sent?.search.get('vulnerable')).toBe('true');
  }, 20_000);
});

describe('the arrival desk', () => {
  it('confirms an expected movement in one click and prefills cash on arrival', async () => {
    const departed = movement({ status: 'departed', passengers: movement().passengers.map((p) => ({ ...p, departureStatus: 'departed' as const })) });
    const arrival = {
      id: '01930000-0000-7000-8000-000000000601',
      person: summary(),
      returnCaseId: CASE_ID,
      caseNumber: 'ML-BKO-AVR-2025-000123',
      movementId: MOVEMENT_ID,
      siteId: SITE_ID,
      siteName: 'Gao',
      arrivedOn: today(),
      fromCountry: 'NER',
      destinationPcode: 'ML0701',
      vulnerable: false,
      referralNeeds: [],
      note: null,
      assistance: [],
      reintegrationCaseId: null,
      reintegrationCaseNumber: null,
      abilities: { addAssistance: true },
      version: 1,
      createdAt: '2025-03-10T10:00:00.000Z',
      updatedAt: '2025-03-10T10:00:00.000Z',
    };
    const requests = mockFetch((r) => {
      if (r.path === '/api/v1/arrivals/expected') {
        return { body: { items: [{ movementId: MOVEMENT_ID, reference: departed.reference, kind: departed.kind, status: 'departed', arrivalDate: today(), overdue: false, passengers: departed.passengers }] } };
      }
      if (r.method === 'GET' && r.path === '/api/v1/arrivals') return { body: { items: [arrival], nextCursor: null } };
      if (r.method === 'POST') return { body: {} };
      if (r.path === '/api/v1/reference/countries') return { body: COUNTRIES };
      // The programme's configured amount, which the form must prefill (not the SPEC default 52 000).
      if (r.path === '/api/v1/returns/settings') return { body: { cashOnArrivalXof: 60000 } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/returns/arrivals', auth: AUTH });
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer l\'arrivée de MV-2025-0007' }, SLOW));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST' && r.path === `/api/v1/movements/${MOVEMENT_ID}/arrival`)?.body).toEqual({ arrivedOn: today() }));
    expect(requests.find((r) => r.path === '/api/v1/arrivals/expected')?.search.get('siteId')).toBe(SITE_ID);

    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter une assistance pour Mamadou Coulibaly' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: 'Montant (F CFA)' }) as HTMLInputElement).value).toBe('60 000'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.find((r) => r.path === `/api/v1/arrivals/${arrival.id}/assistance`)?.body).toEqual({ type: 'cash_on_arrival', givenOn: today(), amountXof: 60000 }));
  }, 20_000);
});
