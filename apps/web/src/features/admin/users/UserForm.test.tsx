// The user form shows its own checks and the server's field errors next to the right inputs.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AppRoutes } from '../../../app/routes';
import { ADMIN_PERMISSIONS, makeMe, mockFetch, renderWithApp } from '../../../test/helpers';

const ORG = { id: '01930000-0000-7000-8000-0000000000a1', code: 'iom', name: 'OIM Mali', kind: 'international_organisation', countryCode: 'MLI', active: true, version: 1, createdAt: '', updatedAt: '' };
const ROLE = { id: '01930000-0000-7000-8000-0000000000c1', code: 'caseworker', name: 'Agent·e de terrain', description: '', scope: 'site', maxSensitivity: 'personal', permissions: ['person.read'], builtin: true, userCount: 2, version: 1, createdAt: '', updatedAt: '' };

function describedError(input: HTMLElement): string | undefined {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('UserForm', () => {
  it('shows required fields, then the server field errors inline', async () => {
    const requests = mockFetch(({ method, path }) => {
      if (path === '/api/v1/organisations') return { body: { items: [ORG], nextCursor: null } };
      if (path === '/api/v1/roles') return { body: { items: [ROLE], nextCursor: null } };
      if (path === '/api/v1/sites') return { body: { items: [], nextCursor: null } };
      if (method === 'POST' && path === '/api/v1/users') {
        return { status: 409, body: { error: { code: 'already_exists', message: 'A record with this value already exists', fields: { username: 'is already taken' } } } };
      }
      return undefined;
    });
    const me = makeMe(ADMIN_PERMISSIONS, { roles: ['administrator'] });
    renderWithApp(<AppRoutes />, { route: '/admin/users/new', auth: { status: 'authenticated', me } });

    fireEvent.click(await screen.findByRole('button', { name: 'Créer' }));
    const username = screen.getByRole('textbox', { name: /Nom d'utilisateur/ });
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(describedError(username)).toMatch('Ce champ est obligatoire.');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(username, { target: { value: 'aminata.maiga' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Nom affiché/ }), { target: { value: 'Aminata Maïga' } });
    fireEvent.change(screen.getByLabelText(/Mot de passe initial/), { target: { value: 'Une-phrase-longue-2025' } });
    // Organisation and roles: pick through the combobox options.
    await waitFor(() => expect(requests.some((r) => r.path === '/api/v1/organisations')).toBe(true));
    fireEvent.click(screen.getByRole('combobox', { name: /^Organisation/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'OIM Mali (iom)' }));
    fireEvent.click(screen.getByRole('combobox', { name: /^Rôles/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Agent·e de terrain' }));

    fireEvent.click(screen.getByRole('button', { name: 'Créer' }));
    await waitFor(() => expect(describedError(screen.getByRole('textbox', { name: /Nom d'utilisateur/ }))).toMatch('Cette valeur est déjà utilisée.'));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({ username: 'aminata.maiga', displayName: 'Aminata Maïga', organisationId: ORG.id, roles: ['caseworker'], password: 'Une-phrase-longue-2025' });
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-test-token');
    expect(screen.getByRole('alert').textContent).toMatch('Un enregistrement avec cette valeur existe déjà.');
  });
});

describe('UserForm editing', () => {
  it('sends only the changed fields with If-Match, and offers a reload when the version is stale', async () => {
    const user = {
      id: '01930000-0000-7000-8000-0000000000d1', username: 'caseworker.gao', displayName: 'Aminata Maïga', email: null, phone: null, locale: 'fr',
      organisationId: ORG.id, siteId: null, regionPcode: null, roles: ['caseworker'], disabled: false, mustChangePassword: false, lockedUntil: null,
      lastLoginAt: null, version: 3, createdAt: '', updatedAt: '',
    };
    const requests = mockFetch(({ method, path }) => {
      if (path === '/api/v1/organisations') return { body: { items: [ORG], nextCursor: null } };
      if (path === '/api/v1/roles') return { body: { items: [ROLE], nextCursor: null } };
      if (path === '/api/v1/sites') return { body: { items: [], nextCursor: null } };
      if (method === 'GET' && path === `/api/v1/users/${user.id}`) return { body: user };
      if (method === 'GET' && path === `/api/v1/users/${user.id}/sessions`) return { body: { items: [] } };
      if (method === 'PATCH') return { status: 412, body: { error: { code: 'stale_version', message: 'changed', details: { currentVersion: 4 } } } };
      return undefined;
    });
    const me = makeMe(ADMIN_PERMISSIONS, { roles: ['administrator'] });
    renderWithApp(<AppRoutes />, { route: `/admin/users/${user.id}`, auth: { status: 'authenticated', me } });

    const name = await screen.findByRole('textbox', { name: /Nom affiché/ });
    // The administrator also sees the user's open sessions (none here).
    expect(await screen.findByText('Aucune session ouverte pour cet utilisateur.')).toBeTruthy();
    fireEvent.change(name, { target: { value: 'Aminata Maïga Touré' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch("Quelqu'un d'autre a modifié cet enregistrement");
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('3');
    expect(patch?.body).toEqual({ displayName: 'Aminata Maïga Touré' });

    const reads = requests.filter((r) => r.path === `/api/v1/users/${user.id}` && r.method === 'GET').length;
    fireEvent.click(screen.getByRole('button', { name: 'Recharger' }));
    await waitFor(() => expect(requests.filter((r) => r.path === `/api/v1/users/${user.id}` && r.method === 'GET').length).toBe(reads + 1));
  });
});
