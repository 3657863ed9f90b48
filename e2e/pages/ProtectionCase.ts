// Page object: a transit case (screening, services, referrals) and the protection dashboard.
import { expect, type Locator, type Page } from '@playwright/test';

export class ProtectionCase {
  constructor(private readonly page: Page) {}

  /** The case number in the page title. */
  async caseNumber(): Promise<string> {
    const text = (await this.page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const match = /ML-[A-Z]+-TC-\d{4}-\d{6}/.exec(text);
    if (!match) throw new Error(`no transit case number in "${text}"`);
    return match[0];
  }

  /** The priority badge of the header. */
  priority(label: string): Locator {
    return this.page.getByRole('main').getByText(label, { exact: true }).first();
  }

  /** Opens one of the case's tabs. */
  async tab(name: 'Évaluation' | 'Services' | 'Orientations' | 'Séjours' | 'Tâches' | 'Notes'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Records a screening with the flags given. */
  async screen(flags: string[]): Promise<void> {
    await this.tab('Évaluation');
    const form = this.page.getByRole('form', { name: /Évaluation de vulnérabilité|Nouvelle évaluation/ });
    for (const flag of flags) await form.getByRole('checkbox', { name: flag }).check();
    await form.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
    await expect(this.page.getByText(/^Version 1 du /)).toBeVisible();
  }

  /** Adds a service of the type given (its label) with a cost in XOF. */
  async addService(type: string, costXof: number): Promise<void> {
    await this.tab('Services');
    const form = this.page.getByRole('form', { name: 'Ajouter un service' });
    await form.getByRole('combobox', { name: 'Service' }).selectOption({ label: type });
    await form.getByRole('textbox', { name: 'Coût (F CFA)' }).fill(String(costXof));
    const rows = this.page.getByRole('table', { name: 'Services fournis' }).getByRole('row');
    const before = await rows.count();
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await expect(rows).not.toHaveCount(before);
  }

  /** The services total cell. */
  get servicesTotal(): Locator {
    return this.page.getByTestId('services-total');
  }

  /** Makes an internal referral for the service given (its label). */
  async referInternally(service: string): Promise<void> {
    await this.tab('Orientations');
    const form = this.page.getByRole('form', { name: 'Nouvelle orientation' });
    await form.getByText('Interne', { exact: true }).click();
    await form.getByRole('combobox', { name: 'Service demandé' }).selectOption({ label: service });
    await form.getByRole('button', { name: 'Orienter' }).click();
  }
}

export class ProtectionDashboard {
  constructor(private readonly page: Page) {}

  /** Opens the dashboard through the area's sub-navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Protection : navigation' }).getByRole('link', { name: 'Tableau de bord' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Protection des migrants en transit' })).toBeVisible();
  }

  /** A number of the dashboard (a link to its list), by its label. */
  stat(label: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^${label} : \\d+$`) });
  }
}
