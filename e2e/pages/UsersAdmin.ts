// Page object: administration of users (list and form).
import { expect, type Page } from '@playwright/test';

export interface NewUser {
  username: string;
  displayName: string;
  organisation: string;
  site: string;
  role: string;
  password: string;
}

export class UsersAdmin {
  constructor(private readonly page: Page) {}

  /** Opens the users list from the navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  }

  /** Picks an option in a Mantine select or multi-select by the field's label. */
  private async choose(label: string | RegExp, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  /** Fills and submits the creation form; waits for the new user's page. */
  async create(user: NewUser): Promise<void> {
    await this.page.getByRole('link', { name: 'Nouvel utilisateur' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Créer un utilisateur' })).toBeVisible();
    await this.page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill(user.username);
    await this.page.getByRole('textbox', { name: 'Nom affiché' }).fill(user.displayName);
    await this.page.getByLabel('Mot de passe initial').fill(user.password);
    await this.choose(/^Organisation/, user.organisation);
    await this.choose(/^Site/, user.site);
    await this.choose(/^Rôles/, user.role);
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('button', { name: 'Créer', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Modifier l'utilisateur ${user.username}` })).toBeVisible();
  }
}
