import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, unique, type Harness } from '../../../test/harness';
import { makePerson, makeSite, openCase, protectionTeam } from './test-people';

let h: Harness;
let team: Awaited<ReturnType<typeof protectionTeam>>;
beforeAll(async () => {
  h = await createHarness();
  team = await protectionTeam(h);
});
afterAll(() => h.close());

const post = (token: string, url: string, payload: unknown) => h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload: payload as object });
const get = (token: string, url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });

describe('opening a transit case', () => {
  it('opens a case at the caller’s site, numbered in the site’s TC series, assigned to the caller, with history and audit', async () => {
    const personId = await makePerson(h, team.site.id);
    const res = await post(team.caseworker.token, '/transit-cases', { personId, openedOn: '2025-04-10' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.caseNumber).toMatch(/^ML-[A-Z]{4}-TC-2025-\d{6}$/);
    expect(c).toMatchObject({ status: 'open', priority: null, siteId: team.site.id, assignedTo: team.caseworker.id, openedOn: '2025-04-10', version: 1 });
    expect(c.person.id).toBe(personId);
    expect(c.history.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(c.abilities).toEqual({ update: true, nextStatuses: ['active', 'closed'], addServices: true, refer: true, approve: false });
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['transitCase.create']);
  });

  it('a second case of the same site takes the next number', async () => {
    const a = await openCase(h, team.caseworker, team.site.id, '2025-05-01');
    const b = await openCase(h, team.caseworker, team.site.id, '2025-05-01');
    const seq = (n: string) => Number(n.slice(-6));
    expect(seq(b.caseNumber)).toBe(seq(a.caseNumber) + 1);
  });

  it('refuses a merged person (422), an unknown or out-of-scope person (404) and a future opening date (400)', async () => {
    const merged = await makePerson(h, team.site.id, { status: 'merged' });
    const m = await post(team.caseworker.token, '/transit-cases', { personId: merged, openedOn: '2025-04-10' });
    expect(m.statusCode).toBe(422);
    expect(errorOf(m).fields).toHaveProperty('personId');
    const elsewhere = await makeSite(h);
    const outside = await makePerson(h, elsewhere.id);
    expect((await post(team.caseworker.token, '/transit-cases', { personId: outside, openedOn: '2025-04-10' })).statusCode).toBe(404);
    expect((await post(team.caseworker.token, '/transit-cases', { personId: '01900000-0000-7000-8000-000000000000', openedOn: '2025-04-10' })).statusCode).toBe(404);
    const person = await makePerson(h, team.site.id);
    const future = await post(team.caseworker.token, '/transit-cases', { personId: person, openedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(errorOf(future).fields).toEqual({ openedOn: 'must not be in the future' });
    const count = await h.database.db.selectFrom('transitCases').select('id').where('personId', 'in', [merged, person]).execute();
    expect(count).toEqual([]);
  });

  it('a site caseworker cannot open a case at another site', async () => {
    const other = await makeSite(h);
    const person = await makePerson(h, team.site.id);
    const res = await post(team.caseworker.token, '/transit-cases', { personId: person, openedOn: '2025-04-10', siteId: other.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toHaveProperty('siteId');
  });
});

describe('the caseload', () => {
  it('lists the cases in scope with filters, search and paging', async () => {
    const mine = await openCase(h, team.caseworker, team.site.id, '2025-06-01');
    const theirs = await openCase(h, team.colleague, team.site.id, '2025-06-02');
    const page = await get(team.caseworker.token, `/transit-cases?assignedTo=me&siteId=${team.site.id}&limit=100`);
    expect(page.statusCode).toBe(200);
    const ids = page.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const person = (await get(team.caseworker.token, `/transit-cases/${theirs.id}`)).json().person;
    const found = (await get(team.caseworker.token, `/transit-cases?q=${encodeURIComponent(person.familyName)}`)).json().items;
    expect(found.map((c: { id: string }) => c.id)).toEqual([theirs.id]);
    expect(found[0]).toMatchObject({ openTasks: 0, overdueTasks: 0, siteId: team.site.id, status: 'open' });
    const accented = await makePerson(h, team.site.id, { givenName: unique('Aïssata'), familyName: unique('Touré') });
    const opened = (await post(team.caseworker.token, '/transit-cases', { personId: accented, openedOn: '2025-06-03' })).json();
    const plain = encodeURIComponent(`aissata${opened.person.givenName.slice(7)}`);
    expect((await get(team.caseworker.token, `/transit-cases?q=${plain}`)).json().items.map((c: { id: string }) => c.id)).toEqual([opened.id]);
    const first = (await get(team.caseworker.token, `/transit-cases?siteId=${team.site.id}&limit=1`)).json();
    expect(first.items).toHaveLength(1);
    const second = (await get(team.caseworker.token, `/transit-cases?siteId=${team.site.id}&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.items[0].openedOn <= first.items[0].openedOn).toBe(true);
  });

  it('a caseworker of another site sees none of them', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const other = await makeSite(h);
    const stranger = await h.userWith({ permissions: ['transitCase.read'], scope: 'site', site: other.code });
    expect((await get(stranger.token, `/transit-cases/${c.id}`)).statusCode).toBe(404);
    expect((await get(stranger.token, `/transit-cases?personId=${c.person.id}`)).json().items).toEqual([]);
  });

  it('reading a case is audited', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    await get(team.officer.token, `/transit-cases/${c.id}`);
    const reads = await h.database.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', c.id).where('action', '=', 'transitCase.read').execute();
    expect(reads).toEqual([{ action: 'transitCase.read', actorId: team.officer.id }]);
  });
});

describe('assignment, workflow and transfer', () => {
  it('concurrent assignments at the same version: exactly one wins, the other is 412', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const patch = (to: string) => h.app.inject({ method: 'PATCH', url: `/api/v1/transit-cases/${c.id}`, headers: { ...bearer(team.caseworker.token), 'if-match': '1' }, payload: { assignedTo: to } });
    const results = await Promise.all([patch(team.colleague.id), patch(team.officer.id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const after = (await get(team.caseworker.token, `/transit-cases/${c.id}`)).json();
    expect(after.version).toBe(2);
    expect(after.history.filter((e: { action: string }) => e.action === 'assigned')).toHaveLength(1);
    const missing = await h.app.inject({ method: 'PATCH', url: `/api/v1/transit-cases/${c.id}`, headers: bearer(team.caseworker.token), payload: { assignedTo: null } });
    expect(missing.statusCode).toBe(428);
  });

  it('follows the workflow: forbidden moves are 409 naming the allowed ones, closing needs a reason, a closed case takes no services', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const wrong = await post(team.caseworker.token, `/transit-cases/${c.id}/transitions`, { to: 'referred' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.details).toEqual({ allowed: ['active', 'closed'] });
    expect((await post(team.caseworker.token, `/transit-cases/${c.id}/transitions`, { to: 'active' })).json().status).toBe('active');
    const noReason = await post(team.caseworker.token, `/transit-cases/${c.id}/transitions`, { to: 'closed' });
    expect(noReason.statusCode).toBe(422);
    expect(errorOf(noReason).fields).toHaveProperty('closureReason');
    const closed = await post(team.caseworker.token, `/transit-cases/${c.id}/transitions`, { to: 'closed', closureReason: 'continued_journey', on: '2025-03-05' });
    expect(closed.json()).toMatchObject({ status: 'closed', closureReason: 'continued_journey', closedOn: '2025-03-05', abilities: { nextStatuses: ['active'], addServices: false } });
    const service = await post(team.caseworker.token, `/transit-cases/${c.id}/services`, { type: 'food', date: '2025-03-05' });
    expect(service.statusCode).toBe(409);
    expect(errorOf(service).code).toBe('case_closed');
    const reopened = (await post(team.caseworker.token, `/transit-cases/${c.id}/transitions`, { to: 'active' })).json();
    expect(reopened).toMatchObject({ status: 'active', closureReason: null, closedOn: null });
  });

  it('a transfer moves the case to another site and out of the site caseworker’s reach', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const other = await makeSite(h);
    const res = await post(team.officer.token, `/transit-cases/${c.id}/transfer`, { siteId: other.id, note: 'closer to the family' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ siteId: other.id, assignedTo: null });
    expect(res.json().history[0]).toMatchObject({ action: 'transferred', details: { fromSiteId: team.site.id, toSiteId: other.id } });
    expect((await get(team.caseworker.token, `/transit-cases/${c.id}`)).statusCode).toBe(404);
    const same = await post(team.officer.token, `/transit-cases/${c.id}/transfer`, { siteId: other.id });
    expect(errorOf(same).fields).toHaveProperty('siteId');
  });
});
