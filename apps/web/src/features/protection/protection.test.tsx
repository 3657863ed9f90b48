// The protection screens against a scripted API: the case page (priority preview and screening,
// services total in XOF and EUR, the consent refusal of a referral, closing with a reason), the
// dashboard's numbers leading to their lists, and the caseload's filters.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Service, TransitCase } from '@taama/core';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';

// Pages are loaded on demand: the first one of a test may take a while on a busy machine.
const SLOW = { timeout: 8000 };
import { COUNTRIES, ORG_ID, person, SITE_ID, summary } from '../registry/testData';
import { formatXof } from './shared';

const OFFICER = makeMe(['person.read', 'person.create', 'transitCase.read', 'transitCase.create', 'transitCase.update', 'transitCase.approve', 'referral.manage', 'reference.read'], { maxSensitivity: 'sensitive' });
const AUTH = { status: 'authenticated', me: OFFICER } as const;
const CASE_ID = '01930000-0000-7000-8000-000000000301';

function service(id: string, type: Service['type'], costXof: number): Service {
  return { id, transitCaseId: CASE_ID, type, date: '2025-03-03', quantity: 1, provider: null, costXof, note: null, recordedBy: 'Aminata Maïga', createdAt: '2025-03-03T10:00:00.000Z' };
}

function transitCase(overrides: Partial<TransitCase> = {}): TransitCase {
  return {
    id: CASE_ID,
    caseNumber: 'ML-GAO-TC-2025-000045',
    person: summary(),
    organisationId: ORG_ID,
    siteId: SITE_ID,
    siteName: 'Gao',
    status: 'active',
    closureReason: null,
    priority: null,
    openedOn: '2025-03-02',
    closedOn: null,
    assignedTo: null,
    assignedToName: null,
    screenings: [],
    services: [],
    referrals: [],
    tasks: [],
    notes: [],
    stays: [],
    history: [],
    abilities: { update: true, nextStatuses: ['referred', 'closed'], addServices: true, refer: true, approve: true },
    version: 4,
    createdAt: '2025-03-02T09:00:00.000Z',
    updatedAt: '2025-03-02T09:00:00.000Z',
    ...overrides,
  };
}

