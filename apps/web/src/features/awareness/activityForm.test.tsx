// The tablet activity form: the type comes first and decides how reach is recorded; the live sum
// shows whether the total adds up, and nothing is sent until it does.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';

const LAZY = { timeout: 10_000 };
const AUTH = { status: 'authenticated', me: makeMe(['awareness.read', 'awareness.manage', 'reference.read']) } as const;
const COMMUNITY = {
  id: '01930000-0000-7000-8000-0000000000c1', name: 'Kalaban Coro Plateau', communePcode: 'ML020901', communeName: 'Kalaban Coro', regionPcode: 'ML02', regionName: 'Koulikoro',
  highEmigrationZone: true, population: null, focalPoints: [], activityCount: 0, peopleReached: 0, lastActivityOn: null, version: 1, abilities: { update: true },
};

describe('activity form', () => {
  it('shows the live sum, refuses a total that does not add up, then sends the counted reach', async () => {
    const requests = mockFetch(({ method, path, body }) => {
      if (path === '/api/v1/awareness/communities') return { body: { items: [COMMUNITY], nextCursor: null } };
      if (path === '/api/v1/awareness/campaigns') return { body: { items: [], nextCursor: null } };
      if (method === 'POST' && path === '/api/v1/awareness/activities') return { status: 201, body: { ...(body as object), id: '01930000-0000-7000-8000-0000000000d1', version: 1 } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/awareness/activities/new', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouvelle activité' }, LAZY)).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Causerie communautaire' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Hommes/ }), { target: { value: '12' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Femmes/ }), { target: { value: '30' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Filles/ }), { target: { value: '4' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Total/ }), { target: { value: '50' } });
    expect(screen.getByTestId('reach-sum').textContent).toContain('Somme des cases : 46');
    expect(await screen.findByText(/mais le total saisi est 50/)).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /^Animateur/ }), { target: { value: 'Awa Coulibaly' } });
    fireEvent.click(screen.getByRole('combobox', { name: /^Communauté/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Kalaban Coro Plateau · Kalaban Coro' }));
    fireEvent.click(screen.getByRole('button', { name: 'Créer' }));
    await waitFor(() => expect(screen.getAllByText(/mais le total saisi est 50/).length).toBeGreaterThan(0));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByRole('textbox', { name: /^Total/ }), { target: { value: '46' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      type: 'community_dialogue', communityId: COMMUNITY.id, facilitator: 'Awa Coulibaly', reached: { total: 46, men: 12, women: 30, boys: 0, girls: 4 },
    });
  }, 30_000);

  it('asks for an estimated audience for a radio broadcast', async () => {
    mockFetch(({ path }) => {
      if (path === '/api/v1/awareness/communities' || path === '/api/v1/awareness/campaigns') return { body: { items: [], nextCursor: null } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/awareness/activities/new', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouvelle activité' }, LAZY)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Émission de radio' }));
    expect(await screen.findByRole('textbox', { name: /^Audience estimée/ })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /^Hommes/ })).toBeNull();
  }, 30_000);
});
