// The people search (score shown only when searching, filters sent from the URL) and the groups of a
// person page (creating a household around the person, adding a member found by search).
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';
import { COUNTRIES, person, summary } from './testData';

const SLOW = { timeout: 8000 };
const CASEWORKER = { status: 'authenticated', me: makeMe(['person.read', 'person.create', 'person.update', 'reference.read']) } as const;

describe('people search', () => {
  it('ranks by the query with its score, and sends the filters kept in the URL', async () => {
    const requests = mockFetch(({ path, search }) => {
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (path === '/api/v1/people') return { body: { items: [search.get('q') ? { ...summary(), score: 0.82 } : summary()], nextCursor: null } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/protection/people?nationality=MLI&sex=male', auth: CASEWORKER });
    expect(await screen.findByRole('link', { name: 'Mamadou Coulibaly' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'Pertinence' })).toBeNull();
    expect(Object.fromEntries(requests.find((r) => r.path === '/api/v1/people')?.search ?? [])).toEqual({ nationality: 'MLI', sex: 'male', limit: '25' });

    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher une personne' }), { target: { value: 'Kulibali' } });
    expect(await screen.findByRole('columnheader', { name: 'Pertinence' }, SLOW)).toBeTruthy();
    expect(await screen.findByText('82 %', {}, SLOW)).toBeTruthy();
    expect(requests.filter((r) => r.path === '/api/v1/people').at(-1)?.search.get('q')).toBe('Kulibali');
    expect(screen.getByText('né·e en 1994')).toBeTruthy();
  }, 20_000);
});

describe('household and travel groups', () => {
  it('creates a household around the person, then adds a member found by name', async () => {
    const child = summary({ id: '01930000-0000-7000-8000-000000000909', caseNumber: 'ML-GAO-2025-000130', givenName: 'Awa', familyName: 'Coulibaly', sex: 'female' });
    const group = { id: '01930000-0000-7000-8000-000000000a01', kind: 'family', name: 'Famille Coulibaly', version: 1, members: [{ personId: summary().id, caseNumber: summary().caseNumber, displayName: 'Mamadou Coulibaly', relationship: 'head', isHead: true }] };
    let groups: unknown[] = [];
    const requests = mockFetch(({ method, path, search }) => {
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (method === 'GET' && path === `/api/v1/people/${summary().id}`) return { body: person({ groups: groups as never }) };
      if (method === 'GET' && path === '/api/v1/people' && search.get('q')) return { body: { items: [child], nextCursor: null } };
      if (method === 'POST' && path === '/api/v1/groups') {
        groups = [group];
        return { status: 201, body: group };
      }
      if (method === 'POST' && path === `/api/v1/groups/${group.id}/members`) return { body: group };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/protection/people/${summary().id}`, auth: CASEWORKER });
    fireEvent.click(await screen.findByRole('tab', { name: 'Ménage et groupes' }, SLOW));
    const create = await screen.findByRole('form', { name: 'Créer un ménage ou un groupe' });
    fireEvent.change(within(create).getByRole('textbox', { name: 'Nom (facultatif)' }), { target: { value: 'Famille Coulibaly' } });
    fireEvent.click(within(create).getByRole('button', { name: 'Créer le groupe' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ kind: 'family', name: 'Famille Coulibaly', members: [{ personId: summary().id, relationship: 'head', isHead: true }] }));

    const add = await screen.findByRole('form', { name: 'Ajouter au groupe' }, SLOW);
    const picker = within(add).getByRole('combobox', { name: 'Personne' });
    await userEvent.type(picker, 'Awa');
    fireEvent.click(await screen.findByRole('option', { name: 'Awa Coulibaly (ML-GAO-2025-000130)' }, SLOW));
    fireEvent.click(within(add).getByRole('button', { name: 'Ajouter au groupe' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({ personId: child.id, relationship: 'child', isHead: false }));
  }, 20_000);
});
