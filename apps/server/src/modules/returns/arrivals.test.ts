import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../../../test/harness';
import { makePerson } from '../protection/test-people';
import { bookedReturn, call, daysFromToday, ok, returnsTeam, type ReturnsTeam } from './test-returns';

let h: Harness;
let team: ReturnsTeam;
beforeAll(async () => {
  h = await createHarness();
  team = await returnsTeam(h);
});
afterAll(() => h.close());

interface ArrivalJson {
  id: string;
  reintegrationCaseId: string | null;
  reintegrationCaseNumber: string | null;
  assistance: { type: string; amountXof: number | null }[];
  vulnerable: boolean;
  referralNeeds: string[];
}

const spontaneous = (personId: string, extra: Record<string, unknown> = {}) =>
  call(h, team.officer, 'POST', '/arrivals', { personId, siteId: team.site.id, arrivedOn: daysFromToday(0), fromCountry: 'DZA', destinationPcode: 'ML0401', ...extra });

describe('the arrival desk', () => {
  it('lists the inbound movements expected at the site today and the departed ones overdue', async () => {
    const c = await bookedReturn(h, team);
    const today = await ok(h, team.officer, 'POST', '/movements', { kind: 'bus_convoy', direction: 'inbound', departureDate: daysFromToday(-1), arrivalDate: daysFromToday(0), seats: 5, receptionSiteId: team.site.id, legs: [{ from: 'Niamey', to: 'Gao', departAt: daysFromToday(-1) }] });
    await ok(h, team.officer, 'POST', `/movements/${today.id}/passengers`, { returnCaseId: c.id });
    const late = await ok(h, team.officer, 'POST', '/movements', { kind: 'bus_convoy', direction: 'inbound', departureDate: daysFromToday(-5), arrivalDate: daysFromToday(-3), seats: 5, receptionSiteId: team.site.id, legs: [{ from: 'Niamey', to: 'Gao', departAt: daysFromToday(-5) }] });
    const d = await bookedReturn(h, team);
    await ok(h, team.officer, 'POST', `/movements/${late.id}/passengers`, { returnCaseId: d.id });
    await ok(h, team.officer, 'POST', `/movements/${late.id}/departure`, { departedOn: daysFromToday(-5), passengers: [{ returnCaseId: d.id, status: 'departed' }] });
    const expected = await ok<{ items: { movementId: string; overdue: boolean; passengers: { returnCaseId: string }[] }[] }>(h, team.officer, 'GET', `/arrivals/expected?siteId=${team.site.id}`);
    expect(expected.items.map((i) => [i.movementId, i.overdue, i.passengers.map((p) => p.returnCaseId)])).toEqual([
      [late.id, true, [d.id]],
      [today.id, false, [c.id]],
    ]);
  });

  it('records a spontaneous arrival and opens its reintegration case once, even when the request is replayed', async () => {
    const personId = await makePerson(h, team.site.id);
    const id = crypto.randomUUID();
    const res = await spontaneous(personId, { id, vulnerable: true, referralNeeds: ['medical', 'family_tracing'], note: 'arrivé par camion' });
    expect(res.statusCode).toBe(201);
    const a = res.json() as ArrivalJson;
    expect(a).toMatchObject({ id, vulnerable: true, referralNeeds: ['medical', 'family_tracing'] });
    expect(a.reintegrationCaseId).toEqual(expect.any(String));
    const replay = (await spontaneous(personId, { id })).json() as ArrivalJson;
    expect(replay.reintegrationCaseId).toBe(a.reintegrationCaseId);
    const ri = await h.database.db.selectFrom('reintegrationCases').select(['id', 'regionPcode', 'status']).where('personId', '=', personId).execute();
    expect(ri).toEqual([{ id: a.reintegrationCaseId, regionPcode: 'ML04', status: 'eligible' }]);
    const number = await h.database.db.selectFrom('reintegrationCases').select('caseNumber').where('personId', '=', personId).executeTakeFirstOrThrow();
    expect(a.reintegrationCaseNumber).toBe(number.caseNumber);
    const read = await ok<ArrivalJson>(h, team.officer, 'GET', `/arrivals/${a.id}`);
    expect(read.id).toBe(a.id);
    // The return officer may not open reintegration cases, yet sees which one was opened.
    expect(read.reintegrationCaseNumber).toBe(number.caseNumber);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', a.id).execute();
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['arrival.create', 'arrival.read']));
    const list = await ok<{ items: { id: string }[] }>(h, team.officer, 'GET', `/arrivals?siteId=${team.site.id}&vulnerable=true&from=${daysFromToday(0)}&limit=500`);
    expect(list.items.map((x) => x.id)).toContain(a.id);
    const notVulnerable = await ok<{ items: { id: string }[] }>(h, team.officer, 'GET', `/arrivals?siteId=${team.site.id}&vulnerable=false&limit=500`);
    expect(notVulnerable.items.map((x) => x.id)).not.toContain(a.id);
  });

  it('refuses bad arrivals with the field named', async () => {
    const personId = await makePerson(h, team.site.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ fromCountry: 'MLI' }, 'fromCountry'],
      [{ destinationPcode: 'ML9999' }, 'destinationPcode'],
      [{ arrivedOn: '2999-01-01' }, 'arrivedOn'],
      [{ siteId: '01900000-0000-7000-8000-000000000000' }, 'siteId'],
    ];
    for (const [extra, field] of cases) {
      const res = await spontaneous(personId, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
    }
    expect(await h.database.db.selectFrom('arrivals').select('id').where('personId', '=', personId).execute()).toEqual([]);
  });

  it('records assistance: cash on arrival defaults to the setting, amounts are non-negative integers, never before the arrival', async () => {
    const personId = await makePerson(h, team.site.id);
    const a = (await spontaneous(personId, { arrivedOn: daysFromToday(-2) })).json() as ArrivalJson;
    const cash = await ok<ArrivalJson>(h, team.officer, 'POST', `/arrivals/${a.id}/assistance`, { type: 'cash_on_arrival', givenOn: daysFromToday(-2) });
    expect(cash.assistance).toMatchObject([{ type: 'cash_on_arrival', amountXof: 52000 }]);
    expect(await ok(h, team.officer, 'GET', '/returns/settings')).toEqual({ cashOnArrivalXof: 52000 });
    await h.database.db.insertInto('settings').values({ key: 'returns.cash_on_arrival_xof', value: JSON.stringify(60000), updatedBy: null }).execute();
    try {
      // The desk prefills what the settings route says: the configured amount, not a constant of the screen.
      expect(await ok(h, team.officer, 'GET', '/returns/settings')).toEqual({ cashOnArrivalXof: 60000 });
      const more = await ok<ArrivalJson>(h, team.officer, 'POST', `/arrivals/${a.id}/assistance`, { type: 'cash_on_arrival', givenOn: daysFromToday(-1) });
      expect(more.assistance.map((x) => x.amountXof)).toEqual([52000, 60000]);
    } finally {
      await h.database.db.deleteFrom('settings').where('key', '=', 'returns.cash_on_arrival_xof').execute();
    }
    const food = await ok<ArrivalJson>(h, team.officer, 'POST', `/arrivals/${a.id}/assistance`, { type: 'food', givenOn: daysFromToday(-1), quantity: 2 });
    expect(food.assistance.map((x) => x.type)).toEqual(['cash_on_arrival', 'cash_on_arrival', 'food']);
    const before = await call(h, team.officer, 'POST', `/arrivals/${a.id}/assistance`, { type: 'food', givenOn: daysFromToday(-3) });
    expect(errorOf(before).fields).toHaveProperty('givenOn');
    expect((await call(h, team.officer, 'POST', `/arrivals/${a.id}/assistance`, { type: 'cash_on_arrival', givenOn: daysFromToday(0), amountXof: -5 })).statusCode).toBe(400);
    expect((await call(h, team.officer, 'POST', `/arrivals/${a.id}/assistance`, { type: 'cash_on_arrival', givenOn: daysFromToday(0), amountXof: 10.5 })).statusCode).toBe(400);
  });
});

