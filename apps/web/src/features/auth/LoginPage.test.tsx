// Sign-in errors: wrong password, lockout with its delay.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { AppRoutes } from '../../app/routes';
import { mockFetch, renderWithApp } from '../../test/helpers';

function signIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText(/Nom d'utilisateur/), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(/Mot de passe/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('LoginPage', () => {
  it('says when the password is wrong', async () => {
    const requests = mockFetch(() => ({ status: 401, body: { error: { code: 'invalid_credentials', message: 'Wrong username or password' } } }));
    renderWithApp(<AppRoutes />, { route: '/login', auth: { status: 'anonymous' } });
    signIn('admin', 'nope');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Nom d\'utilisateur ou mot de passe incorrect.');
    expect(requests[0]?.body).toEqual({ username: 'admin', password: 'nope' });
  });

  it('says how long a locked account stays locked', async () => {
    mockFetch(() => ({ status: 429, body: { error: { code: 'too_many_attempts', message: 'locked', details: { retryAfterSeconds: 600 } } } }));
    renderWithApp(<AppRoutes />, { route: '/login', auth: { status: 'anonymous' } });
    signIn('admin', 'nope');
    expect((await screen.findByRole('alert')).textContent).toMatch(/verrouillé pendant encore 10 minute/);
  });
});
