// Browser-side security (SPEC §3, §13): the headers the app and the API send, a Content-Security-Policy
// that stops inline scripts, and stored XSS: names, notes and links carrying script payloads,
// created through the API, stay inert text on the person page, the case page, the lists and the
// search. Execution is detected by a window.__xss flag the payloads would set and by any dialog.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, LoginPage } from './pages/LoginPage';

const MARK = `x${Date.now().toString(36)}`;
const PAYLOADS = {
  givenName: `<img src=x onerror="window.__xss=true;alert(1)">${MARK}`,
  familyName: `<script>window.__xss=true</script>${MARK}`,
  note: `<a href="javascript:window.__xss=true">clic</a> [lien](javascript:window.__xss=true) <svg onload="window.__xss=true"></svg> ${MARK}`,
};

async function apiLogin(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const res = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok()).toBe(true);
  return { authorization: `Bearer ${(await res.json()).token as string}` };
}

/** Arms the detectors before any page script runs: the flag, and a count of dialogs. */
async function armDetectors(page: Page): Promise<{ dialogs: string[] }> {
  const seen = { dialogs: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  // Strings, not functions: they run in the page, where `window` is (the e2e type-check has no DOM library).
  await page.addInitScript('window.__xss = false');
  return seen;
}

async function expectInert(page: Page, seen: { dialogs: string[] }, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate<boolean>('window.__xss === true'), where).toBe(false);
  expect(seen.dialogs, where).toEqual([]);
  expect(await page.locator('a[href^="javascript:" i]').count(), where).toBe(0);
  expect(await page.locator('img[src="x"]').count(), where).toBe(0);
}

test.describe('security headers', () => {
  test('the web app and the API send the headers set in the server', async ({ request }) => {
    const html = await request.get('/');
    expect(html.status()).toBe(200);
    const h = html.headers();
    const csp = h['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(h['x-frame-options']).toMatch(/deny|sameorigin/i);

    const api = await request.get('/api/v1/health');
    expect(api.headers()['cache-control']).toBe('no-store');
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
    const me = await request.get('/api/v1/people', { headers: await apiLogin(request, 'protection.officer') });
    expect(me.headers()['cache-control']).toBe('no-store');
  });

  test('the page ships no inline script, and the browser refuses to run one', async ({ page, request }) => {
    const body = await (await request.get('/')).text();
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto('/login');
    await expect(new LoginPage(page).heading).toBeVisible();
    const ran = await page.evaluate<boolean>(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.head.appendChild(s);
      return window.__inline === true;
    })()`);
    expect(ran).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
    // Framing is refused too: a page that embeds the app gets nothing.
    const framed = await page.evaluate<string>(`(async () => {
      const f = document.createElement('iframe');
      f.src = '/login';
      document.body.appendChild(f);
      await new Promise((r) => setTimeout(r, 1500));
      try {
        return f.contentDocument?.body?.innerText ?? '';
      } catch {
        return '';
      }
    })()`);
    expect(framed).not.toContain('Connexion');
  });
});

test('stored XSS in names, notes and links stays inert on the person page, case page, lists and search', async ({ page, request }) => {
  test.setTimeout(180_000);
  const auth = await apiLogin(request, 'protection.officer');
  // An open case of the officer's organisation, its person renamed with the payloads. (Registering a
  // new person would do as well, but registration on a freshly loaded embedded database currently
  // fails in some runs with the engine error reported with the server tests; this test is about XSS.)
  const cases = await (await request.get('/api/v1/transit-cases?status=open&limit=1', { headers: auth })).json();
  const transitCase = cases.items[0] as { id: string; person: { id: string } };
  expect(transitCase).toBeDefined();
  const current = await (await request.get(`/api/v1/people/${transitCase.person.id}`, { headers: auth })).json();
  const renamed = await request.patch(`/api/v1/people/${transitCase.person.id}`, {
    headers: { ...auth, 'if-match': String(current.version) },
    data: { givenName: PAYLOADS.givenName, familyName: PAYLOADS.familyName, otherNames: ['<iframe src="javascript:window.__xss=true">'] },
  });
  expect(renamed.status(), await renamed.text()).toBe(200);
  const person = { id: transitCase.person.id };
  for (const body of [{ body: PAYLOADS.note }, { body: PAYLOADS.note, sensitive: true }]) {
    const note = await request.post(`/api/v1/transit-cases/${transitCase.id}/notes`, { headers: auth, data: body });
    expect(note.status(), await note.text()).toBe(201);
  }
  const service = await request.post(`/api/v1/transit-cases/${transitCase.id}/services`, { headers: auth, data: { type: 'food', date: new Date().toISOString().slice(0, 10), provider: PAYLOADS.givenName, note: PAYLOADS.note } });
  expect(service.status(), await service.text()).toBe(201);

  const seen = await armDetectors(page);
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('protection.officer');
  await expect(page.getByRole('navigation').first()).toBeVisible();

  const screens: [string, string][] = [
    ['search', `/protection/people?q=${encodeURIComponent(MARK)}`],
    ['person page', `/protection/people/${person.id as string}`],
    ['case page', `/protection/cases/${transitCase.id as string}`],
    ['case list', `/protection/cases?q=${encodeURIComponent(MARK)}`],
    ['case list (all)', '/protection/cases'],
  ];
  for (const [where, url] of screens) {
    await page.goto(url);
    await expectInert(page, seen, where);
  }
  // The payloads are shown as the text they are, not dropped: the person page shows the name literally.
  await page.goto(`/protection/people/${person.id as string}`);
  await expect(page.getByText(MARK).first()).toBeVisible();
  await expect(page.getByText('<script>', { exact: false }).first()).toBeVisible();
  await expectInert(page, seen, 'person page, again');
  await page.goto(`/protection/cases/${transitCase.id as string}`);
  await expect(page.getByText(MARK).first()).toBeVisible();
  await expectInert(page, seen, 'case page, again');
});
