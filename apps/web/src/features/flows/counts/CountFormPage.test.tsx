// The count form: core's consistency rules checked as the user types (in French), the total filled
// from the sex and age counts, and nothing sent while a rule is broken.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AppRoutes } from '../../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../../test/helpers';

// The flows pages are lazy chunks: their first load may take a while on a busy machine.
const LAZY = { timeout: 10_000 };

const POINTS = { items: [{ id: 'ML-FMP-06', name: 'Gao - Place Kidal', countryIso3: 'MLI', lat: 16.27, lon: -0.04, adm1Pcode: 'ML07', adm2Pcode: 'ML0703', adm3Pcode: null, fmpType: 'bus_station', activePeriods: [{ from: '2016-07-01', to: null }], note: null, version: 1 }], nextCursor: null };
const COUNTRIES = { items: [{ iso3: 'MLI', nameFr: 'Mali', nameEn: 'Mali' }, { iso3: 'DZA', nameFr: 'Algérie', nameEn: 'Algeria' }] };
const AUTH = { status: 'authenticated', me: makeMe(['flow.read', 'flow.manage']) } as const;

function describedError(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function choose(label: RegExp, option: string) {
  fireEvent.click(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('count form', () => {
  it('checks the figures live with core rules, fills the total from the sum, then creates the draft', async () => {
    const requests = mockFetch(({ method, path, body }) => {
      if (path === '/api/v1/flows/points') return { body: POINTS };
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (method === 'POST' && path === '/api/v1/flows/counts') return { status: 201, body: { ...(body as object), id: '01930000-0000-7000-8000-00000000c009', status: 'draft', version: 1 } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/flows/counts/new', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouveau comptage' }, LAZY)).toBeTruthy();

    const number = (name: RegExp) => screen.getByRole('textbox', { name });
    fireEvent.change(number(/^Hommes \(18\+\)/), { target: { value: '3' } });
    fireEvent.change(number(/^Femmes \(18\+\)/), { target: { value: '2' } });
    fireEvent.change(number(/^Femmes enceintes/), { target: { value: '4' } });
    // Touched fields show core's message, in French.
    await waitFor(() => expect(describedError(number(/^Femmes enceintes/))).toContain('ne doit pas dépasser le nombre de femmes (2)'));
    expect(screen.getByText('Somme hommes + femmes + garçons + filles + inconnus : 5')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    expect(await screen.findByText(/Corrigez les \d+ champ\(s\) signalé\(s\)/)).toBeTruthy();
    expect(describedError(number(/^Total/))).toContain('doit être égal à hommes + femmes + garçons + filles + inconnus (5), et non 0');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Reporter la somme dans le total' }));
    expect((number(/^Total/) as HTMLInputElement).value).toBe('5');
    fireEvent.change(number(/^Femmes enceintes/), { target: { value: '1' } });
    await choose(/^Point de suivi/, 'ML-FMP-06 · Gao - Place Kidal');
    fireEvent.change(screen.getByLabelText(/^Date/), { target: { value: '2025-03-04' } });
    await choose(/^Pays d'origine/, 'Mali (MLI)');
    await choose(/^Pays de prochaine destination/, 'Algérie (DZA)');
    await choose(/^Pays de destination finale/, 'Algérie (DZA)');

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      fmpId: 'ML-FMP-06', date: '2025-03-04', originCountry: 'MLI', nextDestinationCountry: 'DZA', finalDestinationCountry: 'DZA',
      men: 3, women: 2, boys: 0, girls: 0, sexAgeUnknown: 0, total: 5, pregnantWomen: 1, unaccompaniedChildren: null, nationalities: [], status: 'draft',
    });
    // A long form driven field by field: slow on a busy machine, not stuck.
  }, 20_000);
});
