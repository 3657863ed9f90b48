// The named participant list: it is compared live with the counted reach, saved whole, and the
// participants the server recognises from earlier activities are marked as repeat attendees.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeMe, mockFetch, renderWithApp } from '../../../test/helpers';
import { ParticipantsEditor } from './ParticipantsEditor';

const ACTIVITY_ID = '01930000-0000-7000-8000-0000000000d1';

describe('participants editor', () => {
  it('saves the list and marks the repeat attendees the server found', async () => {
    const requests = mockFetch(({ method, path, body }) => {
      if (method === 'PUT' && path === `/api/v1/awareness/activities/${ACTIVITY_ID}/participants`) {
        const sent = (body as { participants: { name: string; sex: string; ageGroup: string }[] }).participants;
        return { body: { participants: sent.map((p, i) => ({ id: `01930000-0000-7000-8000-00000000010${i}`, name: p.name, sex: p.sex, ageGroup: p.ageGroup, repeat: i === 0 })), uniqueNew: sent.length - 1 } };
      }
      return undefined;
    });
    let saved = 0;
    renderWithApp(<ParticipantsEditor activityId={ACTIVITY_ID} reach={{ total: 2, men: 1, women: 1, boys: 0, girls: 0 }} savedCount={0} readOnly={false} onSaved={() => (saved += 1)} />, {
      auth: { status: 'authenticated', me: makeMe(['awareness.read', 'awareness.manage']) },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un participant' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Nom du participant 1' }), { target: { value: 'Bakary Keita' } });
    fireEvent.click(screen.getByRole('combobox', { name: 'Sexe du participant 1' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Masculin' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /participant 1 accepte/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un participant' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Nom du participant 2' }), { target: { value: 'Kadiatou Diallo' } });
    expect(screen.getByTestId('participants-match').textContent).toContain('Liste : 1 hommes, 1 femmes, 0 garçons, 0 filles');

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la liste' }));
    await waitFor(() => expect(saved).toBe(1));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      participants: [
        { name: 'Bakary Keita', sex: 'male', ageGroup: 'adult', consentToMatch: true },
        { name: 'Kadiatou Diallo', sex: 'female', ageGroup: 'adult', consentToMatch: false },
      ],
    });
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByText('Déjà venu')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Nouveau')).toBeTruthy();
    expect(screen.getByTestId('participants-result').textContent).toBe('2 participants, dont 1 déjà venus et 1 nouveaux.');
  }, 30_000);
});
