// The return screens against a scripted API: workflow buttons from the case's allowed moves and
// abilities, a refused move explained in plain words, withdrawal with its reason, the four-eyes
// best-interest approval, the sensitive medical field, expiring documents, and a movement's capacity
// and departure confirmation.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp, type RecordedRequest } from '../../test/helpers';
import { COUNTRIES } from '../registry/testData';
import { today } from '../registry/shared';
import { daysBefore } from './arrivals/dates';
import { CASE_ID, MOVEMENT_ID, movement, returnCase } from './testData';
import type { Movement, ReturnCase } from './types';

// Pages are loaded on demand: the first one of a test may take a while on a busy machine.
const SLOW = { timeout: 8000 };
const OFFICER_PERMISSIONS = ['person.read', 'person.create', 'reference.read', 'returnCase.read', 'returnCase.create', 'returnCase.update', 'returnCase.transition', 'movement.manage'];
const officer = (overrides: Parameters<typeof makeMe>[1] = {}) => ({ status: 'authenticated', me: makeMe(OFFICER_PERMISSIONS, overrides) }) as const;

/** Serves a case (and its events and the countries); `extra` answers the rest. */
function serveCase(c: ReturnCase, extra: (r: RecordedRequest) => { status?: number; body?: unknown } | undefined = () => undefined) {
  return mockFetch((r) => {
    if (r.method === 'GET' && r.path === `/api/v1/returns/${CASE_ID}`) return { body: c };
    if (r.path === `/api/v1/returns/${CASE_ID}/events`) return { body: { items: [] } };
    if (r.path === '/api/v1/reference/countries') return { body: COUNTRIES };
    return extra(r);
  });
}

