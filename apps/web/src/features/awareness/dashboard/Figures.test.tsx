// The dashboard's headline figures: people reached against the target, communities reached against
// 200, the mass-media audience apart as an estimate, and each number linked to the list behind it.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { makeMe, mockFetch, renderWithApp } from '../../../test/helpers';
import type { AwarenessDashboard } from '../api';
import { AwarenessFigures } from './Figures';

const DASHBOARD: AwarenessDashboard = {
  targets: { communities: 200, peopleReached: 70000 },
  communitiesReached: 50,
  peopleReached: 17500,
  estimatedAudience: 250000,
  activities: 40,
  sexAge: { men: 5000, women: 7500, boys: 2000, girls: 3000 },
  byMonth: [],
  byType: [],
  byRegion: [],
  byCommune: [],
};

describe('awareness figures', () => {
  it('shows the figures against their targets, the estimate apart, and links each to its list', () => {
    mockFetch(() => undefined);
    renderWithApp(<AwarenessFigures data={DASHBOARD} listFilters={{ from: '2025-02-01', to: '2025-02-28', regionPcode: 'ML01' }} regionPcode="ML01" />, {
      auth: { status: 'authenticated', me: makeMe(['awareness.read']) },
    });
    const people = screen.getByTestId('people-reached');
    expect(people.textContent?.replace(/\D/g, '')).toBe('17500');
    expect(people.getAttribute('href')).toBe('/awareness/activities?from=2025-02-01&to=2025-02-28&regionPcode=ML01');
    expect(screen.getByRole('progressbar', { name: '25 % de la cible de personnes touchées' })).toBeTruthy();
    expect(screen.getByText('25 %')).toBeTruthy();
    expect(screen.getByTestId('communities-reached').getAttribute('href')).toBe('/awareness/communities?reached=true&regionPcode=ML01');
    expect(screen.getByTestId('estimated-audience').textContent).toMatch(/^≈ 250/);
    expect(screen.getByText(/jamais ajoutée aux personnes touchées/)).toBeTruthy();
  });
});
