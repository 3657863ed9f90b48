// The new return case form against a scripted API: the person found in the registry, an inbound
// return from Niger to a Mali P-code with a household member, and what is sent; an outbound return
// may not go to Mali.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';
import { summary } from '../registry/testData';
import { CASE_ID, returnCase } from './testData';

const SLOW = { timeout: 8000 };
const AUTH = { status: 'authenticated', me: makeMe(['person.read', 'reference.read', 'returnCase.read', 'returnCase.create', 'returnCase.update', 'returnCase.transition']) } as const;
const COUNTRIES = {
  items: [
    { iso3: 'MLI', iso2: 'ML', nameFr: 'Mali', nameEn: 'Mali', ecowasStatus: null, aesMember: true, bordersMali: false, region: null },
    { iso3: 'NER', iso2: 'NE', nameFr: 'Niger', nameEn: 'Niger', ecowasStatus: null, aesMember: true, bordersMali: true, region: null },
  ],
};
const CHILD = summary({ id: '01930000-0000-7000-8000-000000000109', givenName: 'Fanta', familyName: 'Coulibaly', sex: 'female', caseNumber: 'ML-GAO-2025-000200', dateOfBirth: '2016-01-01' });

/** Types into a searchable select and picks the option named. */
async function pick(label: RegExp, text: string, option: RegExp) {
  await userEvent.type(screen.getByRole('combobox', { name: label }), text);
  fireEvent.click(await screen.findByRole('option', { name: option }, SLOW));
}

describe('the new return case form', () => {
  it('opens an inbound case with a member travelling together', async () => {
    const requests = mockFetch((r) => {
      if (r.path === '/api/v1/people') return { body: { items: r.search.get('q')?.startsWith('Fanta') ? [CHILD] : [summary()], nextCursor: null } };
      if (r.path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (r.path === '/api/v1/reference/admin-units') return { body: { items: [{ pcode: 'ML09', name: 'Bamako', level: 1, parentPcode: null }], nextCursor: null } };
      if (r.method === 'POST' && r.path === '/api/v1/returns') return { status: 201, body: returnCase() };
      if (r.path === `/api/v1/returns/${CASE_ID}`) return { body: returnCase() };
      if (r.path === `/api/v1/returns/${CASE_ID}/events`) return { body: { items: [] } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/returns/cases/new', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouveau dossier de retour' }, SLOW)).toBeTruthy();
    await pick(/^Personne/, 'Mamadou', /Mamadou Coulibaly/);
    await pick(/^Pays d'accueil/, 'Niger', /^Niger \(NER\)/);
    await pick(/^Zone de destination/, 'Bamako', /Bamako \(ML09\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un membre' }));
    await pick(/^Membre 1/, 'Fanta', /Fanta Coulibaly/);
    const form = screen.getByRole('form', { name: 'Nouveau dossier de retour' });
    expect(within(form).getByText('2 places au total')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Ouvrir le dossier' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      personId: summary().id,
      direction: 'inbound',
      destinationCountry: 'MLI',
      destinationPcode: 'ML09',
      fromCountry: 'NER',
      unaccompaniedChild: false,
      members: [{ personId: CHILD.id, relationship: 'child' }],
    }));
    expect(await screen.findByRole('heading', { level: 1, name: /ML-BKO-AVR-2025-000123/ }, SLOW)).toBeTruthy();
  }, 45_000);

  it('asks for the person and the host country before sending anything', async () => {
    const requests = mockFetch((r) => (r.path === '/api/v1/reference/countries' ? { body: COUNTRIES } : undefined));
    renderWithApp(<AppRoutes />, { route: '/returns/cases/new', auth: AUTH });
    const form = await screen.findByRole('form', { name: 'Nouveau dossier de retour' }, SLOW);
    fireEvent.click(within(form).getByRole('button', { name: 'Ouvrir le dossier' }));
    expect(await within(form).findAllByText('Ce champ est obligatoire.')).toHaveLength(2);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  }, 20_000);
});
