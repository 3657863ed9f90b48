// The data officer's journey through the flows module: a CSV with a renamed column and three bad
// rows is tried (dry-run), its report read, the mapping fixed, the valid rows imported; the
// dashboard counts them, and the public CSV carries its HXL row.
import { expect, test } from '@playwright/test';
import { FlowsDashboard } from './pages/FlowsDashboard';
import { FlowsImport } from './pages/FlowsImport';
import { FlowsOpenData } from './pages/FlowsOpenData';
import { LoginPage } from './pages/LoginPage';
import { Shell } from './pages/Shell';

const FMP = 'ML-FMP-06';

/** A day of 2016-2017 (the point is active since 2016-07; the demo data starts later), one per run. */
function uniqueDay(): string {
  const start = Date.UTC(2016, 7, 1);
  const offset = Math.floor(Date.now() / 1000) % 500;
  return new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The CSV, with "pregnantWomen" renamed "Nb grossesses": lines 5 (total ≠ sum) and 7 (unknown
 * point) are refused whatever the mapping; line 9 (more pregnant women than women) only once that
 * column is mapped — unmapped, the column would be silently dropped.
 */
function countsCsv(day: string): { csv: string; validTotal: number } {
  const header = [
    'fmpId', 'date', 'observationWindow', 'direction', 'originCountry', 'nextDestinationCountry', 'finalDestinationCountry', 'transportMode', 'movementType',
    'men', 'women', 'boys', 'girls', 'sexAgeUnknown', 'total', 'childrenUnder5', 'Nb grossesses', 'elderly60plus', 'personsWithDisability', 'collectionMethod',
  ];
  const row = (fmp: string, direction: string, origin: string, dest: string, men: number, women: number, boys: number, girls: number, total: number, pregnant = 0) =>
    [fmp, day, 'full_day', direction, origin, dest, dest, 'bus', 'economic_long_term', men, women, boys, girls, 0, total, 0, pregnant, 0, 0, 'direct_observation'].join(',');
  const good = [
    row(FMP, 'outgoing', 'MLI', 'DZA', 20, 3, 1, 1, 25),
    row(FMP, 'incoming', 'DZA', 'MLI', 11, 2, 0, 0, 13),
    row(FMP, 'outgoing', 'MLI', 'NER', 7, 1, 0, 0, 8),
    row(FMP, 'transit', 'NER', 'DZA', 15, 0, 0, 0, 15),
    row(FMP, 'incoming', 'NER', 'MLI', 9, 4, 2, 1, 16),
  ];
  const lines = [
    header.join(','),
    good[0], good[1], good[2],
    row(FMP, 'outgoing', 'MLI', 'DZA', 10, 2, 0, 0, 99), // total is not the sum
    good[3],
    row('ML-FMP-99', 'outgoing', 'MLI', 'DZA', 5, 0, 0, 0, 5), // no such point
    good[4],
    row(FMP, 'incoming', 'DZA', 'MLI', 3, 1, 0, 0, 4, 2), // more pregnant women than women
  ];
  return { csv: `${lines.join('\r\n')}\r\n`, validTotal: 25 + 13 + 8 + 15 + 16 };
}

test('a data officer imports counts, fixes the mapping, sees the dashboard change and exports open data', async ({ page }) => {
  const day = uniqueDay();
  const { csv, validTotal } = countsCsv(day);

  const login = new LoginPage(page);
  await login.open();
  await login.signIn('data.officer');
  const shell = new Shell(page, 'fr');
  await expect(shell.nav).toBeVisible();
  await shell.navLink('Flux migratoires').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord des flux' })).toBeVisible();

  // Before: the dashboard for that day and point, every status counted.
  const dashboard = new FlowsDashboard(page);
  const filters = { from: day, to: day, fmpId: FMP, status: 'all' };
  await dashboard.open(filters);
  const before = await dashboard.totalValue();

  // Dry-run: the renamed column is not recognised; two rows are refused, with their reasons.
  const wizard = new FlowsImport(page);
  await wizard.open();
  await wizard.analyse(`comptages-${day}.csv`, csv);
  await expect(wizard.mappingRow('Nb grossesses')).toContainText('Non reconnue');
  await expect(wizard.mappingRow('women')).toContainText('Reconnue');
  await expect(wizard.figure('totalRows')).toHaveText('8');
  await expect(wizard.figure('rejected')).toHaveText('2');
  await expect(wizard.report.getByRole('rowheader')).toHaveText(['5', '7']);
  await expect(wizard.reportRow('5')).toContainText('Total — doit être égal à hommes + femmes + garçons + filles + inconnus (12), et non 99');
  await expect(wizard.reportRow('7')).toContainText("ML-FMP-99 n'est pas un point de suivi connu");

  // Map the renamed column, try again: the third bad row shows up.
  await wizard.map('Nb grossesses', 'Femmes enceintes (pregnantWomen)');
  await wizard.retryDryRun();
  await expect(wizard.figure('rejected')).toHaveText('3');
  await expect(wizard.figure('importable')).toHaveText('5');
  await expect(wizard.report.getByRole('rowheader')).toHaveText(['5', '7', '9']);
  await expect(wizard.reportRow('9')).toContainText('Femmes enceintes — ne doit pas dépasser le nombre de femmes (1)');

  // Import the valid rows only.
  await wizard.importWith('Lignes valides seulement');
  await expect(wizard.figure('imported')).toHaveText('5');
  await expect(wizard.figure('rejected')).toHaveText('3');
  await expect(page.getByRole('table', { name: 'Historique des imports' })).toContainText(`comptages-${day}.csv`);

  // The dashboard counts them.
  await dashboard.open(filters);
  await expect.poll(() => dashboard.totalValue()).toBe(before + validTotal);

  // The public CSV: labels first, HXL hashtags second.
  const openData = new FlowsOpenData(page);
  await openData.open();
  const text = await openData.downloadCsv();
  const [labels = '', hxl = ''] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.startsWith('#')).toBe(false);
  const tags = hxl.split(',');
  expect(tags.length).toBe(labels.split(',').length);
  expect(tags.filter((tag) => tag !== '').every((tag) => tag.startsWith('#'))).toBe(true);
  expect(tags).toContain('#population+total');
});
