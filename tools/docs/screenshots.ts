// `npm run docs:screenshots`: takes every screenshot of the user guides from the running demo, in
// French and English, into docs/guide/img/{fr,en}/<task>-<step>.png. Run it again after a UI change.
//   --only task,task   only these tasks          --lang fr|en   only this language
//   --pending          also the shots of screens marked pending (once those screens exist)
//   --no-build         use the web app as built (by default it is rebuilt: the help pages bundle
//                      the guides, which the start script's freshness check does not watch)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { label } from './labels';
import { startDocsServer, type DocsServer } from './server';
import { SHOTS, shotFile, type Shot, type ShotAction } from './shots';

type Language = 'fr' | 'en';
const root = new URL('../..', import.meta.url).pathname;
const LAPTOP = { width: 1280, height: 800 };
const TABLET = { width: 820, height: 1180 };

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** A browser context signed in as `user` (or signed out) with the interface in `language`. */
async function openContext(browser: Browser, server: DocsServer, user: string | null, language: Language, tablet: boolean): Promise<{ context: BrowserContext; token: string | null }> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: tablet ? TABLET : LAPTOP,
    deviceScaleFactor: 1,
    locale: language === 'fr' ? 'fr-FR' : 'en-GB',
    timezoneId: 'Africa/Bamako',
  });
  // The sign-in page reads the language remembered on the device.
  // (Scripts for the page are strings: this file is type-checked without the browser's types.)
  await context.addInitScript(`window.localStorage.setItem('taama.locale', ${JSON.stringify(language)})`);
  let token: string | null = null;
  if (user) {
    const login = await context.request.post('/api/v1/auth/login', { data: { username: user, password: server.password } });
    if (!login.ok()) throw new Error(`${user} cannot sign in: ${login.status()} ${await login.text()}`);
    ({ token } = (await login.json()) as { token: string });
    // The profile's language wins over the device's once signed in.
    const saved = await context.request.patch('/api/v1/me/preferences', { headers: { authorization: `Bearer ${token}` }, data: { locale: language } });
    if (!saved.ok()) throw new Error(`cannot set ${user}'s language: ${saved.status()}`);
  }
  return { context, token };
}

/** Waits until the page has its data: no request in flight, no spinner, charts drawn. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('main h1, main h2').first().waitFor({ timeout: 30_000 });
  const deadline = Date.now() + 30_000;
  while ((await page.locator('.mantine-Loader-root').count()) > 0 && Date.now() < deadline) await page.waitForTimeout(250);
  await page.waitForLoadState('networkidle');
  // Charts and transitions animate for a moment after their data arrives.
  await page.waitForTimeout(900);
}

/** How a shot moves between addresses: by loading them, or inside the app (a device's shots). */
interface Visit {
  language: Language;
  server: DocsServer;
  /** The demo user of the shot. */
  user: string | null;
  /** The browser's session token, when signed in by the script. */
  token: string | null;
  /** Open addresses inside the app rather than load them (a reload would lock the device copy). */
  inApp: boolean;
}

