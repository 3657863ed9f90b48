// Page objects: the results area (indicator dashboard, an indicator's records, the periods with their
// sign-off, the reports page), in French for the M&E officer and in English for the donor.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The indicator dashboard (/results). */
export class ResultsDashboard {
  constructor(private readonly page: Page) {}

  /** The page heading, in the given language. */
  heading(language: 'fr' | 'en' = 'fr'): Locator {
    return this.page.getByRole('heading', { level: 1, name: language === 'fr' ? 'Indicateurs du programme' : 'Programme indicators' });
  }

  /** The row of one indicator (its code cell). */
  row(code: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: code, exact: true }) });
  }

  /** The drill-down link of an indicator's value (French labels). */
  valueLink(code: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^Valeur de ${code.replace('.', '\\.')} : `) });
  }

  /** Every link of the page that leads to records behind a number. */
  recordLinks(): Locator {
    return this.page.locator('a[href*="/records"]');
  }
}

/** The records behind an indicator's number. */
export class IndicatorRecords {
  constructor(private readonly page: Page) {}

  heading(code: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Dossiers derrière ${code}` });
  }

  get pseudonymisedNote(): Locator {
    return this.page.getByText(/apparaît sous un pseudonyme stable/);
  }

  get table(): Locator {
    return this.page.getByRole('table');
  }
}

/** The periods page (/results/periods). */
export class ResultsPeriods {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Résultats et rapports' }).getByRole('link', { name: 'Périodes' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Périodes' })).toBeVisible();
  }

  row(period: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: period, exact: true }) });
  }

  /** Signs off a quarter through the confirmation dialog, checking what the dialog says first. */
  async signOff(period: string, note: string): Promise<void> {
    await this.page.getByRole('button', { name: `Valider ${period}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Valider le trimestre ${period} ?` });
    await expect(dialog).toContainText('le trimestre sera verrouillé');
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Valider et verrouiller' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The reports page (/results/reports). */
export class ResultsReports {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Résultats et rapports' }).getByRole('link', { name: 'Rapports' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Rapports' })).toBeVisible();
  }

  /** Chooses the quarter of the EUTF sheet and downloads it. */
  async downloadEutf(period: string): Promise<Download> {
    const quarter = this.page.getByRole('combobox', { name: 'Trimestre' });
    await quarter.click();
    await quarter.fill(period);
    await this.page.getByRole('option', { name: period, exact: true }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: 'Télécharger la fiche FFUE (XLSX)' }).click();
    return download;
  }
}
