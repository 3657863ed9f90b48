// The results framework in the browser: the M&E officer reads the indicator dashboard, drills from
// indicator 3.4 to the (pseudonymised) records behind it, signs off a quarter and downloads the EUTF
// sheet; the donor sees the same aggregates with no way down to personal records.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';
import { Shell } from './pages/Shell';
import { IndicatorRecords, ResultsDashboard, ResultsPeriods, ResultsReports } from './pages/results';

// A quarter no other journey signs off (the programme runs 2018–2022).
const SIGNED_QUARTER = '2018Q2';

test('the M&E officer drills from 3.4 to its records, signs off a quarter and downloads the EUTF sheet', async ({ page }) => {
  test.setTimeout(180_000);
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('me.officer');
  const shell = new Shell(page, 'fr');
  await shell.expectSignedIn('Awa Dembélé');
  await shell.navLink('Résultats').click();

  // 1. The dashboard: every indicator grouped by level; 3.4 has a value with its records behind it.
  const dashboard = new ResultsDashboard(page);
  await expect(dashboard.heading()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Niveau OS1' })).toBeVisible({ timeout: 30_000 });
  await expect(dashboard.row('3.4')).toContainText('Nombre de retours volontaires soutenus');
  const value = dashboard.valueLink('3.4');
  await expect(value).toBeVisible();
  const shown = Number((await value.innerText()).replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(0);

  // 2. Drill down: the records list, pseudonymised for a role without person.read, and says so.
  await value.click();
  const records = new IndicatorRecords(page);
  await expect(records.heading('3.4')).toBeVisible();
  await expect(records.pseudonymisedNote).toBeVisible();
  await expect(records.table.getByRole('row').nth(1)).toBeVisible();
  await expect(records.table.getByRole('link', { name: /^Ouvrir/ })).toHaveCount(0);

  // 3. Sign off a quarter after the confirmation (a rerun finds it already signed off by this officer).
  const periods = new ResultsPeriods(page);
  await periods.open();
  const row = periods.row(SIGNED_QUARTER);
  if (!(await row.getByText('Validé').isVisible())) await periods.signOff(SIGNED_QUARTER, 'Validation de bout en bout');
  await expect(row).toContainText('Validé');
  await expect(row).toContainText('par me.officer');
  await expect(row.getByRole('button', { name: `Valider ${SIGNED_QUARTER}` })).toHaveCount(0);

  // 4. The EUTF quarterly sheet arrives as an XLSX (a ZIP container).
  const reports = new ResultsReports(page);
  await reports.open();
  const download = await reports.downloadEutf('2019Q1');
  expect(download.suggestedFilename()).toBe('eutf-2019Q1.xlsx');
  const path = await download.path();
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(1000);
});

test('the donor sees aggregates and no drill-down to personal data', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('donor');
  const shell = new Shell(page, 'en');
  await shell.expectSignedIn('Claire Dubois');
  await shell.navLink('Results').click();

  const dashboard = new ResultsDashboard(page);
  await expect(dashboard.heading('en')).toBeVisible();
  await expect(dashboard.row('3.4')).toContainText('Number of voluntary returns supported');
  await expect(page.getByRole('heading', { name: 'Level OS1' })).toBeVisible();
  await expect(dashboard.recordLinks()).toHaveCount(0);

  // The indicator page: values and disaggregations, still without a link to records.
  await dashboard.row('3.4').getByRole('link', { name: 'Number of voluntary returns supported' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^3\.4 — / })).toBeVisible();
  await expect(page.getByText('Breakdown by Sex')).toBeAttached();
  await expect(dashboard.recordLinks()).toHaveCount(0);

  // Typing the records address directly explains the refusal and lists nothing.
  await page.goto('/results/indicators/3.4/records?from=2018-01-01&to=2022-12-31');
  await expect(page.getByText(/aggregates only/i)).toBeVisible();
  await expect(page.getByRole('cell', { name: /^p-/ })).toHaveCount(0);
});
