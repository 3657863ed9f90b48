// The registry screens against a scripted API: live duplicate warnings while typing, client and
// server field errors, what to do with look-alikes after saving, the stale-edit message, and the
// side-by-side merge.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';

// Pages are loaded on demand: the first one of a test may take a while on a busy machine.
const SLOW = { timeout: 8000 };
import { candidate, COUNTRIES, person, summary } from './testData';

const OFFICER = makeMe(['person.read', 'person.create', 'person.update', 'person.merge', 'reference.read', 'transitCase.read'], { maxSensitivity: 'sensitive', scope: 'organisation' });
const AUTH = { status: 'authenticated', me: OFFICER } as const;
const NEW_ID = '01930000-0000-7000-8000-000000000202';

async function fillIdentity() {
  fireEvent.change(await screen.findByRole('textbox', { name: /^Prénom/ }, SLOW), { target: { value: 'Mahamadou' } });
  fireEvent.change(screen.getByRole('textbox', { name: /^Nom de famille/ }), { target: { value: 'Kulibali' } });
  fireEvent.change(screen.getByRole('combobox', { name: /^Sexe/ }), { target: { value: 'male' } });
  fireEvent.click(screen.getByRole('radio', { name: 'Année seulement' }));
  fireEvent.change(screen.getByRole('textbox', { name: /^Année de naissance/ }), { target: { value: '1994' } });
  fireEvent.click(screen.getByRole('combobox', { name: /^Nationalité/ }));
  fireEvent.click(await screen.findByRole('option', { name: 'Mali (MLI)' }));
}

