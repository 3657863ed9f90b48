import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { makePerson } from '../protection/test-people';
import { bookedReturn, call, daysFromToday, ok, returnsTeam, type ReturnsTeam } from './test-returns';

let h: Harness;
let team: ReturnsTeam;
let movement: { id: string; reference: string };
let names: string[];
beforeAll(async () => {
  h = await createHarness();
  team = await returnsTeam(h);
  const member = await makePerson(h, team.site.id, { givenName: 'Aïssata', familyName: `Traoré${Date.now().toString(36)}` });
  // A name a spreadsheet would run as a formula if it were written as is.
  const hostile = await makePerson(h, team.site.id, { givenName: 'Moussa', familyName: `=HYPERLINK("http://x")${Date.now().toString(36)}` });
  const a = await bookedReturn(h, team, { members: [{ personId: member, relationship: 'child' }] });
  const b = await bookedReturn(h, team, { personId: hostile });
  movement = await ok(h, team.officer, 'POST', '/movements', {
    kind: 'charter_flight', direction: 'inbound', departureDate: daysFromToday(3), seats: 10, carrier: 'Air Sahel', receptionSiteId: team.site.id,
    legs: [{ from: 'Tripoli', to: 'Bamako', departAt: daysFromToday(3), carrierRef: 'AS-101' }], escorts: [{ name: 'Dr Oumar Sangaré', role: 'medical' }],
  });
  await ok(h, team.officer, 'POST', `/movements/${movement.id}/passengers`, { returnCaseId: a.id });
  await ok(h, team.officer, 'POST', `/movements/${movement.id}/passengers`, { returnCaseId: b.id });
  const person = (c: Record<string, unknown>) => c.person as { givenName: string; familyName: string };
  const m = await h.database.db.selectFrom('people').select(['givenName', 'familyName']).where('id', '=', member).executeTakeFirstOrThrow();
  names = [person(a), m, person(b)].map((p) => `${p.familyName.toUpperCase()} ${p.givenName}`);
});
afterAll(() => h.close());

describe('manifest and passenger list', () => {
  it('the PDF holds the movement and every traveller, accents included, and no medical data', async () => {
    const res = await call(h, team.officer, 'GET', `/movements/${movement.id}/manifest.pdf?lang=fr`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(`Manifeste des passagers`);
    expect(text).toContain(movement.reference);
    expect(text).toContain('Air Sahel');
    expect(text).toMatch(/Tripoli . Bamako, \d{4}-\d{2}-\d{2} \(AS-101\)/);
    expect(text).toContain('Dr Oumar Sangaré');
    // The third name is long enough to wrap in its cell; its given name is on a line of its own.
    for (const name of [names[0], names[1], 'Moussa']) expect(text).toContain(name);
    expect(text).toContain('Aïssata');
    expect(text).toContain('Laissez-passer');
    // bookedReturn records "asthme léger" as the medical conditions: it must never reach a manifest.
    expect(text).not.toContain('asthme');
    const en = pdfText((await call(h, team.officer, 'GET', `/movements/${movement.id}/manifest.pdf?lang=en`)).rawPayload);
    expect(en).toContain('Passenger manifest');
  });

  it('the XLSX has the same travellers, formulas neutralised, no medical data; both downloads are audited', async () => {
    const res = await call(h, team.officer, 'GET', `/movements/${movement.id}/passengers.xlsx?lang=en`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows.findIndex((r) => r[0] === 'No.');
    expect(rows[header]).toEqual(['No.', 'Full name', 'Sex', 'Date of birth', 'Nationality', 'Document type', 'Number', 'Expires on', 'Case number', 'Seats']);
    const travellers = rows.slice(header + 1);
    expect(travellers.map((r) => r[1])).toEqual([names[0], names[1], `'${names[2]}`]);
    expect(travellers.map((r) => r[9])).toEqual(['2', '', '1']);
    const cells = rows.flat();
    expect(cells.some((c) => c.startsWith('='))).toBe(false);
    expect(cells.join(' ')).not.toContain('asthme');
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', movement.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['movement.manifest.pdf', 'movement.manifest.xlsx']));
  });
});
