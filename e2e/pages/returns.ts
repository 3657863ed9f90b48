// Page objects: the returns area (new case form, case page steps and moves, travel documents,
// medical checks, movements with passengers, manifest and confirmations) and the API set-up the
// journey needs (a returnee registered through the API).
import { expect, type APIRequestContext, type Download, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './LoginPage';

/** Registers an adult returnee through the API as `username`; returns their name and registry case number. */
export async function registerReturnee(request: APIRequestContext, username: string, givenName: string): Promise<{ name: string; caseNumber: string }> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok(), await login.text()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const familyName = `Sangaré${String(Date.now()).slice(-5)}`;
  const response = await request.post('/api/v1/people', {
    headers: { Authorization: `Bearer ${token}` },
    data: { givenName, familyName, sex: 'male', nationality: 'MLI', dateOfBirth: '1990-04-12', dobPrecision: 'exact' },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { caseNumber } = (await response.json()) as { caseNumber: string };
  return { name: `${givenName} ${familyName}`, caseNumber };
}

/** A date `days` from today as YYYY-MM-DD (the browser runs in Bamako, on UTC). */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Picks the first option matching `option` in a searchable select after typing `text`. */
async function choose(page: Page, box: Locator, text: string, option: RegExp): Promise<void> {
  await box.fill(text);
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}

export class NewReturnCase {
  constructor(private readonly page: Page) {}

  /** Opens the form. */
  async open(): Promise<void> {
    await this.page.goto('/returns/cases/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nouveau dossier de retour' })).toBeVisible();
  }

  /** An inbound return of the person found by registry case number, from the host country given, to a P-code found by name. */
  async createInbound(caseNumber: string, hostCountry: string, destination: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Nouveau dossier de retour' });
    await choose(this.page, form.getByRole('combobox', { name: /^Personne/ }), caseNumber, new RegExp(caseNumber));
    await choose(this.page, form.getByRole('combobox', { name: /^Pays d'accueil/ }), hostCountry, new RegExp(`^${hostCountry}`));
    await choose(this.page, form.getByRole('combobox', { name: /^Zone de destination/ }), destination, new RegExp(destination));
    await form.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  }
}

export class ReturnCasePage {
  constructor(private readonly page: Page) {}

  /** The case number in the page title. */
  async caseNumber(): Promise<string> {
    const heading = this.page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/ML-[A-Z]+-AVR-\d{4}-\d{6}/);
    return /ML-[A-Z]+-AVR-\d{4}-\d{6}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
  }

  /** The status badge of the header. */
  status(label: string): Locator {
    return this.page.getByRole('main').getByText(label, { exact: true }).first();
  }

  /** Opens one of the case's tabs. */
  async tab(name: 'Étapes' | 'Documents de voyage' | 'Visite médicale' | 'Membres' | 'Voyage et arrivée' | 'Historique'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** Moves the case with the button given, confirming the dialog; waits for the new status. */
  async move(button: string, status: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.status(status)).toBeVisible();
  }

  /** Records the signed declaration with its witness. */
  async recordDeclaration(witness: string): Promise<void> {
    await this.tab('Étapes');
    const form = this.page.getByRole('form', { name: 'Déclaration de retour volontaire' });
    await form.getByRole('textbox', { name: /^Témoin/ }).fill(witness);
    await form.getByRole('button', { name: 'Enregistrer la déclaration' }).click();
    await expect(this.page.getByRole('region', { name: 'Déclaration de retour volontaire' }).getByText('Fait', { exact: true })).toBeVisible();
  }

  /** Records due diligence as cleared. */
  async recordDueDiligence(): Promise<void> {
    await this.tab('Étapes');
    const form = this.page.getByRole('form', { name: 'Vérification préalable' });
    await form.getByRole('combobox', { name: 'Résultat' }).selectOption({ label: 'Sans objection' });
    await form.getByRole('button', { name: 'Enregistrer la vérification' }).click();
    await expect(this.page.getByRole('region', { name: 'Vérification préalable' }).getByText('Fait', { exact: true })).toBeVisible();
  }

  /** Adds an issued travel document of the given number, valid for a year. */
  async addIssuedDocument(number: string): Promise<void> {
    await this.tab('Documents de voyage');
    await this.page.getByRole('button', { name: 'Ajouter un document' }).click();
    const form = this.page.getByRole('form', { name: 'Ajouter un document' });
    await form.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Délivré' });
    await form.getByLabel(/^Délivré le/).fill(dayFromToday(0));
    await form.getByRole('textbox', { name: /^Numéro/ }).fill(number);
    await form.getByLabel(/^Expire le/).fill(dayFromToday(365));
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(this.page.getByRole('table', { name: 'Documents de voyage' }).getByText(number)).toBeVisible();
  }

  /** Records a medical check with the outcome given (its label). */
  async addMedicalCheck(outcome: string): Promise<void> {
    await this.tab('Visite médicale');
    const form = this.page.getByRole('form', { name: 'Nouvelle visite médicale' });
    await form.getByRole('combobox', { name: 'Conclusion' }).selectOption({ label: outcome });
    await form.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await expect(this.page.getByRole('table', { name: 'Visites médicales' }).getByText(outcome)).toBeVisible();
  }

  /** The reintegration case number as plain text (for callers who may not open reintegration cases). */
  get reintegrationNumber(): Locator {
    return this.page.getByRole('main').getByTestId('reintegration-number').first();
  }

  /** The link to the reintegration case in the header. */
  get reintegrationLink(): Locator {
    return this.page.getByRole('main').getByTestId('reintegration-link').first();
  }
}

export class MovementPage {
  constructor(private readonly page: Page) {}

  /** Creates an inbound charter leaving today from `from` to `to`, received at the user's site. */
  async createInboundCharter(from: string, to: string, seats: number): Promise<void> {
    await this.page.goto('/returns/movements/new');
    const form = this.page.getByRole('form', { name: 'Nouveau mouvement' });
    await form.getByLabel(/^Date de départ/).fill(dayFromToday(0));
    await form.getByLabel(/^Date d'arrivée prévue/).fill(dayFromToday(0));
    await form.getByRole('textbox', { name: /^Nombre de places/ }).fill(String(seats));
    const site = form.getByRole('combobox', { name: /^Site d'accueil au Mali/ });
    await site.click();
    await this.page.getByRole('listbox').getByRole('option').first().click();
    const leg = form.getByRole('group', { name: 'Trajet 1' });
    await leg.getByRole('textbox', { name: /^De/ }).fill(from);
    await leg.getByRole('textbox', { name: /^À/ }).fill(to);
    await leg.getByLabel(/^Départ le/).fill(dayFromToday(0));
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^MV-/ })).toBeVisible();
  }

  /** Adds the booked case of the person named, found by the return case number. */
  async addPassenger(caseNumber: string, name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Ajouter le passager' });
    await choose(this.page, form.getByRole('combobox', { name: /^Dossier réservé/ }), caseNumber, new RegExp(caseNumber));
    await form.getByRole('button', { name: 'Ajouter le passager' }).click();
    await expect(this.page.getByRole('table', { name: 'Passagers' }).getByText(new RegExp(name))).toBeVisible();
  }

  /** The capacity line. */
  get capacity(): Locator {
    return this.page.getByTestId('capacity').first();
  }

  /** Downloads the manifest in the language given. */
  async downloadManifest(language: 'français' | 'anglais'): Promise<Download> {
    await this.page.getByRole('button', { name: 'Manifeste (PDF)' }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('menuitem', { name: `Manifeste en ${language}` }).click();
    return download;
  }

  /** Confirms the departure with every passenger present. */
  async confirmDeparture(): Promise<void> {
    await this.page.getByRole('button', { name: 'Confirmer le départ' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Confirmer le départ' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('main').getByText('Parti', { exact: true }).first()).toBeVisible();
  }

  /** Confirms the arrival of every departed passenger today. */
  async confirmArrival(): Promise<void> {
    await this.page.getByRole('button', { name: "Confirmer l'arrivée" }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: "Confirmer l'arrivée" }).click();
    await expect(dialog).toBeHidden();
  }
}
