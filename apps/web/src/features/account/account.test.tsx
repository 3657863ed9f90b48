// The two-step sign-in, forced enrolment, the security page and the erase confirmation, against a
// scripted API.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';
import { PersonPrivacyActions } from './PersonPrivacyActions';

const CHALLENGE = { mfaRequired: true, challenge: 'challenge-token-123', expiresAt: '2030-01-01T00:00:00.000Z' };

describe('sign-in with two-step verification', () => {
  it('asks for the code after the password, then signs in', async () => {
    const me = makeMe(['person.read']);
    const requests = mockFetch((r) => {
      if (r.path === '/api/v1/auth/login') return { body: CHALLENGE };
      if (r.path === '/api/v1/auth/login/totp') return (r.body as { code: string }).code === '123456' ? { body: { token: 't', user: me } } : { status: 401, body: { error: { code: 'mfa_code_invalid', message: 'Wrong' } } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/login', auth: { status: 'anonymous' } });
    fireEvent.change(screen.getByLabelText(/Nom d'utilisateur/), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText(/Mot de passe/), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    const code = await screen.findByLabelText(/^Code/);
    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Code incorrect ou déjà utilisé.');
    fireEvent.change(screen.getByLabelText(/^Code/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    // Signed in: the code form is gone and the app took over.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Valider' })).toBeNull());
    const step2 = requests.filter((r) => r.path === '/api/v1/auth/login/totp');
    expect(step2.map((r) => r.body)).toEqual([{ challenge: CHALLENGE.challenge, code: '000000' }, { challenge: CHALLENGE.challenge, code: '123456' }]);
  });
});

describe('forced enrolment', () => {
  it('opens the enrolment screen before the app for a role that requires it', async () => {
    mockFetch((r) => (r.path === '/api/v1/me/mfa/enrol' ? { body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Taama:x', qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' } } : undefined));
    const me = makeMe(['user.read'], { mfa: { enabled: false, required: true, mustEnrol: true, recoveryCodesLeft: 0 } });
    renderWithApp(<AppRoutes />, { route: '/', auth: { status: 'authenticated', me } });
    expect(await screen.findByRole('heading', { name: 'Activez la vérification en deux étapes' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Commencer' }));
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeTruthy();
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeTruthy();
  });
});

describe('account security page', () => {
  it('shows the two-step status and the open sessions, and closes another session', async () => {
    const requests = mockFetch((r) => {
      if (r.path === '/api/v1/me/mfa') return { body: { enabled: true, required: true, mustEnrol: false, recoveryCodesLeft: 7 } };
      if (r.path === '/api/v1/me/sessions' && r.method === 'GET') {
        return {
          body: {
            items: [
              { id: '01930000-0000-7000-8000-000000000011', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', ip: '127.0.0.1', createdAt: '2025-01-01T08:00:00Z', lastSeenAt: '2025-01-01T09:00:00Z', expiresAt: '2025-01-01T20:00:00Z', current: true },
              { id: '01930000-0000-7000-8000-000000000012', userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/126.0', ip: '10.0.0.5', createdAt: '2025-01-01T07:00:00Z', lastSeenAt: '2025-01-01T07:30:00Z', expiresAt: '2025-01-01T19:00:00Z', current: false },
            ],
          },
        };
      }
      if (r.method === 'DELETE') return { status: 204 };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/account/security', auth: { status: 'authenticated', me: makeMe(['person.read']) } });
    expect(await screen.findByText('7 codes de secours restants.')).toBeTruthy();
    expect(screen.getByText('Obligatoire pour votre rôle')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Désactiver' })).toBeNull(); // required: cannot be turned off
    const table = await screen.findByRole('table', { name: 'Sessions ouvertes' });
    expect(within(table).getByText('Cette session')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: /Fermer la session Chrome · Android/ }));
    await screen.findByText('Session fermée.');
    expect(requests.some((r) => r.method === 'DELETE' && r.path === '/api/v1/me/sessions/01930000-0000-7000-8000-000000000012')).toBe(true);
  });
});

describe('erase button on the person page', () => {
  it('names the consequences and needs a reason before the request', async () => {
    const requests = mockFetch((r) => {
      if (r.path.endsWith('/erase') && r.method === 'GET') return { body: null };
      if (r.path.endsWith('/erase') && r.method === 'POST') return { status: 202, body: { status: 'pending', requestId: '01930000-0000-7000-8000-0000000000e1', requestedBy: 'caseworker.gao', requestedAt: '2025-01-01T00:00:00Z', approvedBy: null, completedAt: null } };
      return undefined;
    });
    const person = { id: '01930000-0000-7000-8000-0000000000f1', status: 'active' };
    renderWithApp(<PersonPrivacyActions person={person} onChanged={() => undefined} />, { auth: { status: 'authenticated', me: makeMe(['person.read', 'person.export', 'person.erase']) } });
    expect(screen.getByRole('button', { name: 'Exporter les données' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Effacer la personne' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Noms, téléphones, documents d'identité, photo/)).toBeTruthy();
    expect(within(dialog).getByText(/deuxième personne habilitée/)).toBeTruthy();
    const submit = within(dialog).getByRole('button', { name: "Demander l'effacement" });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText(/Motif/), { target: { value: 'Demande écrite du 2025-05-01' } });
    await screen.findByRole('button', { name: "Demander l'effacement" });
    fireEvent.click(within(dialog).getByRole('button', { name: "Demander l'effacement" }));
    await screen.findByText("Demande d'effacement enregistrée.");
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: 'Demande écrite du 2025-05-01' });
  });
});
