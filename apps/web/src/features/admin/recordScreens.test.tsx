// The organisation, site and role screens: checks before sending, creation then the new record's page,
// edits sent as a patch with If-Match, the stale-version reload, read-only access, filtered lists.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../app/routes';
import { ADMIN_PERMISSIONS, makeMe, mockFetch, renderWithApp } from '../../test/helpers';

const ADMIN = { status: 'authenticated', me: makeMe(ADMIN_PERMISSIONS, { roles: ['administrator'] }) } as const;
const ORG = { id: '01930000-0000-7000-8000-0000000000a1', code: 'iom', name: 'OIM Mali', kind: 'international_organisation', countryCode: 'MLI', active: true, version: 1, createdAt: '', updatedAt: '' };
const SITE = {
  id: '01930000-0000-7000-8000-0000000000b1', code: 'gao', name: 'Centre de transit de Gao', kind: 'transit_centre', organisationId: ORG.id, pcode: 'ML0703',
  countryCode: 'MLI', capacity: 120, caseCodePrefix: 'GAO', active: true, version: 2, createdAt: '', updatedAt: '',
};
const ROLE = { id: '01930000-0000-7000-8000-0000000000c1', code: 'caseworker', name: 'Agent·e de terrain', description: '', scope: 'site', maxSensitivity: 'personal', permissions: ['person.read'], builtin: true, userCount: 2, version: 1, createdAt: '', updatedAt: '' };
const COUNTRIES = { items: [{ iso3: 'MLI', nameFr: 'Mali', nameEn: 'Mali' }] };

function describedError(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('organisation form', () => {
  it('checks the code first, then creates the organisation and opens its page', async () => {
    const created = { ...ORG, id: '01930000-0000-7000-8000-0000000000a9', code: 'ong-sahel', name: 'ONG Sahel', kind: 'ngo', countryCode: null };
    const requests = mockFetch(({ method, path }) => {
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (method === 'POST' && path === '/api/v1/organisations') return { status: 201, body: created };
      if (path === `/api/v1/organisations/${created.id}`) return { body: created };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: '/admin/organisations/new', auth: ADMIN });

    expect(await screen.findByRole('heading', { level: 1, name: 'Créer une organisation' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Créer' }));
    const code = screen.getByRole('textbox', { name: /^Code/ });
    expect(describedError(code)).toMatch('Ce champ est obligatoire.');
    expect(describedError(screen.getByRole('textbox', { name: /^Nom/ }))).toMatch('Ce champ est obligatoire.');
    fireEvent.change(code, { target: { value: 'ONG Sahel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer' }));
    expect(describedError(code)).toMatch('Format non valide.');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(code, { target: { value: 'ONG-Sahel' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Nom/ }), { target: { value: ' ONG Sahel ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer' }));

    expect(await screen.findByRole('heading', { level: 1, name: "Modifier l'organisation « ONG Sahel »" })).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ code: 'ong-sahel', name: 'ONG Sahel', kind: 'ngo', countryCode: null, active: true });
    expect(await screen.findByText('L\'organisation « ONG Sahel » a été créée.')).toBeTruthy();
  });
});

describe('site form', () => {
  it('sends only the changed fields with If-Match, and reloads the newer version when told the record changed', async () => {
    let version = SITE.version;
    const requests = mockFetch(({ method, path }) => {
      if (path === '/api/v1/reference/countries') return { body: COUNTRIES };
      if (path === '/api/v1/organisations') return { body: { items: [ORG], nextCursor: null } };
      if (method === 'GET' && path === `/api/v1/sites/${SITE.id}`) return { body: { ...SITE, version, name: version > SITE.version ? 'Centre de Gao' : SITE.name } };
      if (method === 'PATCH') {
        version += 1; // someone else saved first
        return { status: 412, body: { error: { code: 'stale_version', message: 'changed', details: { currentVersion: version } } } };
      }
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/admin/sites/${SITE.id}`, auth: ADMIN });

    expect(await screen.findByRole('heading', { level: 1, name: 'Modifier le site « Centre de transit de Gao »' })).toBeTruthy();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sites' }).getAttribute('href')).toBe('/admin/sites');
    fireEvent.change(screen.getByRole('textbox', { name: /^Préfixe/ }), { target: { value: 'gaox' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const alert = await within(screen.getByRole('main')).findByRole('alert');
    expect(alert.textContent).toMatch("Quelqu'un d'autre a modifié cet enregistrement");
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe(`/api/v1/sites/${SITE.id}`);
    expect(patch?.headers.get('If-Match')).toBe('2');
    expect(patch?.body).toEqual({ caseCodePrefix: 'GAOX' });

    fireEvent.click(within(alert).getByRole('button', { name: 'Recharger' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Modifier le site « Centre de Gao »' })).toBeTruthy();
    // The form starts again from the version just loaded.
    await waitFor(() => expect((screen.getByRole('textbox', { name: /^Préfixe/ }) as HTMLInputElement).value).toBe('GAO'));
    expect(within(screen.getByRole('main')).queryByRole('alert')).toBeNull();
  });
});

describe('role form', () => {
  it('shows a built-in role read-only, with its notice, to someone who may not manage roles', async () => {
    mockFetch(({ path }) => {
      if (path === `/api/v1/roles/${ROLE.id}`) return { body: ROLE };
      if (path === '/api/v1/permissions') return { body: { items: [{ code: 'person.read', resource: 'person', action: 'read' }] } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/admin/roles/${ROLE.id}`, auth: { status: 'authenticated', me: makeMe(['role.read']) } });

    expect(await screen.findByRole('heading', { level: 1, name: 'Modifier le rôle « Agent·e de terrain »' })).toBeTruthy();
    expect(screen.getByText('Ce rôle est fourni avec Taama. Vous pouvez le modifier ; son code reste fixe.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Nom/ }).closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
  });
});

describe('record lists', () => {
  it('reads the filters from the URL, says when they match nothing, and clears them', async () => {
    const requests = mockFetch(({ path, search }) => {
      if (path === '/api/v1/organisations') return { body: { items: [ORG], nextCursor: null } };
      if (path === '/api/v1/sites') return { body: { items: search.get('q') ? [] : [SITE], nextCursor: null } };
      return undefined;
    });
    renderWithApp(<AppRoutes />, { route: `/admin/sites?q=tombouctou&organisationId=${ORG.id}`, auth: ADMIN });

    expect(await screen.findByText('Aucun résultat ne correspond à votre recherche ou à vos filtres.')).toBeTruthy();
    const first = requests.find((r) => r.path === '/api/v1/sites');
    expect(Object.fromEntries(first?.search ?? [])).toEqual({ q: 'tombouctou', organisationId: ORG.id, limit: '25' });
    expect((screen.getByRole('searchbox', { name: 'Rechercher un site' }) as HTMLInputElement).value).toBe('tombouctou');
    expect(screen.getByRole('link', { name: 'Nouveau site' }).getAttribute('href')).toBe('/admin/sites/new');

    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(await screen.findByRole('link', { name: SITE.name })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Effacer les filtres' })).toBeNull();
  });
});
