// The shell's indicator: a reload leaves the device copy locked until the password is typed again.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';
import { wipeDevice } from '../../offline/session';
import { getOfflineStatus } from '../../offline/status';
import { freshIndexedDb } from '../../offline/testing';

const me = makeMe(['person.read', 'sync.use'], { username: 'caseworker.gao' });

describe('offline indicator', () => {
  beforeAll(() => freshIndexedDb());
  afterEach(async () => {
    await wipeDevice();
  });

  it('unlocks the device copy with the password (checked by signing in again) and then shows the count', async () => {
    const requests = mockFetch(({ path }) => (path === '/api/v1/auth/login' ? { body: { token: 't', user: me } } : undefined));
    renderWithApp(<AppRoutes />, { route: '/', auth: { status: 'authenticated', me } });
    const indicator = await screen.findByTestId('offline-indicator');
    expect(within(indicator).getByText('En ligne')).toBeTruthy();
    await userEvent.click(within(indicator).getByRole('button', { name: 'Déverrouiller hors ligne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Déverrouiller les données hors ligne' });
    await userEvent.type(within(dialog).getByLabelText('Mot de passe'), 'Pass-word-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Déverrouiller' }));
    await waitFor(() => expect(getOfflineStatus().unlocked).toBe(true));
    expect(await screen.findByTestId('pending-changes')).toHaveProperty('textContent', '0');
    expect(requests.find((r) => r.path === '/api/v1/auth/login')?.body).toEqual({ username: 'caseworker.gao', password: 'Pass-word-1' });
  });

  it('is not shown to a user without offline work', async () => {
    mockFetch(() => undefined);
    renderWithApp(<AppRoutes />, { route: '/', auth: { status: 'authenticated', me: makeMe(['user.read']) } });
    await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(screen.queryByTestId('offline-indicator')).toBeNull();
  });
});
