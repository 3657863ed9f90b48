// Page objects: the awareness officer's screens (communities, campaigns, the tablet activity form,
// the dashboard with its totals and its map of communes).
import { expect, type Locator, type Page } from '@playwright/test';

/** Picks an option of a Mantine select by its label, typing to search when asked. */
export async function choose(page: Page, scope: Locator | Page, label: string | RegExp, option: string | RegExp, search?: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  if (search) await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

export class AwarenessCommunity {
  constructor(private readonly page: Page) {}

  /** Creates a community in the commune found by `communeSearch`, and waits for its page. */
  async create(name: string, communeSearch: string, commune: RegExp): Promise<void> {
    await this.page.goto('/awareness/communities/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nouvelle communauté' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Nom' }).fill(name);
    await choose(this.page, this.page, /^Commune/, commune, communeSearch);
    await this.page.getByRole('checkbox', { name: 'Zone de forte émigration' }).check();
    await this.page.getByRole('button', { name: 'Créer' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** The people reached shown on the community's page. */
  async reached(): Promise<number> {
    return numberIn(this.page.getByTestId('community-reached'));
  }
}

export class AwarenessCampaign {
  constructor(private readonly page: Page) {}

  /** Plans a campaign with a French and a Bambara message on radio and community meetings. */
  async plan(name: string, startsOn: string, endsOn: string): Promise<void> {
    await this.page.goto('/awareness/campaigns/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nouvelle campagne' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Nom' }).fill(name);
    await this.page.getByLabel('Début').fill(startsOn);
    await this.page.getByLabel('Fin').fill(endsOn);
    await this.page.getByRole('checkbox', { name: 'Radio' }).check();
    await this.page.getByRole('checkbox', { name: 'Réunion communautaire' }).check();
    await this.page.getByRole('textbox', { name: 'Message 1' }).fill("Partir sans papiers, c'est risquer sa vie.");
    await this.page.getByRole('button', { name: 'Ajouter un message' }).click();
    await this.page.getByRole('textbox', { name: 'Message 2' }).fill('Sira nafolo tɛ dugukolo kan.');
    await this.page.getByRole('button', { name: 'Créer' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** The campaign's row of the month-by-month calendar on the campaigns list. */
  timelineRow(name: string): Locator {
    return this.page.getByRole('region', { name: 'Calendrier des campagnes' }).getByRole('row', { name: new RegExp(name) });
  }
}

/** The counted reach of an activity. */
export interface Reach {
  men: number;
  women: number;
  boys: number;
  girls: number;
}

export class AwarenessActivityForm {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/awareness/activities/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nouvelle activité' })).toBeVisible();
  }

  /** Records a community dialogue with its reach, and waits for the activity's page. */
  async record(options: { type: string; facilitator: string; campaign: string; community: string; reach: Reach }): Promise<void> {
    const { page } = this;
    await page.getByRole('radio', { name: options.type }).check();
    await page.getByRole('textbox', { name: /^Animateur/ }).fill(options.facilitator);
    await choose(page, page, /^Campagne/, options.campaign);
    await choose(page, page, /^Communauté/, new RegExp(options.community));
    const { men, women, boys, girls } = options.reach;
    await page.getByRole('textbox', { name: /^Hommes/ }).fill(String(men));
    await page.getByRole('textbox', { name: /^Femmes/ }).fill(String(women));
    await page.getByRole('textbox', { name: /^Garçons/ }).fill(String(boys));
    await page.getByRole('textbox', { name: /^Filles/ }).fill(String(girls));
    // A wrong total is caught before anything is sent.
    await page.getByRole('textbox', { name: /^Total/ }).fill(String(men + women + boys + girls + 1));
    await expect(page.getByText(/mais le total saisi est/)).toBeVisible();
    await page.getByRole('textbox', { name: /^Total/ }).fill(String(men + women + boys + girls));
    await expect(page.getByTestId('reach-sum')).toContainText(String(men + women + boys + girls));
    await page.getByRole('button', { name: 'Créer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Causerie communautaire du / })).toBeVisible();
  }
}

/** Reads a number shown with the language's grouping ("1 234"). */
export async function numberIn(locator: Locator): Promise<number> {
  await expect(locator).toBeVisible();
  return Number(((await locator.textContent()) ?? '').replace(/\D/g, ''));
}

export class AwarenessDashboard {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/awareness');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Tableau de bord de la sensibilisation' })).toBeVisible();
  }

  peopleReached(): Promise<number> {
    return numberIn(this.page.getByTestId('people-reached'));
  }

  communitiesReached(): Promise<number> {
    return numberIn(this.page.getByTestId('communities-reached'));
  }

  /** The row of a commune in the data table of the communes map. */
  async communeRow(commune: string): Promise<Locator> {
    const map = this.page.getByRole('region', { name: 'Communes touchées' });
    await map.getByRole('button', { name: /^Afficher les données/ }).click();
    return map.getByRole('row', { name: new RegExp(commune) });
  }
}