describe('the transit case page', () => {
  it('previews the priority of a screening and sends the flags checked', async () => {
    const requests = mockFetch(({ method, path }) => {
      if (path === `/api/v1/transit-cases/${CASE_ID}`) return { body: transitCase() };
      if (method === 'POST' && path === `/api/v1/transit-cases/${CASE_ID}/screenings`) {
        return { status: 201, body: { id: 'x', transitCaseId: CASE_ID, sequence: 1, priority: 'high', priorityBecause: 'flag:unaccompanied_child' } };
      }
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/protection/cases/${CASE_ID}`, auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: /ML-GAO-TC-2025-000045/ }, SLOW)).toBeTruthy();
    expect(screen.getAllByText('Non évalué').length).toBeGreaterThan(0);
    const form = screen.getByRole('form', { name: 'Évaluation de vulnérabilité' });
    expect(within(form).getByText('Priorité basse')).toBeTruthy();
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Enfant non accompagné' }));
    expect(within(form).getByText('Priorité haute')).toBeTruthy();
    expect(within(form).getByText('car : Enfant non accompagné')).toBeTruthy();
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Sans documents' }));
    fireEvent.click(within(form).getByRole('button', { name: "Enregistrer l'évaluation" }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      flags: ['unaccompanied_child'],
      riskFactors: { individual: ['no_documents'], household: [], community: [], structural: [] },
      protectiveFactors: { individual: [], household: [], community: [], structural: [] },
    });
  }, 20_000);

  it('totals the services in XOF with their value in euros at the peg', async () => {
    mockFetch(({ path }) => (path === `/api/v1/transit-cases/${CASE_ID}` ? { body: transitCase({ services: [service('s1', 'food', 3000), service('s2', 'hygiene_kit', 10000)] }) } : undefined));
    renderWithApp(<AppRoutes />, { route: `/protection/cases/${CASE_ID}?tab=services`, auth: AUTH });
    const total = await screen.findByTestId('services-total', {}, SLOW);
    expect(total.textContent).toMatch(/^13\s000\sF\sCFA \(19,82\s€\)$/);
    expect(screen.getByText('Total (2 services)')).toBeTruthy();
    expect(formatXof(655957, 'en')).toMatch(/1,000\.00/);
  }, 20_000);

  it('says clearly that a referral was refused for want of the person’s consent', async () => {
    const partner = '01930000-0000-7000-8000-0000000000a7';
    mockFetch(({ method, path }) => {
      if (path === `/api/v1/transit-cases/${CASE_ID}`) return { body: transitCase() };
      if (path === `/api/v1/people/${summary().id}`) {
        return { body: person({ consents: [{ id: 'c1', personId: summary().id, kind: 'data_sharing', organisationId: partner, organisationName: 'ONG Sahel', method: 'explicit_oral', givenOn: '2025-03-02', recordedBy: null, withdrawnOn: '2025-03-03', note: null, createdAt: '' }] }) };
      }
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (method === 'POST' && path === `/api/v1/transit-cases/${CASE_ID}/referrals`) {
        return { status: 422, body: { error: { code: 'no_consent', message: 'no consent to share with this organisation', fields: { toOrganisationId: 'has no consent from the person' } } } };
      }
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/protection/cases/${CASE_ID}?tab=referrals`, auth: AUTH });
    const form = await screen.findByRole('form', { name: 'Nouvelle orientation' }, SLOW);
    fireEvent.click(within(form).getByRole('radio', { name: 'Interne' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Orienter' }));
    expect(await within(form).findByText('Orientation refusée : pas de consentement')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toMatch("n'a pas consenti au partage de ses données");
  }, 20_000);

  it('asks for the closure reason before closing', async () => {
    const requests = mockFetch(({ method, path }) => {
      if (path === `/api/v1/transit-cases/${CASE_ID}`) return { body: transitCase() };
      if (method === 'POST' && path.endsWith('/transitions')) return { body: transitCase({ status: 'closed', closureReason: 'avr_departed' }) };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/protection/cases/${CASE_ID}`, auth: AUTH });
    fireEvent.click(await screen.findByRole('button', { name: 'Clore le dossier' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Clore le dossier ML-GAO-TC-2025-000045' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: /^Motif de clôture/ }), { target: { value: 'avr_departed' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clore le dossier' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ to: 'closed', closureReason: 'avr_departed' }));
  }, 20_000);
});

describe('the site dashboard', () => {
  it('shows tonight against capacity and links every number to its list', async () => {
    const dashboard = {
      siteId: SITE_ID, siteName: 'Gao', date: '2025-03-04', capacity: 120, occupiedTonight: 125, arrivalsToday: 6, openCases: 40, highPriorityCases: 3,
      openReferrals: 5, overdueReferrals: 2, overdueTasks: 1, awaitingApproval: 1,
      occupancy: [{ night: '2025-03-03', occupied: 110, overCapacity: false }, { night: '2025-03-04', occupied: 125, overCapacity: true }],
    };
    mockFetch(({ path }) => (path === '/api/v1/protection/dashboard' ? { body: dashboard } : undefined));
    renderWithApp(<AppRoutes />, { route: '/protection', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Protection des migrants en transit' }, SLOW)).toBeTruthy();
    expect(await screen.findByText('125 / 120 ce soir')).toBeTruthy();
    expect(screen.getByText('Capacité dépassée')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dossiers prioritaires : 3' }).getAttribute('href')).toBe(`/protection/cases?assigned=all&priority=high&siteId=${SITE_ID}`);
    expect(screen.getByRole('link', { name: 'Orientations en retard : 2' }).getAttribute('href')).toBe('/protection/referrals?direction=outgoing&overdue=true');
    expect(screen.getByRole('link', { name: 'En attente de validation : 1' }).getAttribute('href')).toBe('/protection/tasks?status=awaiting_approval');
    expect(within(screen.getByRole('navigation', { name: 'Protection : navigation' })).getByRole('link', { name: 'Tableau de bord' }).getAttribute('aria-current')).toBe('page');
  }, 20_000);
});

describe('the caseload', () => {
  it('lists my cases by default and reads the other filters from the URL', async () => {
    const requests = mockFetch(({ path }) => (path === '/api/v1/transit-cases' ? { body: { items: [], nextCursor: null } } : undefined));
    renderWithApp(<AppRoutes />, { route: '/protection/cases?priority=high&status=open', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes dossiers' }, SLOW)).toBeTruthy();
    expect(await screen.findByText('Aucun résultat ne correspond à votre recherche ou à vos filtres.')).toBeTruthy();
    const first = requests.find((r) => r.path === '/api/v1/transit-cases');
    expect(Object.fromEntries(first?.search ?? [])).toEqual({ priority: 'high', status: 'open', assignedTo: 'me', limit: '25' });
    fireEvent.click(screen.getByRole('radio', { name: 'Tous' }));
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/v1/transit-cases').at(-1)?.search.has('assignedTo')).toBe(false));
    expect(screen.getByRole('heading', { level: 1, name: 'Dossiers de transit' })).toBeTruthy();
  }, 20_000);
});
