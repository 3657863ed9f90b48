// Page object: the open-data export page.
import { expect, type Download, type Page } from '@playwright/test';

export class FlowsOpenData {
  constructor(private readonly page: Page) {}

  /** Opens the page from the flows sub-navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections des flux migratoires' }).getByRole('link', { name: 'Données ouvertes' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Données ouvertes' })).toBeVisible();
  }

  /** Downloads the public CSV and returns its text. */
  async downloadCsv(): Promise<string> {
    const download: Promise<Download> = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: 'Télécharger le CSV' }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  }
}
