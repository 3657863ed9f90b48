/// <reference lib="dom" />
// Page objects: the offline indicator in the shell, the pending-changes page and the conflict page.
import { expect, type Locator, type Page } from '@playwright/test';

export class OfflineShell {
  readonly indicator: Locator;
  readonly pending: Locator;

  constructor(private readonly page: Page) {
    this.indicator = page.getByTestId('offline-indicator');
    this.pending = page.getByTestId('pending-changes');
  }

  /** Waits until the device holds the caseload (first pull done) and the service worker is active. */
  async ready(): Promise<void> {
    await expect(this.pending).toHaveText('0', { timeout: 30_000 });
    await this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    await this.pending.click();
    await expect(this.page.getByText(/dernière synchronisation/)).toBeVisible({ timeout: 120_000 });
  }

  /** Moves to a page inside the app without reloading it (a reload would forget the key). */
  async navigate(path: string): Promise<void> {
    await this.page.evaluate((to) => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  }
}

export class PendingChanges {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId('pending-table');
  }

  /** Opens the page from the shell's indicator. */
  async open(): Promise<void> {
    await this.page.getByTestId('pending-changes').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Modifications en attente' })).toBeVisible();
  }

  /** The row of a change, by its description. */
  row(label: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText: label });
  }
}

export class ConflictResolution {
  constructor(private readonly page: Page) {}

  /** Keeps the device's value for one field, then sends the resolution. */
  async keepMine(fieldLabel: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Résoudre un conflit' })).toBeVisible();
    await this.page.getByRole('row', { name: new RegExp(fieldLabel) }).getByRole('radio', { name: 'La mienne' }).check();
    await this.page.getByRole('button', { name: 'Envoyer mes choix' }).click();
  }
}
