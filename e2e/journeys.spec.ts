// The platform's browser journeys: sign-in by role, language switch, user creation with a forced
// password change, sign-in errors, the audit chain check, and the organisation, site and role screens.
import { expect, test } from '@playwright/test';
import { AuditAdmin } from './pages/AuditAdmin';
import { ChangePassword } from './pages/ChangePassword';
import { DEMO_PASSWORD, LoginPage } from './pages/LoginPage';
import { RecordsAdmin } from './pages/RecordsAdmin';
import { Shell } from './pages/Shell';
import { UsersAdmin } from './pages/UsersAdmin';

test('a caseworker sees only Protection, switches to English and signs out', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await login.signIn('caseworker.gao');

  const shell = new Shell(page, 'fr');
  await shell.expectSignedIn('Moussa Maïga');
  await expect(shell.navLink('Protection')).toBeVisible();
  for (const hidden of ['Retours', 'Réintégration', 'Sensibilisation', 'Flux migratoires', 'Libre circulation', 'Résultats', 'Utilisateurs']) {
    await expect(shell.navLink(hidden)).toHaveCount(0);
  }
  await expect(shell.nav.getByText('Administration')).toHaveCount(0);

  await shell.navLink('Protection').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protection des migrants en transit' })).toBeVisible();
  await expect(shell.navLink('Protection')).toHaveAttribute('aria-current', 'page');

  await shell.switchLanguage('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Protection of migrants in transit' })).toBeVisible();
  await expect(shell.navLink('Home')).toBeVisible();

  // The choice is saved to the profile: it survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Protection of migrants in transit' })).toBeVisible();

  // Back to French so the demo user stays as it was, then sign out.
  await shell.switchLanguage('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Protection des migrants en transit' })).toBeVisible();
  await shell.logout();
  await expect(login.heading).toBeVisible();
  await expect(page.getByText('Vous êtes déconnecté·e.')).toBeVisible();

  // Signed out for real: the app does not open again without signing in.
  await page.goto('/protection');
  await expect(login.heading).toBeVisible();
});

test('an administrator creates a user who must change their password, then sees their areas', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const username = `agent.e2e.${suffix}`;
  const initialPassword = `Provisoire-${suffix}-2025`;
  const personalPassword = `Ma-phrase-secrete-${suffix}`;

  const login = new LoginPage(page);
  await login.open();
  await login.signIn('admin');
  const shell = new Shell(page, 'fr');
  await shell.expectSignedIn('Aminata Diarra');

  const users = new UsersAdmin(page);
  await users.open();
  await users.create({
    username,
    displayName: `Agent E2E ${suffix}`,
    organisation: 'OIM Mali (iom)',
    site: 'Gao (gao)',
    role: 'Agent·e de terrain',
    password: initialPassword,
  });
  await expect(page.getByText('Doit changer son mot de passe')).toBeVisible();
  await shell.logout();

  await login.signIn(username, initialPassword);
  const change = new ChangePassword(page);
  await change.expectForced();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0);
  await change.change(initialPassword, personalPassword);

  await shell.expectSignedIn(`Agent E2E ${suffix}`);
  await expect(shell.navLink('Protection')).toBeVisible();
  await expect(shell.navLink('Utilisateurs')).toHaveCount(0);
  await shell.logout();

  // The new password is the one that works now.
  await login.signIn(username, personalPassword);
  await shell.expectSignedIn(`Agent E2E ${suffix}`);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('donor', 'not-the-password');
  await expect(login.error).toHaveText("Nom d'utilisateur ou mot de passe incorrect.");
  await expect(login.password).toHaveValue('');

  // The right password still works (and resets the failure count).
  await login.signIn('donor', DEMO_PASSWORD);
  await expect(page.getByRole('button', { name: /^(Compte de|Account of) / })).toBeVisible();
});

test('an administrator verifies the audit chain', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('admin');
  const shell = new Shell(page, 'fr');
  await shell.expectSignedIn('Aminata Diarra');

  const audit = new AuditAdmin(page);
  await audit.open();
  await expect(audit.rowWithAction('Connexion').first()).toBeVisible();
  await audit.verifyButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Journal d\'audit intègre' })).toContainText(/Chaîne intacte : \d+ entrée\(s\) vérifiée\(s\)\./);
  // The check itself is recorded.
  await expect(audit.rowWithAction('Vérification de la chaîne d\'audit').first()).toBeVisible();
});

test('an administrator creates an organisation and a site, renames the site and finds it in the list', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const organisation = `ONG E2E ${suffix}`;
  const site = `Site E2E ${suffix}`;
  const renamed = `Site E2E renommé ${suffix}`;

  const login = new LoginPage(page);
  await login.open();
  await login.signIn('admin');
  const shell = new Shell(page, 'fr');
  await shell.expectSignedIn('Aminata Diarra');

  const records = new RecordsAdmin(page);
  await records.open('Organisations');
  await records.main.getByRole('link', { name: 'Nouvelle organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer une organisation' })).toBeVisible();
  // The form's own checks come first: nothing is sent without a code.
  await records.main.getByRole('button', { name: 'Créer', exact: true }).click();
  await expect(records.field('Code')).toHaveAttribute('aria-invalid', 'true');
  await records.field('Code').fill(`ong.e2e.${suffix}`);
  await records.field('Nom').fill(organisation);
  await records.submit('Créer', `Modifier l'organisation « ${organisation} »`);
  await expect(page.getByText(`L'organisation « ${organisation} » a été créée.`)).toBeVisible();

  await records.open('Sites');
  await records.main.getByRole('link', { name: 'Nouveau site' }).click();
  await records.field('Code').fill(`site.e2e.${suffix}`);
  await records.field('Nom').fill(site);
  await records.choose(/^Organisation/, `${organisation} (ong.e2e.${suffix})`);
  await records.field('Préfixe').fill('ete');
  await records.submit('Créer', `Modifier le site « ${site} »`);
  await expect(records.field('Préfixe')).toHaveValue('ETE');

  await records.field('Nom').fill(renamed);
  await records.submit('Enregistrer', `Modifier le site « ${renamed} »`);
  await expect(page.getByText(`Le site « ${renamed} » a été enregistré.`)).toBeVisible();

  // Back to the list: search and organisation filter find it; a search matching nothing says so.
  await records.main.getByRole('link', { name: 'Sites' }).click();
  await records.search('Rechercher un site', suffix);
  await expect(records.main.getByRole('link', { name: renamed })).toBeVisible();
  await records.choose('Organisation', organisation);
  await expect(page).toHaveURL(/organisationId=/);
  await expect(records.main.getByRole('link', { name: renamed })).toBeVisible();
  await records.search('Rechercher un site', `aucun-${suffix}`);
  await expect(page.getByText('Aucun résultat ne correspond à votre recherche ou à vos filtres.')).toBeVisible();
  await records.main.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(page.getByRole('searchbox', { name: 'Rechercher un site' })).toHaveValue('');

  // A built-in role says so above its form, and its code stays fixed.
  await records.open('Rôles');
  await records.main.getByRole('link', { name: 'Agent·e de terrain' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier le rôle « Agent·e de terrain »' })).toBeVisible();
  await expect(page.getByText('Ce rôle est fourni avec Taama. Vous pouvez le modifier ; son code reste fixe.')).toBeVisible();
  await expect(records.field('Code')).toHaveAttribute('readonly', '');
});
