// Free-movement screens: the anonymous toggle hides the reporter's name and phone and never sends
// them; a trainee's completion box is disabled, with the reason, when attendance is too low; the
// rights page shows the rules of the chosen date.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_RIGHTS_REFERENCE, rightsOn } from '@taama/core';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';

const LAZY = { timeout: 10_000 };
const AUTH = { status: 'authenticated', me: makeMe(['mobility.read', 'mobility.manage', 'reference.read']) } as const;
const POST = { id: '01930000-0000-7000-8000-0000000000e1', name: 'Heremakono', pcode: 'ML030501', placeName: null, neighbourCountry: 'BFA', type: 'land_border', corridor: 'bamako_ouagadougou', lat: 10.9, lon: -5.3, version: 1, abilities: { update: true } };
const INSTITUTION = { id: '01930000-0000-7000-8000-0000000000f1', name: 'Police des frontières', kind: 'police', countryCode: 'MLI', parentInstitutionId: null, parentInstitutionName: null, version: 1, abilities: { update: true } };
const page = (items: unknown[]) => ({ body: { items, nextCursor: null } });

describe('incident form', () => {
  it('hides and never sends the name and phone of an anonymous reporter', async () => {
    const requests = mockFetch(({ method, path, body }) => {
      if (path === '/api/v1/mobility/border-posts') return page([POST]);
      if (path === '/api/v1/reference/countries') return { body: { items: [] } };
      if (method === 'POST' && path === '/api/v1/mobility/incidents') return { status: 201, body: { ...(body as object), id: '01930000-0000-7000-8000-0000000000a9', version: 1 } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/mobility/incidents/new', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Signaler un incident' }, LAZY)).toBeTruthy();

    const toggle = screen.getByRole('switch', { name: /Signalement anonyme/ });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('textbox', { name: /^Nom$/ })).toBeNull();
    fireEvent.click(toggle);
    fireEvent.change(await screen.findByRole('textbox', { name: /^Nom$/ }), { target: { value: 'Moussa Diarra' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Téléphone/ }), { target: { value: '+223 70 00 00 00' } });
    fireEvent.click(toggle);
    expect(screen.queryByRole('textbox', { name: /^Nom$/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /^Téléphone/ })).toBeNull();

    fireEvent.click(screen.getByRole('combobox', { name: /^Poste frontière/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Heremakono' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Racket' }));
    fireEvent.click(screen.getByRole('button', { name: 'Créer' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const sent = requests.find((r) => r.method === 'POST')?.body as { reporter: unknown; borderPostId: string; types: string[] };
    expect(sent.reporter).toEqual({ anonymous: true });
    expect(sent.borderPostId).toBe(POST.id);
    expect(sent.types).toEqual(['extortion']);
  }, 30_000);
});

describe('trainees editor', () => {
  it('disables completion with the reason when attendance is below 80 % of the days', async () => {
    const training = {
      id: '01930000-0000-7000-8000-0000000000b7', title: 'Protocole de libre circulation', topic: 'free_movement_protocol', startsOn: '2025-03-03', endsOn: '2025-03-07', days: 5, place: 'Sikasso',
      pcode: null, borderPostId: null, borderPostName: null, organiserOrganisationId: null, organisationId: '01930000-0000-7000-8000-0000000000a1', traineeCount: 1, completedCount: 1,
      meanPreScore: 40, meanPostScore: 75, gain: 35, version: 2, abilities: { update: true },
      trainees: [{ id: '01930000-0000-7000-8000-0000000000b8', name: 'Adama Konaté', sex: 'male', institutionId: INSTITUTION.id, institutionName: INSTITUTION.name, rank: 'Inspecteur', daysAttended: 5, completed: true, preScore: 40, postScore: 75 }],
    };
    const requests = mockFetch(({ method, path, body }) => {
      if (path === `/api/v1/mobility/trainings/${training.id}`) return { body: training };
      if (path === '/api/v1/mobility/institutions') return page([INSTITUTION]);
      if (path === '/api/v1/mobility/border-posts') return page([]);
      if (method === 'PUT') return { body: { ...training, version: 3, trainees: (body as { trainees: object[] }).trainees.map((t) => ({ ...t, id: training.trainees[0]?.id, institutionName: INSTITUTION.name })) } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/mobility/trainings/${training.id}`, auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: training.title }, LAZY)).toBeTruthy();

    const completed = screen.getByRole('checkbox', { name: 'Le stagiaire 1 a achevé la formation' }) as HTMLInputElement;
    expect(completed.checked).toBe(true);
    expect(completed.disabled).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: 'Jours présents du stagiaire 1' }), { target: { value: '3' } });
    await waitFor(() => expect(completed.disabled).toBe(true));
    expect(completed.checked).toBe(false);
    expect(screen.getAllByText('Présence insuffisante : au moins 4 jour(s) sur 5').length).toBeGreaterThan(0);
    expect(screen.getByTestId('trainee-scores').textContent).toContain('gain moyen : +35');

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les stagiaires' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ trainees: [{ name: 'Adama Konaté', daysAttended: 3, completed: false, institutionId: INSTITUTION.id }] });
  }, 30_000);
});

describe('rights reference', () => {
  it('shows the ECOWAS rules before 2025-01-29 and the transitional regime, to be checked, from that day', async () => {
    mockFetch(({ path, search }) => {
      if (path === '/api/v1/reference/countries') return { body: { items: [{ iso3: 'MLI', nameFr: 'Mali', nameEn: 'Mali' }, { iso3: 'SEN', nameFr: 'Sénégal', nameEn: 'Senegal' }] } };
      if (path === '/api/v1/mobility/rights') return { body: rightsOn(search.get('date') ?? '', search.get('nationality') ?? '', search.get('hostCountry') ?? '') };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/mobility/rights?date=2025-01-28&nationality=MLI&hostCountry=SEN', auth: AUTH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Droits des voyageurs (référence)' }, LAZY)).toBeTruthy();
    const answer = await screen.findByTestId('rights-answer');
    expect(within(answer).getByTestId('rights-regime').textContent).toBe('Libre circulation CEDEAO');
    const withdrawal = DEFAULT_RIGHTS_REFERENCE.rules.find((r) => r.code === 'aes_withdrawal')?.title.fr ?? 'aes_withdrawal';
    const entry = DEFAULT_RIGHTS_REFERENCE.rules.find((r) => r.code === 'ecowas_entry_90_days')?.title.fr ?? 'ecowas_entry_90_days';
    expect(within(answer).getByRole('heading', { level: 3, name: entry })).toBeTruthy();
    expect(within(answer).queryByRole('heading', { name: withdrawal })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Voir à partir du changement' }));
    await waitFor(() => expect(screen.getByTestId('rights-regime').textContent).toBe('Régime transitoire (AES)'));
    const rule = screen.getByRole('article', { name: withdrawal });
    expect(within(rule).getByText(`À vérifier au regard des textes officiels en vigueur (référence du ${DEFAULT_RIGHTS_REFERENCE.writtenOn})`)).toBeTruthy();
  }, 30_000);
});
