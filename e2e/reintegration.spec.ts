// A reintegration officer's journey, in French: open a case for a returnee registered directly,
// counsel them, build a plan of two items under the ceiling and submit it; a second officer
// approves it (four eyes), pays an instalment, records a monitoring visit, and enters the RSS
// baseline and follow-up, whose four scores and change show on the case.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';
import { apiSession, NewReintegrationCase, ReintegrationCasePage, registerReturnee, RssSurvey, secondOfficer } from './pages/reintegration';
import { Shell } from './pages/Shell';

test('a returnee is counselled, planned, approved by a second officer, assisted, visited and surveyed', async ({ page, request }) => {
  test.setTimeout(240_000);
  const officer = await apiSession(request, 'reintegration.kayes');
  if (!officer) throw new Error('the demo reintegration officer cannot sign in');
  const personNumber = await registerReturnee(request, officer.headers, 'Boubacar', 'Diakité');
  const second = await secondOfficer(request, officer.me.organisation.id);

  // 1. The officer opens a case for the returnee, in the Kayes region.
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('reintegration.kayes');
  const shell = new Shell(page, 'fr');
  await shell.expectSignedIn('Kadiatou Sissoko');
  const newCase = new NewReintegrationCase(page);
  await newCase.open();
  await newCase.create(personNumber, 'Kayes');
  const reintegrationCase = new ReintegrationCasePage(page);
  const caseNumber = await reintegrationCase.caseNumber();
  await expect(reintegrationCase.status('Éligible')).toBeVisible();
  const caseUrl = page.url().split('?')[0] ?? page.url();

  // 2. Counselling: the first assessment makes the case "counselled".
  await reintegrationCase.assessNeeds('Fonds de démarrage pour un atelier de soudure');
  await expect(reintegrationCase.status('Conseillé')).toBeVisible();

  // 3. A plan of two items within the ceiling, submitted.
  await reintegrationCase.buildAndSubmitPlan('Ouvrir un atelier de soudure à Kayes', [
    { dimension: 'Économique', type: "Création d'activité", amountXof: 600_000 },
    { dimension: 'Sociale', type: 'Logement', amountXof: 250_000 },
  ]);
  // The submitter may not approve their own plan.
  await expect(page.getByText(/un·e autre collègue doit l'approuver/)).toBeVisible();
  await shell.logout();

  // 4. A second officer approves it.
  await login.open();
  await login.signIn(second.username, second.password);
  await expect(shell.nav).toBeVisible();
  await page.goto(`${caseUrl}?tab=plan`);
  expect(await reintegrationCase.caseNumber()).toBe(caseNumber);
  await reintegrationCase.approvePlan();

  // 5. An instalment of the business start-up grant.
  const grant = await reintegrationCase.payInstalment("Création d'activité", 300_000);
  await expect(grant.getByText(/Décaissé 300\s000\sF\sCFA .* sur 600\s000\sF\sCFA/)).toBeVisible();

  // 6. The first monitoring visit, scheduled at approval.
  await reintegrationCase.recordFirstVisit('Atelier ouvert, deux apprentis', 'En activité');
  await expect(page.getByText('Atelier ouvert, deux apprentis')).toBeVisible();

  // 7. RSS baseline and follow-up: four scores each, and the change between them.
  const survey = new RssSurvey(page);
  await survey.start('Enquête RSS de référence');
  const baseline = await survey.answerAndSubmit(6, 2);
  for (const score of ['economic', 'social', 'psychosocial', 'composite']) await expect(baseline.locator(`[data-score="${score}"]`)).toHaveText(/^\d,\d\d$|^—$/);
  await page.getByRole('link', { name: 'Retour au dossier' }).click();
  await survey.start('Enquête RSS de suivi');
  const followup = await survey.answerAndSubmit(6, 0);
  await expect(followup.locator('[data-score="composite"]')).toHaveText(/^\d,\d\d$/);
  await page.getByRole('link', { name: 'Retour au dossier' }).click();
  const results = page.getByTestId('rss-results');
  await expect(results.getByRole('row')).toHaveCount(4); // header, baseline, follow-up, change
  await expect(page.getByTestId('rss-change')).toBeVisible();
  await expect(page.getByTestId('rss-unverified').first()).toBeVisible();
});
