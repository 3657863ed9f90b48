import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, type Harness } from '../../../test/harness';
import { addDays, today } from './protection.common';
import { openCase, protectionTeam } from './test-people';

let h: Harness;
let team: Awaited<ReturnType<typeof protectionTeam>>;
beforeAll(async () => {
  h = await createHarness();
  team = await protectionTeam(h, 3);
});
afterAll(() => h.close());

const post = async (token: string, url: string, payload: unknown = {}) => {
  const res = await h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload: payload as object });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

describe('site dashboard', () => {
  it('counts exactly the rows of the site', async () => {
    const t = today();
    const token = team.caseworker.token;
    const [a, b, c, d] = [await openCase(h, team.caseworker, team.site.id), await openCase(h, team.caseworker, team.site.id), await openCase(h, team.caseworker, team.site.id), await openCase(h, team.caseworker, team.site.id)];
    await post(token, `/transit-cases/${a.id}/screenings`, { flags: ['unaccompanied_child'] });
    await post(token, `/transit-cases/${b.id}/screenings`, { flags: ['elderly'] });
    await post(token, `/transit-cases/${d.id}/screenings`, { flags: ['separated_child'] });
    await post(token, `/transit-cases/${d.id}/transitions`, { to: 'closed', closureReason: 'returned_home' });
    // Tonight: a and b arrived today, c left this morning after arriving yesterday.
    await post(token, `/transit-cases/${a.id}/stays`, { checkIn: t });
    await post(token, `/transit-cases/${b.id}/stays`, { checkIn: t });
    const stay = await post(token, `/transit-cases/${c.id}/stays`, { checkIn: addDays(t, -1) });
    await post(token, `/stays/${stay.id}/check-out`, { checkOut: t });
    // Referrals: one overdue, one open on time, one completed.
    await post(token, `/transit-cases/${a.id}/referrals`, { kind: 'internal', service: 'avr', referredOn: addDays(t, -10), dueDate: addDays(t, -2) });
    await post(token, `/transit-cases/${b.id}/referrals`, { kind: 'internal', service: 'medical' });
    const done = await post(token, `/transit-cases/${c.id}/referrals`, { kind: 'internal', service: 'legal', referredOn: addDays(t, -10), dueDate: addDays(t, -5) });
    const officer = team.officer.token;
    const respond = (version: number, status: string) =>
      h.app.inject({ method: 'POST', url: `/api/v1/referrals/${done.id}/respond`, headers: { ...bearer(officer), 'if-match': String(version) }, payload: { status } });
    expect((await respond(1, 'accepted')).statusCode).toBe(200);
    expect((await respond(2, 'completed')).statusCode).toBe(200);
    // Tasks: one overdue, one awaiting approval, one due later.
    await post(token, `/transit-cases/${a.id}/tasks`, { kind: 'follow_up', title: 'late', dueDate: addDays(t, -1) });
    const bid = await post(token, `/transit-cases/${a.id}/tasks`, { kind: 'best_interest_determination', title: 'BID', dueDate: addDays(t, 5) });
    await post(token, `/tasks/${bid.id}/complete`);
    await post(token, `/transit-cases/${b.id}/tasks`, { kind: 'other', title: 'later', dueDate: addDays(t, 5) });

    const res = await h.app.inject({ method: 'GET', url: '/api/v1/protection/dashboard', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board).toMatchObject({
      siteId: team.site.id,
      date: t,
      capacity: 3,
      occupiedTonight: 2,
      arrivalsToday: 2,
      openCases: 3,
      highPriorityCases: 1,
      openReferrals: 2,
      overdueReferrals: 1,
      overdueTasks: 1,
      awaitingApproval: 1,
    });
    expect(board.occupancy).toHaveLength(14);
    expect(board.occupancy.slice(-2)).toEqual([
      { night: addDays(t, -1), occupied: 1, overCapacity: false },
      { night: t, occupied: 2, overCapacity: false },
    ]);
    const yesterday = (await h.app.inject({ method: 'GET', url: `/api/v1/protection/dashboard?siteId=${team.site.id}&date=${addDays(t, -1)}`, headers: bearer(officer) })).json();
    expect(yesterday).toMatchObject({ occupiedTonight: 1, arrivalsToday: 1 });
  });

  it('a user without a site must name one', async () => {
    const roaming = await h.userWith({ permissions: ['transitCase.read'], scope: 'organisation' });
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/protection/dashboard', headers: bearer(roaming.token) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('siteId');
  });
});
