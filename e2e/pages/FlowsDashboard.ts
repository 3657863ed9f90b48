// Page object: the flows dashboard (filters in the URL, the total of people observed).
import { expect, type Locator, type Page } from '@playwright/test';

export class FlowsDashboard {
  readonly total: Locator;

  constructor(private readonly page: Page) {
    this.total = page.getByTestId('dashboard-total');
  }

  /** Opens the dashboard with filters (as a shared link would). */
  async open(filters: Record<string, string>): Promise<void> {
    await this.page.goto(`/flows?${new URLSearchParams(filters).toString()}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Tableau de bord des flux' })).toBeVisible();
  }

  /** The total of people observed, as a number. */
  async totalValue(): Promise<number> {
    await expect(this.total).toBeVisible();
    const text = (await this.total.textContent()) ?? '';
    return Number(text.replace(/\D/g, ''));
  }
}
