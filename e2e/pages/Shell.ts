// Page object: the signed-in frame (navigation, language menu, user menu).
import { expect, type Locator, type Page } from '@playwright/test';

type Language = 'fr' | 'en';

const LABELS = {
  fr: { nav: 'Navigation principale', languageButton: 'Langue : Français', userMenu: /^Compte de /, logout: 'Se déconnecter' },
  en: { nav: 'Main navigation', languageButton: 'Language: English', userMenu: /^Account of /, logout: 'Log out' },
} as const;

export class Shell {
  constructor(
    private readonly page: Page,
    private language: Language = 'fr',
  ) {}

  /** The main navigation landmark. */
  get nav(): Locator {
    return this.page.getByRole('navigation', { name: LABELS[this.language].nav });
  }

  /** A link of the main navigation. */
  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** Waits until the shell shows the signed-in user's greeting. */
  async expectSignedIn(displayName: string): Promise<void> {
    await expect(this.nav).toBeVisible();
    await expect(this.page.getByRole('button', { name: LABELS[this.language].userMenu })).toContainText(displayName);
  }

  /** Switches the interface language through the header menu. */
  async switchLanguage(to: Language): Promise<void> {
    await this.page.getByRole('button', { name: LABELS[this.language].languageButton }).click();
    await this.page.getByRole('menuitem', { name: to === 'en' ? 'English' : 'Français' }).click();
    this.language = to;
    await expect(this.nav).toBeVisible();
  }

  /** Opens the user menu and signs out. */
  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: LABELS[this.language].userMenu }).click();
    await this.page.getByRole('menuitem', { name: LABELS[this.language].logout }).click();
  }
}
