import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { addDays, today } from './protection.common';
import { openCase, protectionTeam } from './test-people';

let h: Harness;
let team: Awaited<ReturnType<typeof protectionTeam>>;
beforeAll(async () => {
  h = await createHarness();
  team = await protectionTeam(h, 1);
});
afterAll(() => h.close());

const post = (token: string, url: string, payload: unknown) => h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload: payload as object });
const get = (token: string, url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });

describe('stays and occupancy', () => {
  it('warns when a check-in takes the site over capacity, refuses check-out before check-in, and counts the nights', async () => {
    const a = await openCase(h, team.caseworker, team.site.id);
    const b = await openCase(h, team.caseworker, team.site.id);
    const first = await post(team.caseworker.token, `/transit-cases/${a.id}/stays`, { checkIn: '2025-03-02', bed: 'A1' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).not.toHaveProperty('overCapacity');
    const second = await post(team.caseworker.token, `/transit-cases/${b.id}/stays`, { checkIn: '2025-03-03' });
    expect(second.statusCode).toBe(201);
    expect(second.json().overCapacity).toEqual({ occupied: 2, capacity: 1 });
    const again = await post(team.caseworker.token, `/transit-cases/${b.id}/stays`, { checkIn: '2025-03-04' });
    expect(again.statusCode).toBe(409);

    const early = await post(team.caseworker.token, `/stays/${first.json().id}/check-out`, { checkOut: '2025-03-01' });
    expect(early.statusCode).toBe(400);
    expect(Object.keys(errorOf(early).fields ?? {})).toEqual(['checkOut']);
    const out = await post(team.caseworker.token, `/stays/${first.json().id}/check-out`, { checkOut: '2025-03-05' });
    expect(out.json()).toMatchObject({ checkOut: '2025-03-05', nights: 3, version: 2 });
    expect((await post(team.caseworker.token, `/stays/${first.json().id}/check-out`, { checkOut: '2025-03-06' })).statusCode).toBe(409);
    await post(team.caseworker.token, `/stays/${second.json().id}/check-out`, { checkOut: '2025-03-04' });

    const occupancy = (await get(team.caseworker.token, `/sites/${team.site.id}/occupancy?from=2025-03-01&to=2025-03-05`)).json();
    expect(occupancy).toEqual({
      siteId: team.site.id,
      capacity: 1,
      nights: [
        { night: '2025-03-01', occupied: 0, overCapacity: false },
        { night: '2025-03-02', occupied: 1, overCapacity: false },
        { night: '2025-03-03', occupied: 2, overCapacity: true },
        { night: '2025-03-04', occupied: 1, overCapacity: false },
        { night: '2025-03-05', occupied: 0, overCapacity: false },
      ],
    });
    const page = (await get(team.caseworker.token, `/transit-cases/${a.id}`)).json();
    expect(page.stays).toHaveLength(1);
    expect(page.history.slice(0, 2).map((e: { action: string }) => e.action)).toEqual(['checked_out', 'checked_in']);
  });

  it('refuses a future check-in and a reversed range, naming the field', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const future = await post(team.caseworker.token, `/transit-cases/${c.id}/stays`, { checkIn: addDays(today(), 2) });
    expect(errorOf(future).fields).toEqual({ checkIn: 'must not be in the future' });
    const reversed = await post(team.caseworker.token, `/transit-cases/${c.id}/stays`, { checkIn: '2025-03-05', checkOut: '2025-03-04' });
    expect(Object.keys(errorOf(reversed).fields ?? {})).toEqual(['checkOut']);
    const range = await get(team.caseworker.token, `/sites/${team.site.id}/occupancy?from=2025-03-05&to=2025-03-01`);
    expect(range.statusCode).toBe(400);
    expect(await h.database.db.selectFrom('stays').select('id').where('transitCaseId', '=', c.id).execute()).toEqual([]);
  });
});
