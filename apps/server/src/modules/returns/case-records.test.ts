import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../../../test/harness';
import { call, daysFromToday, ok, openReturn, returnsTeam, type ReturnsTeam } from './test-returns';

let h: Harness;
let team: ReturnsTeam;
beforeAll(async () => {
  h = await createHarness();
  team = await returnsTeam(h);
});
afterAll(() => h.close());

const to = (id: string, status: string) => call(h, team.officer, 'POST', `/returns/${id}/transitions`, { to: status });

describe('best-interest determination', () => {
  it('an unaccompanied child becomes eligible only after an approved determination, approved by someone else', async () => {
    const c = await openReturn(h, team, { unaccompaniedChild: true });
    await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'counselled' });
    await ok(h, team.officer, 'PATCH', `/returns/${c.id}`, { declaration: { signedOn: '2025-03-02', witness: 'Tuteur légal' } }, { 'if-match': '2' });
    const blocked = await to(c.id, 'eligible');
    expect(blocked.statusCode).toBe(422);
    expect(Object.keys(errorOf(blocked).fields ?? {})).toEqual(['bestInterest']);
    const recorded = await ok(h, team.officer, 'POST', `/returns/${c.id}/best-interest`, { determinedOn: '2025-03-03', outcome: 'return_in_best_interest', note: 'mère retrouvée' });
    expect(recorded.bestInterest).toMatchObject({ outcome: 'return_in_best_interest', recordedBy: { id: team.officer.id }, approvedBy: null, approvedAt: null });
    expect((await to(c.id, 'eligible')).statusCode).toBe(422);
    // The protection officer sees the approve ability; the recorder cannot approve their own.
    expect(((await ok(h, team.protection, 'GET', `/returns/${c.id}`)).abilities as Record<string, boolean>).approveBestInterest).toBe(true);
    const self = await h.userWith({ permissions: ['returnCase.read', 'returnCase.update', 'returnCase.approve', 'person.read'], scope: 'organisation', site: team.site.code });
    await ok(h, self, 'POST', `/returns/${c.id}/best-interest`, { determinedOn: '2025-03-03', outcome: 'return_in_best_interest' });
    const own = await call(h, self, 'POST', `/returns/${c.id}/best-interest/approve`);
    expect(own.statusCode).toBe(422);
    expect(errorOf(own).fields).toHaveProperty('approvedBy');
    const approved = await ok(h, team.protection, 'POST', `/returns/${c.id}/best-interest/approve`);
    expect(approved.bestInterest).toMatchObject({ approvedBy: { id: team.protection.id } });
    expect((await call(h, team.protection, 'POST', `/returns/${c.id}/best-interest/approve`)).statusCode).toBe(409);
    expect((await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'eligible' })).status).toBe('eligible');
    const kinds = (await ok<{ items: { kind: string }[] }>(h, team.officer, 'GET', `/returns/${c.id}/events`)).items.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'best_interest')).toHaveLength(3);
  });

  it('a determination against return keeps the child from eligible', async () => {
    const c = await openReturn(h, team, { unaccompaniedChild: true });
    await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'counselled' });
    await ok(h, team.officer, 'PATCH', `/returns/${c.id}`, { declaration: { signedOn: '2025-03-02', witness: 'Tuteur' } }, { 'if-match': '2' });
    await ok(h, team.officer, 'POST', `/returns/${c.id}/best-interest`, { determinedOn: '2025-03-03', outcome: 'not_in_best_interest' });
    await ok(h, team.protection, 'POST', `/returns/${c.id}/best-interest/approve`);
    expect((await to(c.id, 'eligible')).statusCode).toBe(422);
  });
});

