// Page object: the side-by-side review of two records and the merge.
import { expect, type Locator, type Page } from '@playwright/test';

export class RegistryMergeReview {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Comparer et fusionner' });
  }

  /** A row of the comparison, by its field label. */
  row(label: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) });
  }

  /** Keeps the record named `name` and merges the other into it, confirming the dialog. */
  async keepAndMerge(name: string): Promise<void> {
    await this.page.getByRole('radio', { name: `Conserver ${name}` }).check();
    await this.page.getByRole('button', { name: 'Fusionner' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Fusionner ces dossiers ?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Fusionner' }).click();
  }
}
