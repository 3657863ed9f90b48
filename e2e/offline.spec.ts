// Offline field work (SPEC §12): the installed app opens without a network, registrations and
// services are kept (encrypted) on the device across a reload, and reach the server exactly once
// when the connection returns; two people editing the same record offline meet in a visible
// conflict that the second resolves field by field.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';
import { ConflictResolution, OfflineShell, PendingChanges } from './pages/offline';
import { RegistryRegistration } from './pages/RegistryPeople';

const API = '/api/v1';
const suffix = () => Math.random().toString(36).slice(2, 7);

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(username);
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await new OfflineShell(page).ready();
  return page;
}

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`${API}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

test('a caseworker registers people and records a service offline; they sync once when back online', async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await signedIn(browser, 'caseworker.gao');
  const shell = new OfflineShell(page);
  const cases = await json<{ items: { id: string; status: string }[] }>(page.request, '/transit-cases?assignedTo=me&limit=20');
  const open = cases.items.find((c) => c.status !== 'closed');
  if (!open) throw new Error('the demo gives caseworker.gao no open case');

  await page.context().setOffline(true);
  await expect(shell.indicator.getByText('Hors ligne')).toBeVisible();

  const tag = suffix();
  const people = [
    { givenName: 'Awa', familyName: `Horsligne${tag}a`, sex: 'female' as const, birthYear: '1998', nationality: 'Niger' },
    { givenName: 'Bakary', familyName: `Horsligne${tag}b`, sex: 'male' as const, birthYear: '1991', nationality: 'Guinée' },
  ];
  const registration = new RegistryRegistration(page);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Protection' }).click();
  for (const person of people) {
    await registration.open();
    await registration.fill(person);
    await registration.giveConsent();
    await registration.submit();
    // The duplicate check ran on the device copy: look-alikes are shown before the new record.
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(person.familyName) });
    const openNew = page.getByRole('link', { name: /^Ouvrir le dossier/ });
    await expect(heading.or(openNew)).toBeVisible();
    if (await openNew.isVisible()) await openNew.click();
    await expect(heading).toBeVisible();
  }

  const provider = `Cantine ${tag}`;
  await shell.navigate(`/protection/cases/${open.id}`);
  await page.getByRole('tab', { name: 'Services' }).click();
  const form = page.getByRole('form', { name: 'Ajouter un service' });
  await form.getByRole('textbox', { name: 'Prestataire' }).fill(provider);
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await expect(shell.pending).toHaveText('3');

  // A reload without a network: the app opens from the device, the offline sign-in opens the store.
  await page.reload();
  const login = new LoginPage(page);
  await expect(login.heading).toBeVisible();
  await expect(page.getByText(/Le serveur est injoignable/)).toBeVisible();
  await login.signIn('caseworker.gao');
  // Opening the store decrypts the whole caseload held on the device.
  await expect(shell.pending).toHaveText('3', { timeout: 60_000 });
  const pending = new PendingChanges(page);
  await pending.open();
  await expect(pending.row(`Awa Horsligne${tag}a`)).toBeVisible();
  await expect(pending.row(`Bakary Horsligne${tag}b`)).toBeVisible();
  await expect(pending.table.getByRole('row')).toHaveCount(4);

  await page.context().setOffline(false);
  await expect(shell.pending).toHaveText('0', { timeout: 30_000 });
  await expect(page.getByText('Aucune modification en attente')).toBeVisible();

  // Exactly once on the server.
  for (const person of people) {
    const found = await json<{ items: { familyName: string }[] }>(page.request, `/people?q=${encodeURIComponent(person.familyName)}`);
    expect(found.items.filter((p) => p.familyName === person.familyName)).toHaveLength(1);
  }
  const after = await json<{ services: { provider: string | null }[] }>(page.request, `/transit-cases/${open.id}`);
  expect(after.services.filter((s) => s.provider === provider)).toHaveLength(1);
  await page.context().close();
});

test('two people edit the same person offline; the second resolves the conflict side by side', async ({ browser }) => {
  test.setTimeout(300_000);
  const first = await signedIn(browser, 'caseworker.bamako');
  const second = await signedIn(browser, 'protection.officer');
  const cases = await json<{ items: { person: { id: string } }[] }>(first.request, '/transit-cases?limit=20');
  let personId: string | undefined;
  for (const c of cases.items) {
    if ((await second.request.get(`${API}/people/${c.person.id}`)).ok()) {
      personId = c.person.id;
      break;
    }
  }
  if (!personId) throw new Error('no person both users reach');
  // Both devices pull again so both hold the person at its current version.
  for (const page of [first, second]) {
    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await expect(page.getByRole('button', { name: 'Synchroniser' })).toBeEnabled({ timeout: 90_000 });
  }

  const edits = [
    { page: first, place: `Gao ${suffix()}` },
    { page: second, place: `Kidal ${suffix()}` },
  ];
  for (const { page } of edits) {
    await new OfflineShell(page).navigate(`/protection/people/${personId}`);
    await expect(page.getByRole('button', { name: "Modifier l'identité" })).toBeVisible();
    await page.context().setOffline(true);
  }
  for (const { page, place } of edits) {
    await page.getByRole('button', { name: "Modifier l'identité" }).click();
    await page.getByRole('textbox', { name: /^Lieu de naissance/ }).fill(place);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(new OfflineShell(page).pending).toHaveText('1');
  }

  await first.context().setOffline(false);
  await expect(new OfflineShell(first).pending).toHaveText('0', { timeout: 30_000 });

  await second.context().setOffline(false);
  const secondShell = new OfflineShell(second);
  await expect(secondShell.pending).toHaveText('1 à traiter', { timeout: 30_000 });
  const pending = new PendingChanges(second);
  await pending.open();
  await expect(pending.table.getByText('Conflit')).toBeVisible();
  await pending.table.getByRole('link', { name: 'Résoudre' }).click();
  await expect(second.getByTestId('mine-birthPlace')).toHaveText(edits[1]?.place ?? '');
  await expect(second.getByTestId('theirs-birthPlace')).toHaveText(edits[0]?.place ?? '');
  await new ConflictResolution(second).keepMine('Lieu de naissance');
  await expect(secondShell.pending).toHaveText('0', { timeout: 30_000 });

  const person = await json<{ birthPlace: string | null }>(second.request, `/people/${personId}`);
  expect(person.birthPlace).toBe(edits[1]?.place);
  await first.context().close();
  await second.context().close();
});
