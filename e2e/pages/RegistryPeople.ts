// Page objects: registering a person (with the live duplicate panel) and a person's page.
import { expect, type Locator, type Page } from '@playwright/test';

export interface Identity {
  givenName: string;
  familyName: string;
  sex: 'male' | 'female';
  birthYear: string;
  nationality: string;
  phone?: string;
}

export class RegistryRegistration {
  readonly heading: Locator;
  readonly duplicatePanel: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Enregistrer une personne' });
    this.duplicatePanel = page.getByRole('complementary', { name: 'Doublons possibles' });
  }

  /** Opens the registration form from the people list. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Protection : navigation' }).getByRole('link', { name: 'Personnes' }).click();
    await this.page.getByRole('link', { name: 'Enregistrer une personne' }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Types the identity: names, sex, year of birth only, nationality picked from the list, phone. */
  async fill(identity: Identity): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Enregistrer une personne' });
    await form.getByRole('textbox', { name: /^Prénom/ }).fill(identity.givenName);
    await form.getByRole('textbox', { name: /^Nom de famille/ }).fill(identity.familyName);
    await form.getByRole('combobox', { name: /^Sexe/ }).selectOption(identity.sex);
    await form.getByText('Année seulement', { exact: true }).click();
    await form.getByRole('textbox', { name: /^Année de naissance/ }).fill(identity.birthYear);
    const nationality = form.getByRole('combobox', { name: /^Nationalité/ });
    await nationality.click();
    await nationality.fill(identity.nationality);
    await this.page.getByRole('option', { name: new RegExp(`^${identity.nationality}`) }).first().click();
    if (identity.phone) await form.getByRole('textbox', { name: /^Téléphone/ }).fill(identity.phone);
  }

  /** Ticks the registration consent (oral, today). */
  async giveConsent(): Promise<void> {
    await this.page.getByRole('checkbox', { name: /consenti à l'enregistrement/ }).check();
  }

  /** The look-alike card of the record numbered `caseNumber`, in the live panel. */
  candidate(caseNumber: string): Locator {
    return this.duplicatePanel.getByRole('listitem').filter({ hasText: caseNumber });
  }

  /** Saves, then lands on the new person's page (through the look-alikes page when there are some). */
  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Enregistrer la personne' }).click();
  }
}

export class RegistryCreated {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Dossier .* créé$/ });
  }

  /** The look-alike card of the record numbered `caseNumber`. */
  candidate(caseNumber: string): Locator {
    return this.page.getByRole('main').getByRole('listitem').filter({ hasText: caseNumber });
  }

  /** Leaves the look-alikes for the new record's page. */
  async openNewRecord(): Promise<void> {
    await this.page.getByRole('link', { name: /^Ouvrir le dossier / }).click();
  }
}

export class RegistryPerson {
  constructor(private readonly page: Page) {}

  /** The page title: the person's name. */
  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The registry case number shown under the name (ML-XXX-YYYY-NNNNNN). */
  async caseNumber(): Promise<string> {
    const text = (await this.page.getByRole('main').getByText(/^ML-[A-Z]+-\d{4}-\d{6}/).first().textContent()) ?? '';
    const match = /ML-[A-Z]+-\d{4}-\d{6}/.exec(text);
    if (!match) throw new Error(`no case number in "${text}"`);
    return match[0];
  }

  /** Opens a transit case for this person and waits for its page. */
  async openTransitCase(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ouvrir un dossier de transit' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^ML-[A-Z]+-TC-\d{4}-\d{6}/ })).toBeVisible();
  }
}