describe('the return case page', () => {
  it('shows the allowed moves and explains a refusal in plain words', async () => {
    const requests = serveCase(returnCase(), (r) =>
      r.method === 'POST' && r.path === `/api/v1/returns/${CASE_ID}/transitions`
        ? {
            status: 422,
            body: { error: { code: 'validation_failed', message: 'preconditions not met', fields: { 'declaration.signedOn': 'the signed voluntary return declaration is required before eligible', 'declaration.witness': 'the declaration’s witness is required before eligible' } } },
          }
        : undefined,
    );
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: officer() });
    expect(await screen.findByRole('heading', { level: 1, name: /ML-BKO-AVR-2025-000123/ }, SLOW)).toBeTruthy();
    const names = ['Déclarer éligible', 'Déclarer non éligible', 'Suspendre', 'Retirer le dossier'];
    for (const name of names) expect(screen.getByRole('button', { name })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Déclarer éligible' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Note' }), { target: { value: 'Conseil fait le 2 mars' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    expect(await within(dialog).findByText(/Il manque la déclaration de retour volontaire signée/)).toBeTruthy();
    // The two missing declaration fields make one sentence, not two.
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(1);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ to: 'eligible', note: 'Conseil fait le 2 mars' });
  }, 20_000);

  it('asks for the reason of a withdrawal', async () => {
    const requests = serveCase(returnCase(), (r) => (r.method === 'POST' ? { body: returnCase({ status: 'withdrawn', allowedTransitions: [] }) } : undefined));
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: officer() });
    fireEvent.click(await screen.findByRole('button', { name: 'Retirer le dossier' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Motif du retrait' }), { target: { value: 'continued_journey' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ to: 'withdrawn', reason: 'continued_journey' }));
  }, 20_000);

  it('shows no workflow buttons to a reader, and points a booked case to its movement', async () => {
    serveCase(returnCase({ status: 'booked', allowedTransitions: ['departed', 'withdrawn'], abilities: { update: false, transition: false, approveBestInterest: false, addDocument: false, addMedical: false } }));
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: { status: 'authenticated', me: makeMe(['returnCase.read', 'reference.read']) } });
    expect(await screen.findByRole('heading', { level: 1, name: /ML-BKO-AVR-2025-000123/ }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retirer le dossier' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Parti' })).toBeNull();
  }, 20_000);

  it('lets a supervisor approve a best-interest determination, never its recorder', async () => {
    const recordedByOther = returnCase({
      unaccompaniedChild: true,
      bestInterest: { determinedOn: '2025-03-02', outcome: 'return_in_best_interest', note: null, recordedBy: { id: 'someone-else', displayName: 'Ousmane Keita' }, approvedBy: null, approvedAt: null },
      abilities: { update: true, transition: true, approveBestInterest: true, addDocument: true, addMedical: true },
    });
    const requests = serveCase(recordedByOther, (r) => (r.method === 'POST' ? { body: recordedByOther } : undefined));
    const view = renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: officer() });
    fireEvent.click(await screen.findByRole('button', { name: 'Approuver la détermination' }, SLOW));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === `/api/v1/returns/${CASE_ID}/best-interest/approve`)).toBe(true));
    view.unmount();

    const me = makeMe(OFFICER_PERMISSIONS);
    serveCase(returnCase({ ...recordedByOther, bestInterest: { ...recordedByOther.bestInterest!, recordedBy: { id: me.id, displayName: me.displayName } } })); // eslint-disable-line @typescript-eslint/no-non-null-assertion -- set just above
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: { status: 'authenticated', me } });
    expect(await screen.findByText(/une autre personne doit l'approuver/, undefined, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approuver la détermination' })).toBeNull();
  }, 20_000);

  it('shows the medical conditions field only to users cleared for sensitive data', async () => {
    const c = returnCase({ medicalChecks: [{ id: 'm1', returnCaseId: CASE_ID, examinedOn: '2025-03-03', outcome: 'fit_with_escort', escort: 'medical', conditions: 'Diabète', recordedBy: null, createdAt: '2025-03-03T10:00:00.000Z' }] });
    serveCase(c);
    const view = renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}?tab=medical`, auth: officer() });
    expect(await screen.findByRole('form', { name: 'Nouvelle visite médicale' }, SLOW)).toBeTruthy();
    expect(screen.queryByLabelText('Affections constatées')).toBeNull();
    expect(screen.queryByText('Diabète')).toBeNull();
    view.unmount();

    serveCase(c);
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}?tab=medical`, auth: officer({ maxSensitivity: 'sensitive' }) });
    expect(await screen.findByLabelText('Affections constatées', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('Diabète')).toBeTruthy();
  }, 20_000);

  it('marks an issued travel document expiring within 30 days', async () => {
    const soon = daysBefore(today(), -10);
    serveCase(
      returnCase({
        travelDocuments: [
          { id: 'd1', returnCaseId: CASE_ID, type: 'laissez_passer', consulate: null, requestedOn: '2025-01-02', issuedOn: '2025-01-10', number: 'LP-1', expiresOn: soon, status: 'issued', version: 1, createdAt: '2025-01-10T00:00:00.000Z', updatedAt: '2025-01-10T00:00:00.000Z' },
          { id: 'd2', returnCaseId: CASE_ID, type: 'passport', consulate: null, requestedOn: '2025-01-02', issuedOn: '2025-01-10', number: 'P-2', expiresOn: '2099-01-01', status: 'issued', version: 1, createdAt: '2025-01-10T00:00:00.000Z', updatedAt: '2025-01-10T00:00:00.000Z' },
        ],
      }),
    );
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}?tab=documents`, auth: officer() });
    const table = await screen.findByRole('table', { name: 'Documents de voyage' }, SLOW);
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1] as HTMLElement).getByText('Expire bientôt')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).queryByText('Expire bientôt')).toBeNull();
  }, 20_000);
});

describe('a movement', () => {
  function serveMovement(m: Movement) {
    return mockFetch((r) => {
      if (r.method === 'GET' && r.path === `/api/v1/movements/${MOVEMENT_ID}`) return { body: m };
      if (r.path === '/api/v1/returns') return { body: { items: [], nextCursor: null } };
      if (r.method === 'POST' && r.path === `/api/v1/movements/${MOVEMENT_ID}/departure`) return { body: { ...m, status: 'departed' } };
      return undefined;
    });
  }

  it('shows its capacity and offers the manifest in both languages', async () => {
    serveMovement(movement());
    renderWithApp(<AppRoutes />, { route: `/returns/movements/${MOVEMENT_ID}`, auth: officer() });
    expect(await screen.findByText('3 / 10 places · 7 places libres', undefined, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Liste des passagers (XLSX)' }).getAttribute('href')).toBe(`/api/v1/movements/${MOVEMENT_ID}/passengers.xlsx?lang=fr`);
    fireEvent.click(screen.getByRole('button', { name: 'Manifeste (PDF)' }));
    expect((await screen.findByRole('menuitem', { name: 'Manifeste en anglais' })).getAttribute('href')).toBe(`/api/v1/movements/${MOVEMENT_ID}/manifest.pdf?lang=en`);
  }, 20_000);

  it('confirms a departure with a no-show withdrawn for a reason', async () => {
    const requests = serveMovement(movement());
    renderWithApp(<AppRoutes />, { route: `/returns/movements/${MOVEMENT_ID}`, auth: officer() });
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer le départ' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Parti le/), { target: { value: '2025-03-10' } });
    const awa = within(dialog).getByRole('radiogroup', { name: 'Présence de Awa Traoré' });
    fireEvent.click(within(awa).getByLabelText('Absent'));
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Suite pour Awa Traoré' }), { target: { value: 'withdrawn' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Motif du retrait de Awa Traoré' }), { target: { value: 'changed_mind' } });
    expect(within(dialog).getByText('1 passager(s) sur 2 partis')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer le départ' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      departedOn: '2025-03-10',
      passengers: [
        { returnCaseId: CASE_ID, status: 'departed' },
        { returnCaseId: '01930000-0000-7000-8000-000000000402', status: 'no_show', noShowOutcome: 'withdrawn', reason: 'changed_mind' },
      ],
    }));
  }, 20_000);
});

describe('the reintegration case of a returnee', () => {
  const RI_ID = '7d0c1f4e-5a0b-4c39-9a52-3f1e2b7c9d01';
  const arrived = () => returnCase({ status: 'arrived', allowedTransitions: [], reintegrationCaseId: RI_ID, reintegrationCaseNumber: 'ML-BKO-RI-2025-000042' });

  it('is a plain number for a return officer who may not open reintegration cases', async () => {
    serveCase(arrived());
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: officer() });
    const shown = await screen.findAllByTestId('reintegration-number', {}, SLOW);
    expect(shown[0]?.textContent).toBe('ML-BKO-RI-2025-000042');
    expect(screen.queryByTestId('reintegration-link')).toBeNull();
  }, 20_000);

  it('is a link to the case for a reader of reintegration cases', async () => {
    serveCase(arrived());
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: { status: 'authenticated', me: makeMe([...OFFICER_PERMISSIONS, 'reintegrationCase.read']) } });
    const links = await screen.findAllByTestId('reintegration-link', {}, SLOW);
    expect(links[0]?.textContent).toBe('ML-BKO-RI-2025-000042');
    expect(links[0]?.getAttribute('href')).toBe(`/reintegration/cases/${RI_ID}`);
  }, 20_000);
});

describe('the counsellor of a return case', () => {
  it('is assigned from the case page with the version the page read', async () => {
    const counsellor = { id: '01930000-0000-7000-8000-000000000077', displayName: 'Oumar Diarra' };
    const requests = serveCase(returnCase({ counsellor: null }), (r) => {
      if (r.path === '/api/v1/users') return { body: { items: [{ ...counsellor, disabled: false }], nextCursor: null } };
      if (r.method === 'PATCH') return { body: returnCase({ counsellor }) };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: { status: 'authenticated', me: makeMe([...OFFICER_PERMISSIONS, 'user.read']) } });
    fireEvent.click(await screen.findByRole('button', { name: 'Attribuer un conseiller' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Enregistrer' })).toHaveProperty('disabled', true);
    fireEvent.click(within(dialog).getByRole('combobox', { name: 'Conseiller' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Oumar Diarra' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ counsellorId: counsellor.id }));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe(`/api/v1/returns/${CASE_ID}`);
    expect(patch?.headers.get('If-Match')).toBe(String(returnCase().version));
  }, 20_000);

  it('is not offered on a case the caller may not change', async () => {
    serveCase(returnCase({ abilities: { update: false, transition: false, approveBestInterest: false, addDocument: false, addMedical: false } }));
    renderWithApp(<AppRoutes />, { route: `/returns/cases/${CASE_ID}`, auth: officer() });
    expect(await screen.findByRole('heading', { level: 1, name: /ML-BKO-AVR-2025-000123/ }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /conseiller/ })).toBeNull();
  }, 20_000);
});

describe('the returns dashboard', () => {
  it('links each vulnerable group to the open cases of that group, and the list sends those filters', async () => {
    const dashboard = {
      byStatus: [], byDirection: [], byDestinationCountry: [], departedByMonth: [], arrivalsByRegion: [], expiringDocuments: 0,
      vulnerable: { women: 3, minors: 2, medical: 1, unaccompaniedChildren: 4 },
    };
    const requests = mockFetch((r) => {
      if (r.path === '/api/v1/returns/dashboard') return { body: dashboard };
      if (r.path === '/api/v1/returns') return { body: { items: [], nextCursor: null } };
      if (r.path === '/api/v1/reference/countries') return { body: COUNTRIES };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/returns/dashboard', auth: officer() });
    const women = await screen.findByRole('link', { name: 'Femmes : 3' }, SLOW);
    expect(women.getAttribute('href')).toBe('/returns/cases?open=true&sex=female');
    expect(screen.getByRole('link', { name: 'Mineurs : 2' }).getAttribute('href')).toBe('/returns/cases?open=true&ageGroup=child');
    expect(screen.getByRole('link', { name: 'Cas médicaux : 1' }).getAttribute('href')).toBe('/returns/cases?open=true&medical=true');
    expect(screen.getByRole('link', { name: 'Enfants non accompagnés : 4' }).getAttribute('href')).toBe('/returns/cases?open=true&unaccompaniedChild=true');
    fireEvent.click(women);
    await waitFor(() => expect(requests.some((r) => r.path === '/api/v1/returns')).toBe(true));
    const list = requests.find((r) => r.path === '/api/v1/returns');
    expect(list?.search.get('sex')).toBe('female');
    expect(list?.search.get('open')).toBe('true');
    expect(await screen.findByRole('checkbox', { name: 'Dossiers ouverts' })).toHaveProperty('checked', true);
  }, 20_000);
});
