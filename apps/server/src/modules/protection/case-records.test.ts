import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { putSetting } from '../../platform/settings';
import { openCase, protectionTeam } from './test-people';

let h: Harness;
let team: Awaited<ReturnType<typeof protectionTeam>>;
beforeAll(async () => {
  h = await createHarness();
  team = await protectionTeam(h);
});
afterAll(() => h.close());

const post = (token: string, url: string, payload: unknown) => h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload: payload as object });
const get = (token: string, url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });

describe('vulnerability screenings', () => {
  it('a caseworker records a trafficking screening but does not read the flag back; the protection officer does', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const res = await post(team.caseworker.token, `/transit-cases/${c.id}/screenings`, {
      screenedOn: '2025-03-03',
      flags: ['victim_of_trafficking', 'pregnant'],
      riskFactors: { individual: ['no_documents'] },
      notes: 'disclosed recruitment by a trafficker',
    });
    expect(res.statusCode).toBe(201);
    const screening = res.json();
    expect(screening).toMatchObject({ sequence: 1, flags: ['pregnant'], priority: 'high', priorityBecause: 'flag:sensitive', screenedOn: '2025-03-03' });
    expect(screening).not.toHaveProperty('sensitiveFlags');
    expect(screening).not.toHaveProperty('notes');
    expect(res.body).not.toContain('trafficking');
    const mine = (await get(team.caseworker.token, `/transit-cases/${c.id}`)).json();
    expect(mine.priority).toBe('high');
    expect(JSON.stringify(mine)).not.toContain('trafficking');
    const officer = (await get(team.officer.token, `/transit-cases/${c.id}/screenings`)).json().items;
    expect(officer[0]).toMatchObject({ flags: ['pregnant'], sensitiveFlags: ['victim_of_trafficking'], priorityBecause: 'flag:victim_of_trafficking', notes: 'disclosed recruitment by a trafficker' });
    const audit = await h.database.db.selectFrom('auditLog').select('details').where('entityId', '=', c.id).where('action', '=', 'transitCase.screened').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain('trafficking');
  });

  it('a re-screening by a role that cannot see sensitive flags keeps them; a cleared role may remove them', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    await post(team.officer.token, `/transit-cases/${c.id}/screenings`, { flags: ['gbv_survivor'] });
    const again = await post(team.caseworker.token, `/transit-cases/${c.id}/screenings`, { flags: ['pregnant'] });
    expect(again.json()).toMatchObject({ sequence: 2, flags: ['pregnant'], priority: 'high' });
    expect((await get(team.officer.token, `/transit-cases/${c.id}/screenings`)).json().items[0]).toMatchObject({ sequence: 2, sensitiveFlags: ['gbv_survivor'] });
    const cleared = await post(team.officer.token, `/transit-cases/${c.id}/screenings`, { flags: ['pregnant'] });
    expect(cleared.json()).toMatchObject({ sequence: 3, sensitiveFlags: [], priority: 'medium' });
  });

  it('screenings are versioned newest first and each one resets the case priority', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    await post(team.caseworker.token, `/transit-cases/${c.id}/screenings`, { flags: ['elderly'] });
    const second = await post(team.caseworker.token, `/transit-cases/${c.id}/screenings`, { flags: [] });
    expect(second.json()).toMatchObject({ sequence: 2, priority: 'low', priorityBecause: 'none' });
    const list = (await get(team.caseworker.token, `/transit-cases/${c.id}/screenings`)).json().items;
    expect(list.map((s: { sequence: number; priority: string }) => [s.sequence, s.priority])).toEqual([[2, 'low'], [1, 'medium']]);
    expect((await get(team.caseworker.token, `/transit-cases/${c.id}`)).json()).toMatchObject({ priority: 'low', version: 3 });
  });

  it('rejects a future screening date naming the field, and writes nothing', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const res = await post(team.caseworker.token, `/transit-cases/${c.id}/screenings`, { flags: ['elderly'], screenedOn: '2999-01-01' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toEqual({ screenedOn: 'must not be in the future' });
    expect(await h.database.db.selectFrom('screenings').select('id').where('transitCaseId', '=', c.id).execute()).toEqual([]);
  });

  it('derives priority by the configured rules', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    // Settings are shared by parallel test files; this rule only touches a flag no other test relies on for medium.
    const key = 'protection.priority_rules';
    const before = await h.database.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    await putSetting(h.database.db, key, { high: ['unaccompanied_child', 'separated_child', 'victim_of_trafficking', 'gbv_survivor', 'single_parent'] }, null);
    try {
      const res = await post(team.caseworker.token, `/transit-cases/${c.id}/screenings`, { flags: ['single_parent'] });
      expect(res.json()).toMatchObject({ priority: 'high', priorityBecause: 'flag:single_parent' });
    } finally {
      if (before) await putSetting(h.database.db, key, before.value, null);
      else await h.database.db.deleteFrom('settings').where('key', '=', key).execute();
    }
  });
});

describe('services and notes', () => {
  it('records services with quantity and cost; a future date is 400 naming the field', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const res = await post(team.caseworker.token, `/transit-cases/${c.id}/services`, { type: 'medical_consultation', date: '2025-03-04', quantity: 2, provider: 'CSCOM Gao', costXof: 15000 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ type: 'medical_consultation', quantity: 2, costXof: 15000, provider: 'CSCOM Gao', recordedBy: expect.stringContaining('Test') });
    const future = await post(team.caseworker.token, `/transit-cases/${c.id}/services`, { type: 'food', date: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(errorOf(future).fields).toEqual({ date: 'must not be in the future' });
    const page = (await get(team.caseworker.token, `/transit-cases/${c.id}`)).json();
    expect(page.services).toHaveLength(1);
    expect(page.history[0]).toMatchObject({ action: 'service_added', details: { type: 'medical_consultation', quantity: 2 } });
  });

  it('a note flagged sensitive is read only by roles cleared for sensitive data', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    expect((await post(team.officer.token, `/transit-cases/${c.id}/notes`, { body: 'GBV disclosure, referred to health', sensitive: true })).statusCode).toBe(201);
    expect((await post(team.caseworker.token, `/transit-cases/${c.id}/notes`, { body: 'Asked for a call to family' })).statusCode).toBe(201);
    const worker = (await get(team.caseworker.token, `/transit-cases/${c.id}`)).json();
    expect(worker.notes.map((n: { body: string }) => n.body)).toEqual(['Asked for a call to family']);
    const officer = (await get(team.officer.token, `/transit-cases/${c.id}`)).json();
    expect(officer.notes.map((n: { sensitive: boolean }) => n.sensitive).sort()).toEqual([false, true]);
  });
});
