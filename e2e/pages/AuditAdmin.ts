// Page object: the audit log viewer.
import { expect, type Locator, type Page } from '@playwright/test';

export class AuditAdmin {
  readonly verifyButton: Locator;

  constructor(private readonly page: Page) {
    this.verifyButton = page.getByRole('button', { name: 'Vérifier la chaîne' });
  }

  /** Opens the audit log from the navigation and waits for its entries. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Journal d'audit" }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: "Journal d'audit" })).toBeVisible();
    await expect(this.page.getByRole('table', { name: "Journal d'audit" })).toBeVisible();
  }

  /** A row of the log whose action column reads `action`. */
  rowWithAction(action: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: action, exact: true }) });
  }
}
