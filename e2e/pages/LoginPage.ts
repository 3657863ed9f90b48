// Page object: the sign-in page.
import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env.TAAMA_DEMO_PASSWORD || 'Taama-Demo-2025!';

export class LoginPage {
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Connexion' });
    this.username = page.getByLabel("Nom d'utilisateur");
    this.password = page.getByLabel('Mot de passe', { exact: false });
    this.submit = page.getByRole('button', { name: 'Se connecter' });
    this.error = page.getByRole('alert');
  }

  /** Opens the app signed out and waits for the sign-in form. */
  async open(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.heading).toBeVisible();
  }

  /** Fills the form and submits it (does not wait for the outcome). */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
