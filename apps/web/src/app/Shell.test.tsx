// The shell shows only the areas the server lists for the user, switches language, and returns to
// sign-in when the session ends.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from './routes';
import { ADMIN_PERMISSIONS, makeMe, mockFetch, renderWithApp } from '../test/helpers';

const CASEWORKER = ['person.read', 'person.create', 'person.update', 'reference.read', 'sync.use', 'transitCase.read', 'transitCase.create', 'referral.manage'];

describe('navigation', () => {
  it('shows a caseworker Protection only, without Administration', async () => {
    mockFetch(() => undefined);
    renderWithApp(<AppRoutes />, { auth: { status: 'authenticated', me: makeMe(CASEWORKER) } });
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Protection' })).toBeTruthy();
    for (const hidden of ['Retours', 'Réintégration', 'Sensibilisation', 'Flux migratoires', 'Libre circulation', 'Résultats', 'Utilisateurs', 'Journal d\'audit']) {
      expect(within(nav).queryByRole('link', { name: hidden })).toBeNull();
    }
    expect(within(nav).queryByText('Administration')).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows an administrator the administration screens their permissions open', async () => {
    mockFetch(() => ({ body: { items: [], nextCursor: null } }));
    const me = makeMe(ADMIN_PERMISSIONS.filter((p) => p !== 'audit.read' && p !== 'audit.verify'), { roles: ['administrator'] });
    renderWithApp(<AppRoutes />, { route: '/admin/users', auth: { status: 'authenticated', me } });
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Utilisateurs' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Rôles' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Journal d\'audit' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Protection' })).toBeNull();
  });

  it('answers an area the user may not open with a no-access page, not the area', async () => {
    mockFetch(() => undefined);
    renderWithApp(<AppRoutes />, { route: '/returns', auth: { status: 'authenticated', me: makeMe(CASEWORKER) } });
    expect(await screen.findByText('Accès non autorisé')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Retour volontaire assisté' })).toBeNull();
  });
});

describe('language switch', () => {
  it('switches to English, remembers it and saves it to the profile', async () => {
    const me = makeMe(CASEWORKER);
    const requests = mockFetch(({ method, path }) => (method === 'PATCH' && path === '/api/v1/me/preferences' ? { body: { ...me, locale: 'en' } } : undefined));
    renderWithApp(<AppRoutes />, { auth: { status: 'authenticated', me } });
    fireEvent.click(await screen.findByRole('button', { name: 'Langue : Français' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'English' }));
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toBeTruthy();
    expect(window.localStorage.getItem('taama.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ locale: 'en' });
    expect(patch?.headers.get('X-CSRF-Token')).toBe('csrf-test-token');
  });
});

describe('session', () => {
  it('returns to sign-in with a notice when the server answers 401', async () => {
    mockFetch(() => ({ status: 401, body: { error: { code: 'session_expired', message: 'expired' } } }));
    const me = makeMe(ADMIN_PERMISSIONS, { roles: ['administrator'] });
    renderWithApp(<AppRoutes />, { route: '/admin/users', auth: { status: 'authenticated', me } });
    expect(await screen.findByText('Votre session a expiré. Veuillez vous reconnecter.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Connexion' })).toBeTruthy();
  });

  it('probes GET /me on start-up and opens the shell when a session exists', async () => {
    const me = makeMe(CASEWORKER);
    mockFetch(({ path }) => (path === '/api/v1/me' ? { body: me } : undefined));
    renderWithApp(<AppRoutes />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Bonjour, Aminata Maïga' })).toBeTruthy();
  });

  it('forces the password change first when the server requires it', async () => {
    mockFetch(() => undefined);
    renderWithApp(<AppRoutes />, { auth: { status: 'authenticated', me: makeMe(CASEWORKER, { mustChangePassword: true }) } });
    expect(await screen.findByRole('heading', { name: 'Choisissez un nouveau mot de passe' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Navigation principale' })).toBeNull();
  });
});
