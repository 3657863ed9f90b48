// The results screens against recorded API answers: the dashboard's links and restatement badge,
// the donor's aggregates without drill-down, and the pseudonymised records list.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { IndicatorValue } from '@taama/core';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';

const OFFICER = ['indicator.read', 'indicator.manage', 'period.signOff', 'report.export', 'person.read'];

function indicator(overrides: Partial<IndicatorValue>): IndicatorValue {
  return {
    code: '3.4', title: 'Migrants assistés', level: 'OS1', unit: 'personnes', mode: 'automatic', baseline: 0, value: 12, target: 1600,
    percentOfTarget: 25, periods: [{ period: '2025Q1', value: 12 }], cumulative: 400, disaggregations: {}, available: true, ruleVersion: 1, restatements: [],
    ...overrides,
  };
}

const LIST = {
  from: '2025-01-01', to: '2025-03-31', interval: 'quarter', by: [],
  items: [
    indicator({ restatements: [{ period: '2024Q4', signedOff: 10, current: 13, difference: 3 }] }),
    indicator({ code: '5.1', title: 'Retours', level: 'OS2', available: false, reason: 'Le module des retours n’est pas installé' }),
  ],
};

describe('indicator dashboard', () => {
  it('links each value to its records and flags a restated quarter with its difference', async () => {
    const periods = { items: ['2018Q1', '2018Q2'].map((period, i) => ({ period, from: `2018-0${1 + i * 3}-01`, to: '2018-06-30', status: 'ended', signedOffAt: null, signedOffBy: null, note: null })) };
    mockFetch(({ path }) => (path === '/api/v1/indicators' ? { body: LIST } : path === '/api/v1/periods' ? { body: periods } : undefined));
    renderWithApp(<AppRoutes />, { route: '/results?period=2025Q1', auth: { status: 'authenticated', me: makeMe(OFFICER) } });
    const link = await screen.findByRole('link', { name: 'Valeur de 3.4 : 12' });
    expect(link.getAttribute('href')).toBe('/results/indicators/3.4/records?from=2025-01-01&to=2025-03-31');
    // The cumulative value's records run from the programme's first day (its first quarter's start).
    const cumulative = await screen.findByRole('link', { name: 'Cumul de 3.4 : 400' });
    expect(cumulative.getAttribute('href')).toBe('/results/indicators/3.4/records?from=2018-01-01&to=2025-03-31');
    expect(screen.getByText('Retraité +3')).toBeTruthy();
    expect(screen.getByLabelText('3.4 : 25 % de la cible')).toBeTruthy();
    const row = screen.getByText('Retours').closest('tr');
    expect(row && within(row).getByText('Indisponible')).toBeTruthy();
    expect(row && within(row).getByText('Le module des retours n’est pas installé')).toBeTruthy();
  });

  it('shows a donor the same numbers without any drill-down link', async () => {
    mockFetch(({ path }) => (path === '/api/v1/indicators' ? { body: LIST } : undefined));
    renderWithApp(<AppRoutes />, { route: '/results?period=2025Q1', auth: { status: 'authenticated', me: makeMe(['indicator.read'], { maxSensitivity: 'public', roles: ['donor'] }) } });
    await screen.findByText('Migrants assistés');
    expect(screen.getByText('12')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Valeur de/ })).toBeNull();
    expect(document.querySelector('a[href*="/records"]')).toBeNull();
  });
});

describe('drill-down records', () => {
  const record = { recordId: 'r1', recordType: 'service', date: '2025-02-03', subject: 'p-7f3a9c', amount: 1, sex: 'female', ageGroup: 'child', nationality: 'GIN', region: 'ML07', partner: 'iom', site: 'gao' };

  it('says the list is pseudonymised and shows no link to the person', async () => {
    mockFetch(({ path }) => (path === '/api/v1/indicators/3.4/records' ? { body: { items: [{ ...record }], nextCursor: null, pseudonymised: true } } : undefined));
    renderWithApp(<AppRoutes />, { route: '/results/indicators/3.4/records?from=2025-01-01&to=2025-03-31', auth: { status: 'authenticated', me: makeMe(['indicator.read']) } });
    expect(await screen.findByText('p-7f3a9c')).toBeTruthy();
    expect(screen.getByText(/apparaît sous un pseudonyme stable/)).toBeTruthy();
    expect(screen.getByText('Femme')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Ouvrir/ })).toBeNull();
  });

  it('opens the record itself for a role that reads people', async () => {
    const requests = mockFetch(({ path }) =>
      path === '/api/v1/indicators/3.4/records' ? { body: { items: [{ ...record, subject: 'id-1', link: '/protection/cases/c1' }], nextCursor: null, pseudonymised: false } } : undefined,
    );
    renderWithApp(<AppRoutes />, { route: '/results/indicators/3.4/records?from=2025-01-01&to=2025-03-31', auth: { status: 'authenticated', me: makeMe(OFFICER) } });
    const open = await screen.findByRole('link', { name: 'Ouvrir (service)' });
    expect(open.getAttribute('href')).toBe('/protection/cases/c1');
    expect(screen.queryByText(/pseudonyme stable/)).toBeNull();
    const call = requests.find((r) => r.path === '/api/v1/indicators/3.4/records');
    expect(call?.search.get('from')).toBe('2025-01-01');
    expect(call?.search.get('to')).toBe('2025-03-31');
  });

  it('tells a donor the records are not for their role, without asking for them', async () => {
    const requests = mockFetch(() => undefined);
    renderWithApp(<AppRoutes />, { route: '/results/indicators/3.4/records?from=2025-01-01&to=2025-03-31', auth: { status: 'authenticated', me: makeMe(['indicator.read'], { maxSensitivity: 'public' }) } });
    expect(await screen.findByText(/agrégats uniquement/)).toBeTruthy();
    expect(requests.some((r) => r.path.endsWith('/records'))).toBe(false);
    expect(screen.queryByRole('table')).toBeNull();
  });
});