describe('registering a person', () => {
  it('warns of look-alikes while typing, checks phones before sending, then offers what to do with the duplicates found', async () => {
    const requests = mockFetch(({ method, path }) => {
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (path === '/api/v1/reference/admin-units') return { body: { items: [], nextCursor: null } };
      if (method === 'POST' && path === '/api/v1/people/duplicate-check') return { body: { items: [candidate()] } };
      if (method === 'POST' && path === '/api/v1/people') {
        return { status: 201, body: { ...person({ id: NEW_ID, caseNumber: 'ML-GAO-2025-000124', givenName: 'Mahamadou', familyName: 'Kulibali' }), possibleDuplicates: [candidate()] } };
      }
      if (method === 'POST' && path === `/api/v1/people/${NEW_ID}/duplicates/${summary().id}/dismiss`) return { status: 204 };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/protection/people/new', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Enregistrer une personne' }, SLOW)).toBeTruthy();
    await fillIdentity();

    const panel = screen.getByRole('complementary', { name: 'Doublons possibles' });
    expect(await within(panel).findByRole('link', { name: 'Mamadou Coulibaly' }, { timeout: 3000 })).toBeTruthy();
    expect(within(panel).getByText('91 %')).toBeTruthy();
    expect(within(panel).getByText(/nom proche/)).toBeTruthy();
    const check = requests.filter((r) => r.path === '/api/v1/people/duplicate-check').at(-1);
    expect(check?.body).toEqual({ givenName: 'Mahamadou', familyName: 'Kulibali', sex: 'male', dateOfBirth: '1994-01-01', dobPrecision: 'year', nationality: 'MLI' });

    // A phone not in E.164 is refused on its field before anything is sent.
    fireEvent.change(screen.getByRole('textbox', { name: /^Téléphone/ }), { target: { value: '76 12 34 56' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    expect(await screen.findByText('Numéro au format international attendu (ex. +22376123456).')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/people')).toBe(false);

    fireEvent.change(screen.getByRole('textbox', { name: /^Téléphone/ }), { target: { value: '+223 76 12 34 56' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /consenti à l'enregistrement/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Dossier ML-GAO-2025-000124 créé' }, SLOW)).toBeTruthy();
    const sent = requests.find((r) => r.method === 'POST' && r.path === '/api/v1/people')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ givenName: 'Mahamadou', familyName: 'Kulibali', sex: 'male', dateOfBirth: '1994-01-01', dobPrecision: 'year', nationality: 'MLI', phones: ['+22376123456'] });
    expect(sent.consent).toMatchObject({ method: 'explicit_oral' });
    expect(screen.getByRole('link', { name: 'Examiner / fusionner' }).getAttribute('href')).toBe(`/protection/duplicates/review?a=${NEW_ID}&b=${summary().id}`);

    fireEvent.click(screen.getByRole('button', { name: 'Mamadou Coulibaly est une personne différente' }));
    expect(await screen.findByText('Tous les doublons possibles ont été écartés.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.path.endsWith(`/duplicates/${summary().id}/dismiss`))).toBe(true);
  }, 20_000);

  it('shows the server refusal of a document on that document’s field', async () => {
    mockFetch(({ method, path }) => {
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (path === '/api/v1/people/duplicate-check') return { body: { items: [] } };
      if (method === 'POST' && path === '/api/v1/people') {
        return { status: 400, body: { error: { code: 'validation_failed', message: 'invalid', fields: { 'documents/0/number': 'is required for this document type' } } } };
      }
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/protection/people/new', auth: AUTH });
    await fillIdentity();
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un document' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la personne' }));
    const documentGroup = await screen.findByRole('group', { name: 'Document 1' });
    expect(await within(documentGroup).findByText('Le numéro est obligatoire pour ce type de document.')).toBeTruthy();
    expect(screen.getByText('Certains champs ne sont pas valides. Corrigez-les puis réessayez.')).toBeTruthy();
  }, 20_000);
});

describe('a person page', () => {
  it('edits with If-Match and says plainly when someone else changed the record, then reloads it', async () => {
    let version = 3;
    const requests = mockFetch(({ method, path }) => {
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (method === 'GET' && path === `/api/v1/people/${summary().id}`) return { body: person({ version, birthPlace: version > 3 ? 'Nioro' : 'Kayes' }) };
      if (method === 'PATCH') {
        version += 1;
        return { status: 412, body: { error: { code: 'stale_version', message: 'changed' } } };
      }
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/protection/people/${summary().id}`, auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mamadou Coulibaly' }, SLOW)).toBeTruthy();
    expect(screen.getByText('Kayes')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "Modifier l'identité" }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Lieu de naissance/ }), { target: { value: 'Kita' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const alert = await within(screen.getByRole('main')).findByRole('alert');
    expect(alert.textContent).toMatch("Quelqu'un d'autre a modifié ce dossier");
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('3');
    expect(patch?.body).toEqual({ birthPlace: 'Kita' });

    fireEvent.click(within(alert).getByRole('button', { name: 'Recharger' }));
    expect(await screen.findByText('Nioro')).toBeTruthy();
    expect(within(screen.getByRole('main')).queryByRole('alert')).toBeNull();
  }, 20_000);
});

describe('merge review', () => {
  it('shows both records with their differences and merges the other record into the one kept', async () => {
    const kept = person({ id: '01930000-0000-7000-8000-000000000101' });
    const other = person({ id: NEW_ID, caseNumber: 'ML-GAO-2025-000124', givenName: 'Mahamadou', familyName: 'Kulibali' });
    const requests = mockFetch(({ method, path }) => {
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (method === 'GET' && path === `/api/v1/people/${kept.id}`) return { body: kept };
      if (method === 'GET' && path === `/api/v1/people/${other.id}`) return { body: other };
      if (method === 'POST' && path === `/api/v1/people/${other.id}/merge`) return { body: kept };
      return { body: { items: [] } };
    });
    renderWithApp(<AppRoutes />, { route: `/protection/duplicates/review?a=${other.id}&b=${kept.id}`, auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Comparer et fusionner' }, SLOW)).toBeTruthy();
    const given = await screen.findByRole('rowheader', { name: /^Prénom/ });
    expect(given.closest('tr')?.hasAttribute('data-differs')).toBe(true);
    expect(screen.getByRole('rowheader', { name: /^Nationalité/ }).closest('tr')?.hasAttribute('data-differs')).toBe(false);

    const merge = screen.getByRole('button', { name: 'Fusionner' });
    expect((merge as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Conserver Mamadou Coulibaly' }));
    fireEvent.click(merge);
    const dialog = await screen.findByRole('dialog', { name: 'Fusionner ces dossiers ?' });
    expect(dialog.textContent).toMatch('Mahamadou Kulibali (ML-GAO-2025-000124) sera fusionné dans Mamadou Coulibaly (ML-GAO-2025-000123)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fusionner' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ intoId: kept.id }));
    expect(requests.find((r) => r.method === 'POST')?.path).toBe(`/api/v1/people/${other.id}/merge`);
  }, 20_000);
});