describe('a failed multi-row request writes nothing', () => {
  it('a departure refused on its second passenger leaves the movement and the first passenger untouched', async () => {
    const [a, b] = [await bookedReturn(h, team), await bookedReturn(h, team)];
    const m = await ok(h, team.officer, 'POST', '/movements', { kind: 'bus_convoy', direction: 'inbound', departureDate: daysFromToday(-1), seats: 5, receptionSiteId: team.site.id, legs: [{ from: 'Niamey', to: 'Gao', departAt: daysFromToday(-1) }] });
    await ok(h, team.officer, 'POST', `/movements/${m.id}/passengers`, { returnCaseId: a.id });
    await ok(h, team.officer, 'POST', `/movements/${m.id}/passengers`, { returnCaseId: b.id });
    // Simulate a case moved behind the movement's back (e.g. an edit on another server) so the refusal comes mid-way.
    await h.database.db.updateTable('returnCases').set({ status: 'fit_to_travel' }).where('id', '=', b.id).execute();
    const res = await call(h, team.officer, 'POST', `/movements/${m.id}/departure`, { departedOn: daysFromToday(-1), passengers: [{ returnCaseId: a.id, status: 'departed' }, { returnCaseId: b.id, status: 'departed' }] });
    expect(res.statusCode).toBe(409);
    const movement = await ok<{ status: string; passengers: { departureStatus: string }[] }>(h, team.officer, 'GET', `/movements/${m.id}`);
    expect(movement.status).toBe('planned');
    expect(movement.passengers.map((p) => p.departureStatus)).toEqual(['expected', 'expected']);
    expect((await ok(h, team.officer, 'GET', `/returns/${a.id}`)).status).toBe('booked');
    const events = await h.database.db.selectFrom('returnCaseEvents').select('id').where('returnCaseId', '=', a.id).where('toStatus', '=', 'departed').execute();
    expect(events).toEqual([]);
  });
});

