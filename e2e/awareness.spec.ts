// The awareness officer's journeys, in French: plan a campaign, record a community dialogue on a
// tablet and see the dashboard total and the commune on the map change; record a training with its
// trainees and see the officials trained and institutions strengthened change.
import { expect, test } from '@playwright/test';
import { AwarenessActivityForm, AwarenessCampaign, AwarenessCommunity, AwarenessDashboard } from './pages/awarenessPages';
import { LoginPage } from './pages/LoginPage';
import { MobilityCounters, MobilityInstitution, MobilityTraining } from './pages/mobilityPages';
import { Shell } from './pages/Shell';

/** Today in Bamako (UTC all year), as the forms' date inputs take it. */
const today = new Date().toISOString().slice(0, 10);
const stamp = String(Date.now()).slice(-6);

test('an awareness officer plans a campaign, records an activity on a tablet and sees the dashboard change', async ({ page }) => {
  test.setTimeout(180_000);
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('awareness.officer');
  const shell = new Shell(page, 'fr');
  await expect(shell.nav).toBeVisible();

  // A community of this run's own, in the commune of Kalabancoro.
  const community = `Plateau ${stamp}`;
  await new AwarenessCommunity(page).create(community, 'Kalaban', /Kalabancoro/);

  const campaign = new AwarenessCampaign(page);
  const name = `Partir en sécurité ${stamp}`;
  await campaign.plan(name, today, today);
  await page.goto('/awareness/campaigns');
  await expect(campaign.timelineRow(name)).toBeVisible();

  const dashboard = new AwarenessDashboard(page);
  await dashboard.open();
  const peopleBefore = await dashboard.peopleReached();
  const communitiesBefore = await dashboard.communitiesReached();

  // On a tablet held upright.
  await page.setViewportSize({ width: 820, height: 1180 });
  const form = new AwarenessActivityForm(page);
  await form.open();
  const reach = { men: 12, women: 30, boys: 5, girls: 7 };
  await form.record({ type: 'Causerie communautaire', facilitator: 'Awa Coulibaly', campaign: name, community, reach });

  await page.setViewportSize({ width: 1280, height: 800 });
  await dashboard.open();
  await expect.poll(() => dashboard.peopleReached()).toBe(peopleBefore + 54);
  expect(await dashboard.communitiesReached()).toBe(communitiesBefore + 1);
  const row = await dashboard.communeRow('Kalaban');
  await expect(row).toBeVisible();

  // The number leads to the activities behind it.
  await page.getByTestId('people-reached').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activités' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(community) })).toBeVisible();
});

test('an awareness officer records a training with its trainees and sees the counts change', async ({ page }) => {
  test.setTimeout(180_000);
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('awareness.officer');
  await expect(new Shell(page, 'fr').nav).toBeVisible();

  const institution = `Police des frontières de Zégoua ${stamp}`;
  await new MobilityInstitution(page).create(institution);

  const counters = new MobilityCounters(page);
  await counters.open();
  const officialsBefore = await counters.officialsTrained();
  const institutionsBefore = await counters.institutionsStrengthened();

  const training = new MobilityTraining(page);
  await training.create(`Protocole de libre circulation ${stamp}`, today, today, 5);
  await training.addTrainee(1, { name: `Adama Konaté ${stamp}`, sex: 'Masculin', institution, daysAttended: 5, completed: true, pre: 40, post: 80 });
  await training.addTrainee(2, { name: `Fanta Sidibé ${stamp}`, sex: 'Féminin', institution, daysAttended: 4, completed: true, pre: 55, post: 75 });
  await training.addTrainee(3, { name: `Ousmane Traoré ${stamp}`, sex: 'Masculin', institution, daysAttended: 2, completed: false, pre: 30, post: 50 });
  // Two days of five: completion is refused, and the page says why.
  await expect(training.completion(3)).toBeDisabled();
  await expect(page.getByText('Présence insuffisante : au moins 4 jour(s) sur 5')).toBeVisible();
  await expect(page.getByTestId('trainee-scores')).toContainText('gain moyen : +26.6');
  await training.saveTrainees();
  await expect(page.getByTestId('training-summary')).toContainText('2 stagiaire(s) sur 3');

  await counters.open();
  await expect.poll(() => counters.officialsTrained()).toBe(officialsBefore + 2);
  expect(await counters.institutionsStrengthened()).toBe(institutionsBefore + 1);
});