async function open(page: Page, path: string, visit: Visit): Promise<void> {
  if (!visit.inApp) {
    await page.goto(path);
    return;
  }
  // What the app's router does for a link: a new history entry, announced.
  await page.evaluate(`window.history.pushState({}, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate'))`);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

/** A token of a demo user, for what the script does beside the browser. */
async function tokenOf(server: DocsServer, username: string, userAgent?: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(userAgent ? { 'user-agent': userAgent } : {}) },
    body: JSON.stringify({ username, password: server.password }),
  });
  if (!response.ok) throw new Error(`${username} cannot sign in: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Calls the API as a demo user and returns the JSON answer; fails on an error status. */
async function api(server: DocsServer, token: string, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<unknown> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/**
 * Signs in through the sign-in page, as on a field device, and waits until the first sync has
 * filled the device (the pending-changes page then shows when it last synced).
 */
async function signInOnDevice(page: Page, visit: Visit): Promise<void> {
  if (!visit.user) throw new Error('a device shot needs a user');
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel(label(visit.language, 'auth:login.username'), { exact: false }).first().fill(visit.user);
  await page.getByLabel(label(visit.language, 'auth:login.password'), { exact: false }).first().fill(visit.server.password);
  await page.getByRole('button', { name: label(visit.language, 'auth:login.submit'), exact: true }).click();
  await page.getByTestId('pending-changes').waitFor({ timeout: 60_000 });
  await open(page, '/offline', visit);
  const lastSync = label(visit.language, 'offline:pending.lastSync').split('{{')[0]?.trim() ?? '';
  await page.getByText(lastSync, { exact: false }).first().waitFor({ timeout: 300_000 });
}

async function play(page: Page, action: ShotAction, visit: Visit): Promise<void> {
  const { language } = visit;
  if ('goto' in action) {
    await open(page, action.goto.replaceAll('{lang}', language), visit);
  } else if ('openFirst' in action) {
    const { list, pattern, then } = action.openFirst;
    await open(page, list, visit);
    // Read the links from Node (page-side code would be eval'd, which the app's CSP forbids).
    const links = page.locator('main a[href]');
    const wanted = new RegExp(pattern);
    const deadline = Date.now() + 60_000;
    let href: string | undefined;
    while (!href) {
      const count = await links.count();
      for (let i = 0; i < count && !href; i += 1) {
        const candidate = await links.nth(i).getAttribute('href');
        if (candidate && wanted.test(candidate)) href = candidate;
      }
      if (href) break;
      if (Date.now() > deadline) throw new Error(`no link matching ${pattern} on ${list}`);
      await page.waitForTimeout(500);
    }
    await open(page, `${href}${then ?? ''}`, visit);
  } else if ('click' in action) {
    const { role, key, exact } = action.click;
    await page.getByRole(role, { name: label(language, key), exact: exact ?? true }).first().click();
  } else if ('fill' in action) {
    await page.getByLabel(label(language, action.fill.key), { exact: false }).first().fill(action.fill.value);
  } else if ('upload' in action) {
    await page.locator('main input[type="file"]').setInputFiles(join(root, action.upload));
  } else if ('waitText' in action) {
    await page.getByText(label(language, action.waitText), { exact: false }).first().waitFor({ timeout: 60_000 });
  } else if ('network' in action) {
    await page.context().setOffline(action.network === 'offline');
    // The app notices through the browser's online/offline events; give it a moment to show it.
    await page.waitForTimeout(500);
    return;
  } else if ('changeOnServer' in action) {
    const personId = /^\/protection\/people\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    if (!personId) throw new Error(`changeOnServer needs a person's page open, not ${page.url()}`);
    const { user, field, values } = action.changeOnServer;
    const token = await tokenOf(visit.server, user);
    const current = (await api(visit.server, token, 'GET', `/people/${personId}`)) as Record<string, unknown> & { version: number };
    const value = values.find((v) => v !== current[field]);
    if (value === undefined) throw new Error(`the server already holds every value listed for ${field}`);
    await api(visit.server, token, 'PATCH', `/people/${personId}`, { body: { [field]: value }, headers: { 'if-match': String(current.version) } });
    return;
  } else if ('sessions' in action) {
    if (!visit.token || !visit.user) throw new Error('sessions need a signed-in user');
    // The browser's session signs these calls: every other one is closed, then the devices sign in.
    const { items } = (await api(visit.server, visit.token, 'GET', '/me/sessions')) as { items: { id: string; current: boolean }[] };
    for (const session of items) if (!session.current) await api(visit.server, visit.token, 'DELETE', `/me/sessions/${session.id}`);
    for (const userAgent of action.sessions) await tokenOf(visit.server, visit.user, userAgent);
    return;
  } else {
    // Give the text a moment to appear first (a debounced check starts after typing stops).
    await page.waitForTimeout(1_000);
    await page.getByText(label(language, action.waitGone), { exact: false }).first().waitFor({ state: 'hidden', timeout: 60_000 });
  }
  await settle(page);
}

