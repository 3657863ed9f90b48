// Page object: the flows import wizard (file, mapping with its dry-run report, import, result).
import { expect, type Locator, type Page } from '@playwright/test';

export class FlowsImport {
  readonly main: Locator;
  readonly report: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
    this.report = page.getByRole('table', { name: 'Lignes rejetées et leurs motifs' });
  }

  /** Opens the import page from the flows sub-navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections des flux migratoires' }).getByRole('link', { name: 'Import' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Importer des données de flux' })).toBeVisible();
  }

  /** Chooses a CSV file given as text, and analyses it (a dry-run). */
  async analyse(fileName: string, csv: string): Promise<void> {
    // Mantine's file input is a button over a hidden <input type=file>.
    await this.main.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await this.main.getByRole('button', { name: 'Analyser le fichier (essai à blanc)' }).click();
    await expect(this.page.getByRole('table', { name: 'Correspondance des colonnes' })).toBeVisible();
  }

  /** The figure shown for one of: totalRows, importable, imported, duplicates, rejected. */
  figure(key: 'totalRows' | 'importable' | 'imported' | 'duplicates' | 'rejected'): Locator {
    return this.main.getByTestId(`import-${key}`).first();
  }

  /** The report's row for a line of the file. */
  reportRow(line: string): Locator {
    return this.report.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: line, exact: true }) });
  }

  /** The mapping row of a file column. */
  mappingRow(column: string): Locator {
    return this.page.getByRole('table', { name: 'Correspondance des colonnes' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: column, exact: true }) });
  }

  /** Maps a file column to a Taama field (option label as shown, e.g. "Hommes (18+) (men) *"). */
  async map(column: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: `Champ Taama pour la colonne « ${column} »` }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  /** Runs the dry-run again with the mapping chosen and waits for its answer. */
  async retryDryRun(): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().includes('/flows/counts/import') && r.request().method() === 'POST');
    await this.main.getByRole('button', { name: "Relancer l'essai à blanc" }).click();
    await answered;
  }

  /** Goes on to the import step, picks the mode and runs the import; waits for the result. */
  async importWith(mode: 'Tout ou rien' | 'Lignes valides seulement'): Promise<void> {
    await this.main.getByRole('button', { name: 'Continuer' }).click();
    await this.main.getByRole('radio', { name: mode }).check();
    await this.main.getByRole('button', { name: "Lancer l'import" }).click();
    await expect(this.page.getByRole('heading', { name: "Résultat de l'import" })).toBeVisible();
  }
}
