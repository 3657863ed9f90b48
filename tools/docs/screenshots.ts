// `npm run docs:screenshots`: takes every screenshot of the user guides from the running demo, in
// French and English, into docs/guide/img/{fr,en}/<task>-<step>.png. Run it again after a UI change.
//   --only task,task   only these tasks          --lang fr|en   only this language
//   --pending          also the shots of screens marked pending (once those screens exist)
//   --no-build         use the web app as built (by default it is rebuilt: the help pages bundle
//                      the guides, which the start script's freshness check does not watch)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
async function openContext(browser: Browser, server: DocsServer, user: string | null, language: Language, tablet: boolean): Promise<BrowserContext> {
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
  if (user) {
    const login = await context.request.post('/api/v1/auth/login', { data: { username: user, password: server.password } });
    if (!login.ok()) throw new Error(`${user} cannot sign in: ${login.status()} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    // The profile's language wins over the device's once signed in.
    const saved = await context.request.patch('/api/v1/me/preferences', { headers: { authorization: `Bearer ${token}` }, data: { locale: language } });
    if (!saved.ok()) throw new Error(`cannot set ${user}'s language: ${saved.status()}`);
  }
  return context;
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

async function play(page: Page, action: ShotAction, language: Language): Promise<void> {
  if ('goto' in action) {
    await page.goto(action.goto.replaceAll('{lang}', language));
  } else if ('openFirst' in action) {
    const { list, pattern, then } = action.openFirst;
    await page.goto(list);
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
    await page.goto(`${href}${then ?? ''}`);
  } else if ('click' in action) {
    const { role, key, exact } = action.click;
    await page.getByRole(role, { name: label(language, key), exact: exact ?? true }).first().click();
  } else if ('fill' in action) {
    await page.getByLabel(label(language, action.fill.key), { exact: false }).first().fill(action.fill.value);
  } else if ('upload' in action) {
    await page.locator('main input[type="file"]').setInputFiles(join(root, action.upload));
  } else if ('waitText' in action) {
    await page.getByText(label(language, action.waitText), { exact: false }).first().waitFor({ timeout: 60_000 });
  } else {
    // Give the text a moment to appear first (a debounced check starts after typing stops).
    await page.waitForTimeout(1_000);
    await page.getByText(label(language, action.waitGone), { exact: false }).first().waitFor({ state: 'hidden', timeout: 60_000 });
  }
  await settle(page);
}

async function take(browser: Browser, server: DocsServer, language: Language, user: string | null, task: string, shot: Shot): Promise<void> {
  const context = await openContext(browser, server, user, language, Boolean(shot.tablet));
  try {
    const page = await context.newPage();
    // A screen that shows an error because the server failed is not a picture for a guide: say so.
    page.on('response', (response) => {
      if (response.status() >= 500) void response.text().then((body) => console.error(`  server error ${response.status()} on ${response.url()}: ${body.slice(0, 300)}`));
    });
    for (const action of shot.actions) await play(page, action, language);
    const file = join(root, 'docs/guide/img', language, shotFile(task, shot.step));
    await page.screenshot({ path: file, type: 'png', animations: 'disabled', caret: 'hide', scale: 'css' });
    console.log(`  ${language}/${shotFile(task, shot.step)}`);
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
