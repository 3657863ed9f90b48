// The return officer's journey, in French: an inbound return from Niger taken from "requested" to
// "booked" (declaration, due diligence, travel document, medical check), a charter built around it,
// its manifest downloaded as a PDF, departure and arrival confirmed, and the reintegration case
// opened on arrival shown on the return case.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/LoginPage';
import { MovementPage, NewReturnCase, registerReturnee, ReturnCasePage } from './pages/returns';
import { Shell } from './pages/Shell';

test('a return officer takes an inbound return from request to arrival and hands it over to reintegration', async ({ page, request }) => {
  test.setTimeout(240_000);
  // Found by registry case number: the name search ranks the demo's many namesakes too.
  const { name, caseNumber: registryNumber } = await registerReturnee(request, 'return.officer', 'Boubacar');

  const login = new LoginPage(page);
  await login.open();
  await login.signIn('return.officer');
  await new Shell(page, 'fr').expectSignedIn('Ibrahim Keïta');

  // 1. A new inbound case: from Niger to Bamako.
  const form = new NewReturnCase(page);
  await form.open();
  await form.createInbound(registryNumber, 'Niger', 'Bamako');
  const returnCase = new ReturnCasePage(page);
  const returnNumber = await returnCase.caseNumber();
  const caseUrl = page.url();
  await expect(returnCase.status('Demandé')).toBeVisible();

  // 2. Eligibility needs the signed declaration: refused first, in plain words, then allowed.
  await returnCase.move('Conseil donné', 'Conseillé');
  await page.getByRole('button', { name: 'Déclarer éligible', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByRole('dialog').getByText(/Il manque la déclaration de retour volontaire signée/)).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
  await returnCase.recordDeclaration('Aminata Diarra');
  await returnCase.recordDueDiligence();
  await returnCase.move('Déclarer éligible', 'Éligible');

  // 3. Documents, medical check, booking.
  await returnCase.move('Demander les documents', 'Documents en cours');
  await returnCase.addIssuedDocument(`LP-${String(Date.now()).slice(-6)}`);
  await returnCase.move('Documents prêts', 'Documents prêts');
  await returnCase.move('Envoyer en visite médicale', 'Visite médicale en attente');
  await returnCase.addMedicalCheck('Apte au voyage');
  await returnCase.move('Apte au voyage', 'Apte au voyage');
  await returnCase.move('Réserver', 'Réservé');

  // 4. A charter from Niamey with the case on board, and its manifest.
  const movement = new MovementPage(page);
  await movement.createInboundCharter('Niamey', 'Bamako', 20);
  await movement.addPassenger(returnNumber, name);
  await expect(movement.capacity).toHaveText(/^1 \/ 20 places/);
  const manifest = await movement.downloadManifest('français');
  expect(manifest.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile(await manifest.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // 5. Departure and arrival.
  await movement.confirmDeparture();
  await movement.confirmArrival();

  // 6. The case has arrived; the return officer, who may not open reintegration cases, sees the
  // number of the one opened for it as plain text.
  await page.goto(caseUrl);
  await expect(returnCase.status('Arrivé')).toBeVisible();
  await expect(returnCase.reintegrationNumber).toHaveText(/RI-\d{4}-\d{6}/);
  await expect(returnCase.reintegrationLink).toHaveCount(0);

  // 7. The protection officer, who reads both return and reintegration cases, sees its number there.
  await page.context().clearCookies();
  await login.open();
  await login.signIn('protection.officer');
  await new Shell(page, 'fr').expectSignedIn('Mariam Touré');
  await page.goto(caseUrl);
  await expect(returnCase.status('Arrivé')).toBeVisible();
  await expect(returnCase.reintegrationLink).toHaveText(/RI-\d{4}-\d{6}/);
  await expect(returnCase.reintegrationLink).toHaveAttribute('href', /^\/reintegration\/cases\/[0-9a-f-]{36}$/);
});
