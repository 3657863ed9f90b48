// The help: the header link opens the task of the current screen in the interface language, the
// help page renders the real guide with in-app links and its screenshots, and the Markdown cannot
// smuggle HTML or script URLs into the page.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AppRoutes } from '../../app/routes';
import { makeMe, mockFetch, renderWithApp } from '../../test/helpers';
import { helpResources } from './helpI18n';
import { renderGuide } from './renderGuide';

const CASEWORKER = ['person.read', 'person.create', 'transitCase.read', 'transitCase.create', 'referral.manage'];

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('help link', () => {
  it('opens the guide of the current screen in the interface language, in a new tab', async () => {
    mockFetch(() => ({ body: { items: [], nextCursor: null } }));
    renderWithApp(<AppRoutes />, { route: '/protection/referrals', auth: { status: 'authenticated', me: makeMe(CASEWORKER) } });
    const link = await screen.findByRole('link', { name: 'Aide pour cet écran : Orienter un migrant (nouvel onglet)' }, { timeout: 15_000 });
    expect(link.getAttribute('href')).toBe('/help/fr/refer');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});

describe('help page', () => {
  it('renders the French guide with its steps, in-app links and the list of guides', async () => {
    mockFetch(() => undefined);
    renderWithApp(<AppRoutes />, { route: '/help/fr/refer', auth: { status: 'authenticated', me: makeMe(CASEWORKER) } });
    // The help pages and the guide are loaded on demand: give them time on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Orienter un migrant' }, { timeout: 15_000 })).toBeTruthy();
    const content = screen.getByRole('heading', { level: 1 }).closest('.help-guide') as HTMLElement;
    // A link to another guide page stays in the app, in the same language.
    expect(within(content).getByRole('link', { name: 'Conduire un retour' }).getAttribute('href')).toBe('/help/fr/return-case');
    const contents = screen.getByRole('navigation', { name: 'Tous les guides' });
    expect(within(contents).getByRole('link', { name: 'Orienter un migrant' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Read in English' }).getAttribute('href')).toBe('/help/en/refer');
  });

  it('answers an unknown page or language with the not-found page', async () => {
    mockFetch(() => undefined);
    renderWithApp(<AppRoutes />, { route: '/help/de/refer', auth: { status: 'authenticated', me: makeMe(CASEWORKER) } });
    expect(await screen.findByText('Page introuvable', {}, { timeout: 15_000 })).toBeTruthy();
  });
});

describe('renderGuide', () => {
  const context = { language: 'en' as const, topic: 'refer' as const, imageUrl: (path: string) => (path === 'guide/img/en/refer-1.png' ? '/assets/refer-1-abc.png' : undefined) };

  it('escapes raw HTML and drops script URLs', () => {
    const html = renderGuide('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>', context);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&lt;script&gt;');
  });

  it('turns guide links into help routes, keeps external links in a new tab and drops repository links', () => {
    const html = renderGuide('[a](movement.md) [b](../fr/start.md) [c](../../glossary.md) [d](https://example.org) [e](../../benchmarks.md)', context);
    expect(html).toContain('href="/help/en/movement"');
    expect(html).toContain('href="/help/fr/start"');
    expect(html).toContain('href="/help/en/glossary"');
    expect(html).toContain('href="https://example.org" target="_blank" rel="noopener noreferrer"');
    expect(html).not.toContain('benchmarks.md');
    expect(html).toContain('e');
  });

  it('serves screenshots from the build and leaves out those not taken yet', () => {
    const html = renderGuide('![The referrals tab](../img/en/refer-1.png)\n\n![Pending](../img/en/offline-1.png)', context);
    expect(html).toContain('<img src="/assets/refer-1-abc.png" alt="The referrals tab" loading="lazy">');
    expect(html).not.toContain('offline-1');
  });
});

describe('help translations', () => {
  it('have the same keys in French and English', () => {
    expect(keys(helpResources.en).sort()).toEqual(keys(helpResources.fr).sort());
  });
});
