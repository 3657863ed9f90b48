// Page objects: the free-movement screens (institutions, a training and its trainees, the counters).
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, numberIn } from './awarenessPages';

export class MobilityInstitution {
  constructor(private readonly page: Page) {}

  /** Creates a police institution. */
  async create(name: string): Promise<void> {
    await this.page.goto('/mobility/institutions/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nouvelle institution' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Nom' }).fill(name);
    await this.page.getByRole('button', { name: 'Créer' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
}

/** One trainee as typed in the editor. */
export interface TraineeEntry {
  name: string;
  sex: 'Masculin' | 'Féminin';
  institution: string;
  daysAttended: number;
  completed: boolean;
  pre: number;
  post: number;
}

export class MobilityTraining {
  constructor(private readonly page: Page) {}

  /** Creates a training and waits for its page. */
  async create(title: string, startsOn: string, endsOn: string, days: number): Promise<void> {
    await this.page.goto('/mobility/trainings/new');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nouvelle formation' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Intitulé' }).fill(title);
    await this.page.getByLabel('Début').fill(startsOn);
    await this.page.getByLabel('Fin').fill(endsOn);
    await this.page.getByRole('textbox', { name: 'Nombre de jours' }).fill(String(days));
    await this.page.getByRole('textbox', { name: 'Lieu' }).fill('Sikasso');
    await this.page.getByRole('button', { name: 'Créer' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** Adds a trainee row and fills it. */
  async addTrainee(n: number, trainee: TraineeEntry): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: 'Ajouter un stagiaire' }).click();
    await page.getByRole('textbox', { name: `Nom du stagiaire ${n}` }).fill(trainee.name);
    await choose(page, page, `Sexe du stagiaire ${n}`, trainee.sex);
    await choose(page, page, `Institution du stagiaire ${n}`, trainee.institution);
    await page.getByRole('textbox', { name: `Jours présents du stagiaire ${n}` }).fill(String(trainee.daysAttended));
    if (trainee.completed) await this.completion(n).check();
    await page.getByRole('textbox', { name: `Test avant du stagiaire ${n}` }).fill(String(trainee.pre));
    await page.getByRole('textbox', { name: `Test après du stagiaire ${n}` }).fill(String(trainee.post));
  }

  /** The completion box of trainee n. */
  completion(n: number): Locator {
    return this.page.getByRole('checkbox', { name: `Le stagiaire ${n} a achevé la formation` });
  }

  async saveTrainees(): Promise<void> {
    await this.page.getByRole('button', { name: 'Enregistrer les stagiaires' }).click();
    await expect(this.page.getByText(/stagiaires? enregistrés?/)).toBeVisible();
  }
}

export class MobilityCounters {
  constructor(private readonly page: Page) {}

  /** Opens the trainings list, which shows the counters. */
  async open(): Promise<void> {
    await this.page.goto('/mobility/trainings');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Formations' })).toBeVisible();
  }

  officialsTrained(): Promise<number> {
    return numberIn(this.page.getByTestId('officials-trained'));
  }

  institutionsStrengthened(): Promise<number> {
    return numberIn(this.page.getByTestId('institutions-strengthened'));
  }
}
