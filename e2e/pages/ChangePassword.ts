// Page object: the password change (forced after an administrator set the password).
import { expect, type Page } from '@playwright/test';

export class ChangePassword {
  constructor(private readonly page: Page) {}

  /** Waits for the forced password change screen. */
  async expectForced(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Choisissez un nouveau mot de passe' })).toBeVisible();
  }

  /** Changes the password and waits for the app to open. */
  async change(current: string, next: string): Promise<void> {
    await this.page.getByLabel('Mot de passe actuel').fill(current);
    await this.page.getByLabel(/^Nouveau mot de passe/).fill(next);
    await this.page.getByLabel('Confirmez le nouveau mot de passe').fill(next);
    await this.page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  }
}
