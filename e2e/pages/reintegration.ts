// Page objects: the reintegration area (new case, case page tabs, plan builder, assistance, visits,
// RSS survey) and the API set-up the journey needs (a returnee, a second officer).
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './LoginPage';

/** Signs in through the API and returns the bearer headers. */
export async function apiSession(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<{ headers: Record<string, string>; me: { id: string; organisation: { id: string } } } | null> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password } });
  if (!response.ok()) return null;
  const body = (await response.json()) as { token: string; user: { id: string; organisation: { id: string } } };
  return { headers: { Authorization: `Bearer ${body.token}` }, me: body.user };
}

/** Registers a returnee through the API; returns their registry case number (what the journey searches by). */
export async function registerReturnee(request: APIRequestContext, headers: Record<string, string>, givenName: string, familyName: string): Promise<string> {
  const response = await request.post('/api/v1/people', { headers, data: { givenName, familyName, sex: 'male', nationality: 'MLI' } });
  expect(response.status(), await response.text()).toBe(201);
  const person = (await response.json()) as { caseNumber: string };
  return person.caseNumber;
}

/**
 * A second reintegration officer of the same organisation and region, for four-eyes approval: the
 * demo's supervisor when there is one, else an account made by the administrator (whose first
 * password is changed through the API, as the app requires).
 */
export async function secondOfficer(request: APIRequestContext, organisationId: string): Promise<{ username: string; password: string }> {
  if (await apiSession(request, 'reintegration.supervisor')) return { username: 'reintegration.supervisor', password: DEMO_PASSWORD };
  const admin = await apiSession(request, 'admin');
  if (!admin) throw new Error('the administrator cannot sign in');
  const username = `reint.second.${String(Date.now()).slice(-6)}`;
  const first = `First-${Date.now()}-Pw!`;
  const created = await request.post('/api/v1/users', {
    headers: admin.headers,
    data: { username, displayName: 'Adama Konaté', organisationId, regionPcode: 'ML01', roles: ['reintegration_officer'], password: first },
  });
  expect(created.status(), await created.text()).toBe(201);
  const session = await apiSession(request, username, first);
  if (!session) throw new Error('the new officer cannot sign in');
  const password = `Kayes-${Date.now()}-Second!`;
  const changed = await request.post('/api/v1/me/password', { headers: session.headers, data: { currentPassword: first, newPassword: password } });
  expect(changed.ok(), await changed.text()).toBe(true);
  return { username, password };
}

export class NewReintegrationCase {
  constructor(private readonly page: Page) {}

  /** Opens the form. */
  async open(): Promise<void> {
    await this.page.goto('/reintegration/cases/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nouveau dossier de réintégration' })).toBeVisible();
  }

  /** Picks the person by their registry case number and the region of return, then opens the case. */
  async create(personCaseNumber: string, region: string): Promise<void> {
    const person = this.page.getByRole('combobox', { name: /^Personne/ });
    await person.fill(personCaseNumber);
    await this.page.getByRole('option', { name: new RegExp(personCaseNumber) }).first().click();
    const regionBox = this.page.getByRole('combobox', { name: /^Région de retour/ });
    await regionBox.click();
    await regionBox.fill(region);
    await this.page.getByRole('option', { name: new RegExp(`^${region}`) }).first().click();
    await this.page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  }
}

export class ReintegrationCasePage {
  constructor(private readonly page: Page) {}