describe('the dashboard', () => {
  it('counts departures by month and direction and arrivals by region, within the dates', async () => {
    const c = await bookedReturn(h, team);
    const m = await ok(h, team.officer, 'POST', '/movements', { kind: 'bus_convoy', direction: 'inbound', departureDate: daysFromToday(-1), seats: 5, receptionSiteId: team.site.id, legs: [{ from: 'Niamey', to: 'Gao', departAt: daysFromToday(-1) }] });
    await ok(h, team.officer, 'POST', `/movements/${m.id}/passengers`, { returnCaseId: c.id });
    const window = `from=${daysFromToday(-1)}&to=${daysFromToday(0)}`;
    const before = await ok<{ departedByMonth: { month: string; inbound: number }[]; arrivalsByRegion: { pcode: string; count: number }[] }>(h, team.officer, 'GET', `/returns/dashboard?${window}`);
    await ok(h, team.officer, 'POST', `/movements/${m.id}/departure`, { departedOn: daysFromToday(-1), passengers: [{ returnCaseId: c.id, status: 'departed' }] });
    await ok(h, team.officer, 'POST', `/movements/${m.id}/arrival`, { arrivedOn: daysFromToday(0) });
    const after = await ok<typeof before & { byStatus: { status: string; count: number }[]; byDirection: { direction: string; count: number }[] }>(h, team.officer, 'GET', `/returns/dashboard?${window}`);
    const month = new Date().toISOString().slice(0, 7);
    const inbound = (d: typeof before) => d.departedByMonth.find((x) => x.month === month)?.inbound ?? 0;
    expect(inbound(after)).toBe(inbound(before) + 1);
    const ml01 = (d: typeof before) => d.arrivalsByRegion.find((x) => x.pcode === 'ML01')?.count ?? 0;
    expect(ml01(after)).toBe(ml01(before) + 1);
    expect(after.byStatus).toHaveLength(16);
    expect(after.byDirection.map((x) => x.direction)).toEqual(['inbound', 'outbound']);
    expect((await call(h, team.officer, 'GET', '/returns/dashboard?from=2025-02-01&to=2025-01-01')).statusCode).toBe(400);
  });
});
