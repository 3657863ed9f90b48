// Survey entry: every item of the instrument must be answered for every respondent before anything is
// sent; the answers go as the item's option values, with the instrument's version.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_SURVEY_INSTRUMENT } from '@taama/core';
import { AppRoutes } from '../../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../../test/helpers';

const LAZY = { timeout: 10_000 };
const COMMUNITY_ID = '01930000-0000-7000-8000-0000000000c1';
const COMMUNITY = { id: COMMUNITY_ID, name: 'Kalabancoro Plateau', communePcode: 'ML020415', communeName: 'Kalabancoro', regionPcode: 'ML02', regionName: 'Koulikoro', highEmigrationZone: true, population: null, focalPoints: [], activityCount: 0, peopleReached: 0, lastActivityOn: null, version: 1, abilities: { update: true } };

describe('survey entry', () => {
  it('refuses an incomplete respondent, then sends every answer with the instrument version', async () => {
    const requests = mockFetch(({ method, path }) => {
      if (path === '/api/v1/awareness/survey-instruments') return { body: { items: [DEFAULT_SURVEY_INSTRUMENT] } };
      if (path === '/api/v1/awareness/communities') return { body: { items: [COMMUNITY], nextCursor: null } };
      if (method === 'POST' && path === '/api/v1/awareness/surveys') return { status: 201, body: { id: '01930000-0000-7000-8000-0000000000e9' } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/awareness/surveys/new?communityId=${COMMUNITY_ID}`, auth: { status: 'authenticated', me: makeMe(['awareness.read', 'awareness.manage']) } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Enquête connaissances et attitudes' }, LAZY)).toBeTruthy();

    const respondent = screen.getByRole('region', { name: 'Personne interrogée 1' });
    const [first, ...rest] = DEFAULT_SURVEY_INSTRUMENT.items;
    if (!first) throw new Error('the default instrument has items');
    fireEvent.click(within(respondent).getByRole('radiogroup', { name: first.question.fr }).querySelector(`input[value="${first.correct}"]`) as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer l'enquête" }));
    expect(await screen.findByText('Répondez à toutes les questions de la personne interrogée 1')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    for (const item of rest) {
      fireEvent.click(within(respondent).getByRole('radiogroup', { name: item.question.fr }).querySelector(`input[value="${item.options[0]?.value ?? ''}"]`) as HTMLElement);
    }
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer l'enquête" }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const body = requests.find((r) => r.method === 'POST')?.body as { communityId: string; phase: string; instrumentVersion: string; responses: { answers: Record<string, string> }[] };
    expect(body.communityId).toBe(COMMUNITY_ID);
    expect(body.phase).toBe('before');
    expect(body.instrumentVersion).toBe(DEFAULT_SURVEY_INSTRUMENT.version);
    expect(body.responses).toHaveLength(1);
    expect(Object.keys(body.responses[0]?.answers ?? {}).sort()).toEqual(DEFAULT_SURVEY_INSTRUMENT.items.map((i) => i.code).sort());
    expect(body.responses[0]?.answers[first.code]).toBe(first.correct);
  }, 30_000);
});
