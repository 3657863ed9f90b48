// The caseworker's day in the protection area, in French: register a person, see a spelling variant
// flagged as a duplicate and merge the two, open a transit case, screen an unaccompanied child (high
// priority), record two services, refer to assisted voluntary return, and find it on the dashboard.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';
import { ProtectionCase, ProtectionDashboard } from './pages/ProtectionCase';
import { RegistryMergeReview } from './pages/RegistryMergeReview';
import { RegistryCreated, RegistryPerson, RegistryRegistration } from './pages/RegistryPeople';
import { Shell } from './pages/Shell';

test('a protection officer registers, merges a duplicate, screens, serves, refers and sees it on the dashboard', async ({ page }) => {
  test.setTimeout(180_000);
  // A phone number of this run's own, so the first record is ours whatever the demo data holds.
  const phone = `+2237${String(Date.now()).slice(-7)}`;

  const login = new LoginPage(page);
  await login.open();
  await login.signIn('protection.officer');
  const shell = new Shell(page, 'fr');
  await shell.expectSignedIn('Mariam Touré');
  await shell.navLink('Protection').click();

  // 1. Register Mamadou Coulibaly.
  const registration = new RegistryRegistration(page);
  await registration.open();
  await registration.fill({ givenName: 'Mamadou', familyName: 'Coulibaly', sex: 'male', birthYear: '2009', nationality: 'Mali', phone });
  await registration.giveConsent();
  await registration.submit();
  const created = new RegistryCreated(page);
  const person = new RegistryPerson(page);
  await expect(created.heading.or(person.heading('Mamadou Coulibaly'))).toBeVisible();
  if (await created.heading.isVisible()) await created.openNewRecord();
  await expect(person.heading('Mamadou Coulibaly')).toBeVisible();
  const first = await person.caseNumber();

  // 2. A spelling variant of the same person is flagged while typing, and after saving.
  await registration.open();
  await registration.fill({ givenName: 'Mahamadou', familyName: 'Kulibali', sex: 'male', birthYear: '2009', nationality: 'Mali' });
  await expect(registration.candidate(first)).toBeVisible({ timeout: 15_000 });
  await expect(registration.candidate(first)).toContainText(/même nom|nom proche/);
  await registration.giveConsent();
  await registration.submit();
  await expect(created.heading).toBeVisible();
  await created.candidate(first).getByRole('link', { name: 'Examiner / fusionner' }).click();

  // 3. Side by side: the names differ, the nationality does not; keep the first record.
  const review = new RegistryMergeReview(page);
  await expect(review.heading).toBeVisible();
  await expect(review.row('Prénom')).toHaveAttribute('data-differs', 'true');
  await expect(review.row('Nationalité')).not.toHaveAttribute('data-differs', 'true');
  await review.keepAndMerge('Mamadou Coulibaly');
  await expect(person.heading('Mamadou Coulibaly')).toBeVisible();
  expect(await person.caseNumber()).toBe(first);

  // 4. Open a transit case and screen an unaccompanied child: high priority.
  await person.openTransitCase();
  const transitCase = new ProtectionCase(page);
  const caseNumber = await transitCase.caseNumber();
  await transitCase.screen(['Enfant non accompagné']);
  await expect(transitCase.priority('Priorité haute')).toBeVisible();

  // 5. Two services, totalled in XOF with euros.
  await transitCase.addService('Repas', 2500);
  await transitCase.addService("Kit d'hygiène", 5000);
  await expect(transitCase.servicesTotal).toHaveText(/^7\s500\sF\sCFA \(11,43\s€\)$/);

  // 6. Refer to assisted voluntary return, inside the organisation (the registration consent covers it).
  await transitCase.referInternally('Retour volontaire assisté');
  await expect(page.getByText(/Retour volontaire assisté · Interne/)).toBeVisible();

  // 7. The dashboard counts it; its high-priority number leads to the case.
  const dashboard = new ProtectionDashboard(page);
  await dashboard.open();
  await expect(dashboard.stat('Orientations en attente')).not.toHaveAccessibleName('Orientations en attente : 0');
  await dashboard.stat('Dossiers prioritaires').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers de transit' })).toBeVisible();
  await expect(page.getByRole('link', { name: caseNumber })).toBeVisible();
});