  /** The case number in the page title. */
  async caseNumber(): Promise<string> {
    const heading = this.page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/ML-[A-Z]+-RI-\d{4}-\d{6}/);
    return ((await heading.textContent()) ?? '').trim();
  }

  /** The status badge of the header. */
  status(label: string): Locator {
    return this.page.getByRole('main').getByText(label, { exact: true }).first();
  }

  /** Opens one of the case's tabs. */
  async tab(name: 'Historique' | 'Évaluations' | 'Plan' | 'Assistance' | 'Visites de suivi' | 'RSS'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** Records a needs assessment (counselling). */
  async assessNeeds(priorityNeeds: string): Promise<void> {
    await this.tab('Évaluations');
    const form = this.page.getByRole('form', { name: 'Nouvelle évaluation' });
    await form.getByLabel('Besoins prioritaires').fill(priorityNeeds);
    await form.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
    await expect(this.page.getByRole('article', { name: 'Besoins' })).toBeVisible();
  }

  /** Builds the plan: one goal and the items given (dimension and type labels, amount), then submits it. */
  async buildAndSubmitPlan(goal: string, items: { dimension: string; type: string; amountXof: number }[]): Promise<void> {
    await this.tab('Plan');
    await this.page.getByRole('textbox', { name: 'Objectif 1', exact: true }).fill(goal);
    for (const [index, item] of items.entries()) {
      await this.page.getByRole('button', { name: 'Ajouter une assistance' }).click();
      const row = this.page.getByRole('group', { name: `Élément d'assistance ${index + 1}` });
      await row.getByRole('combobox', { name: 'Dimension' }).selectOption({ label: item.dimension });
      await row.getByRole('combobox', { name: 'Type' }).selectOption({ label: item.type });
      await row.getByRole('textbox', { name: 'Montant prévu (F CFA)' }).fill(String(item.amountXof));
    }
    await expect(this.page.getByTestId('budget-bar')).toHaveAttribute('data-over', 'false');
    await this.page.getByRole('button', { name: 'Soumettre pour approbation' }).click();
    await expect(this.page.getByText('Soumis', { exact: true })).toBeVisible();
  }

  /** Approves the submitted plan (as a second officer). */
  async approvePlan(): Promise<void> {
    await this.tab('Plan');
    await this.page.getByRole('button', { name: 'Approuver le plan' }).click();
    await expect(this.status('Plan approuvé')).toBeVisible();
  }

  /** Records an instalment on the item of the type given. */
  async payInstalment(type: string, amountXof: number): Promise<Locator> {
    await this.tab('Assistance');
    const card = this.page.getByRole('article', { name: type });
    const form = card.getByRole('form', { name: 'Enregistrer un versement' });
    await form.getByRole('textbox', { name: 'Montant (F CFA)' }).fill(String(amountXof));
    await form.getByRole('button', { name: 'Enregistrer un versement' }).click();
    return card;
  }

  /** Records the outcome of the first scheduled visit. */
  async recordFirstVisit(findings: string, business: string): Promise<void> {
    await this.tab('Visites de suivi');
    await this.page.getByRole('button', { name: 'Enregistrer le résultat' }).first().click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Constats').fill(findings);
    await dialog.getByRole('combobox', { name: "État de l'activité" }).selectOption({ label: business });
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
  }
}

export class RssSurvey {
  constructor(private readonly page: Page) {}

  /** Opens the survey of a round from the case's RSS tab. */
  async start(round: 'Enquête RSS de référence' | 'Enquête RSS de suivi'): Promise<void> {
    await this.page.getByRole('tab', { name: 'RSS', exact: true }).click();
    await this.page.getByRole('link', { name: round }).click();
    await expect(this.page.getByTestId('rss-question')).toBeVisible();
  }

  /** Answers the first `answered` questions with the option at `optionIndex`, skips the rest, and submits. */
  async answerAndSubmit(answered: number, optionIndex: number): Promise<Locator> {
    const question = this.page.getByTestId('rss-question');
    for (let i = 0; ; i += 1) {
      if (!(await question.isVisible())) break;
      const code = await question.getAttribute('data-code');
      if (i < answered) await question.getByRole('group').getByRole('button').nth(optionIndex).click();
      else await question.getByRole('button', { name: 'Passer (sans réponse)' }).click();
      // The next card (or the end) replaces this one.
      await expect(question.or(this.page.getByText('Fin du questionnaire'))).not.toHaveAttribute('data-code', code ?? '');
    }
    await this.page.getByRole('button', { name: 'Calculer et enregistrer' }).click();
    const scores = this.page.getByTestId('rss-scores');
    await expect(scores).toBeVisible();
    return scores;
  }
}