async function take(browser: Browser, server: DocsServer, language: Language, user: string | null, task: string, shot: Shot): Promise<void> {
  const { context, token } = await openContext(browser, server, user, language, Boolean(shot.tablet));
  const page = await context.newPage();
  try {
    const visit: Visit = { language, server, user, token, inApp: false };
    // A screen that shows an error because the server failed is not a picture for a guide: say so.
    page.on('response', (response) => {
      if (response.status() >= 500) void response.text().then((body) => console.error(`  server error ${response.status()} on ${response.url()}: ${body.slice(0, 300)}`));
    });
    if (shot.device) {
      // The sign-in page's session replaces the script's (which signed the language preference).
      visit.token = null;
      visit.inApp = true;
      await signInOnDevice(page, visit);
    }
    for (const action of shot.actions) await play(page, action, visit);
    // A confirmation toast ("Identity saved") would hide the header: let it close by itself.
    const deadline = Date.now() + 15_000;
    while ((await page.locator('.mantine-Notification-root').count()) > 0 && Date.now() < deadline) await page.waitForTimeout(250);
    const file = join(root, 'docs/guide/img', language, shotFile(task, shot.step));
    await page.screenshot({ path: file, type: 'png', animations: 'disabled', caret: 'hide', scale: 'css' });
    console.log(`  ${language}/${shotFile(task, shot.step)}`);
  } catch (error) {
    // What the page showed when it failed, beside the system's temporary files, for whoever fixes it.
    const file = join(tmpdir(), `taama-docs-failed-${language}-${shotFile(task, shot.step)}`);
    await page.screenshot({ path: file, type: 'png' }).catch(() => undefined);
    console.error(`  (the page as it was: ${file})`);
    throw error;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const only = argument('--only')?.split(',');
  const languages: Language[] = argument('--lang') === 'en' ? ['en'] : argument('--lang') === 'fr' ? ['fr'] : ['fr', 'en'];
  const withPending = process.argv.includes('--pending');
  const port = process.env.TAAMA_DOCS_PORT ? Number(process.env.TAAMA_DOCS_PORT) : 0;
  for (const language of languages) mkdirSync(join(root, 'docs/guide/img', language), { recursive: true });

  if (!process.argv.includes('--no-build')) {
    console.log('Building the web app…');
    const build = spawnSync('npm', ['run', 'build', '-w', '@taama/web'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the web app failed to build');
  }
  console.log('Starting the demo server…');
  const server = await startDocsServer({ web: true, port });
  const failures: string[] = [];
  try {
    for (const language of languages) {
      // One browser per language: date pickers and number inputs follow the browser's own language.
      const browser = await chromium.launch({
        // The system's Chromium, as for the browser tests: never a downloaded one.
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${language === 'fr' ? 'fr-FR' : 'en-GB'}`],
        env: { ...process.env, LANG: language === 'fr' ? 'fr_FR.UTF-8' : 'en_GB.UTF-8', LANGUAGE: language === 'fr' ? 'fr_FR:fr' : 'en_GB:en' },
      });
      try {
        for (const task of SHOTS) {
          if (only && !only.includes(task.task)) continue;
          for (const shot of task.shots) {
            if (shot.pending && !withPending) continue;
            const user = shot.user === undefined ? task.user : shot.user;
            try {
              await take(browser, server, language, user, task.task, shot);
            } catch (error) {
              const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
              failures.push(`${language}/${shotFile(task.task, shot.step)}: ${message}`);
              console.error(`  FAILED ${language}/${shotFile(task.task, shot.step)}: ${message}`);
            }
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    // Server errors met on the way, with their stack, for whoever fixes them.
    const logged = server.output().split('\n').filter((line) => /"level":(50|60)/.test(line));
    if (logged.length > 0) console.error(`The server logged ${logged.length} error(s):\n${logged.join('\n')}`);
    await server.stop();
  }
  if (failures.length > 0) {
    console.error(`${failures.length} screenshot(s) failed:\n${failures.join('\n')}`);
    process.exit(1);
  }
}

await main();