describe('travel documents', () => {
  it('checks the dates and the issued fields; updates at the document version; lists those expiring', async () => {
    const c = await openReturn(h, team);
    const bad: [Record<string, unknown>, string[]][] = [
      [{ status: 'issued', requestedOn: '2025-03-01' }, ['issuedOn', 'number', 'expiresOn']],
      [{ status: 'issued', requestedOn: '2025-03-05', issuedOn: '2025-03-01', number: 'X1', expiresOn: '2026-01-01' }, ['issuedOn']],
      [{ status: 'issued', requestedOn: '2025-03-01', issuedOn: '2025-03-02', number: 'X1', expiresOn: '2025-03-02' }, ['expiresOn']],
      [{ status: 'issued', requestedOn: '2025-03-01', issuedOn: '2999-01-01', number: 'X1', expiresOn: '2999-02-01' }, ['issuedOn']],
    ];
    for (const [body, fields] of bad) {
      const res = await call(h, team.officer, 'POST', `/returns/${c.id}/travel-documents`, { type: 'passport', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(fields.sort());
    }
    const doc = await ok(h, team.officer, 'POST', `/returns/${c.id}/travel-documents`, { type: 'laissez_passer', consulate: 'Tripoli', requestedOn: '2025-03-01', status: 'requested' });
    expect(doc).toMatchObject({ status: 'requested', number: null, version: 1 });
    const incomplete = await call(h, team.officer, 'PATCH', `/returns/${c.id}/travel-documents/${doc.id}`, { status: 'issued' }, { 'if-match': '1' });
    expect(incomplete.statusCode).toBe(400);
    const expires = daysFromToday(10);
    const issued = await ok(h, team.officer, 'PATCH', `/returns/${c.id}/travel-documents/${doc.id}`, { status: 'issued', issuedOn: daysFromToday(0), number: `LP-${c.id.slice(-5)}`, expiresOn: expires }, { 'if-match': '1' });
    expect(issued).toMatchObject({ status: 'issued', expiresOn: expires, version: 2 });
    expect((await call(h, team.officer, 'PATCH', `/returns/${c.id}/travel-documents/${doc.id}`, { consulate: 'Sebha' }, { 'if-match': '1' })).statusCode).toBe(412);
    const soon = await ok<{ items: { returnCaseId: string; document: { id: string } }[] }>(h, team.officer, 'GET', '/returns/travel-documents/expiring?days=30&limit=500');
    expect(soon.items.map((i) => i.document.id)).toContain(doc.id);
    const sooner = await ok<{ items: { document: { id: string } }[] }>(h, team.officer, 'GET', '/returns/travel-documents/expiring?days=5&limit=500');
    expect(sooner.items.map((i) => i.document.id)).not.toContain(doc.id);
    const dash = await ok<{ expiringDocuments: number }>(h, team.officer, 'GET', '/returns/dashboard');
    expect(dash.expiringDocuments).toBeGreaterThanOrEqual(1);
  });
});

describe('medical checks', () => {
  it('records a check; the fit status needs a matching latest check; an escort makes it a medical case', async () => {
    const c = await openReturn(h, team);
    await h.database.db.updateTable('returnCases').set({ status: 'medical_pending' }).where('id', '=', c.id).execute();
    expect((await to(c.id, 'fit_with_escort')).statusCode).toBe(422);
    expect((await call(h, team.officer, 'POST', `/returns/${c.id}/medical-checks`, { examinedOn: '2999-01-01', outcome: 'unfit', escort: 'none' })).statusCode).toBe(400);
    const check = await ok(h, team.officer, 'POST', `/returns/${c.id}/medical-checks`, { examinedOn: '2025-03-04', outcome: 'fit_with_escort', escort: 'medical', conditions: 'diabète' });
    expect(check).toMatchObject({ outcome: 'fit_with_escort', escort: 'medical', recordedBy: { id: team.officer.id } });
    expect(check).not.toHaveProperty('conditions');
    expect((await to(c.id, 'fit_to_travel')).statusCode).toBe(422);
    const moved = await ok(h, team.officer, 'POST', `/returns/${c.id}/transitions`, { to: 'fit_with_escort' });
    expect(moved).toMatchObject({ status: 'fit_with_escort', medicalCase: true });
    const vulnerable = await ok<{ items: { id: string }[] }>(h, team.officer, 'GET', `/returns?vulnerable=true&siteId=${team.site.id}&limit=500`);
    expect(vulnerable.items.map((i) => i.id)).toContain(c.id);
    const others = await ok<{ items: { id: string }[] }>(h, team.officer, 'GET', `/returns?vulnerable=false&siteId=${team.site.id}&limit=500`);
    expect(others.items.map((i) => i.id)).not.toContain(c.id);
  });
});
