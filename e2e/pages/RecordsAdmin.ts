// Page object: the organisation, site and role screens (list, creation and edit forms).
import { expect, type Locator, type Page } from '@playwright/test';

export class RecordsAdmin {
  readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  /** Opens an administration list from the navigation by its title. */
  async open(title: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: title }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** Picks an option in a Mantine select by the field's label. */
  async choose(label: string | RegExp, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  /** A text input of the form by the start of its label. */
  field(label: string): Locator {
    return this.main.getByRole('textbox', { name: new RegExp(`^${label}`) });
  }

  /** Submits the form with its Create or Save button, then waits for the record's edit page. */
  async submit(button: 'Créer' | 'Enregistrer', editTitle: string): Promise<void> {
    await this.main.getByRole('button', { name: button, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: editTitle })).toBeVisible();
  }

  /** Types in the list's search box (the list follows once typing pauses). */
  async search(label: string, text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: label }).fill(text);
  }
}
