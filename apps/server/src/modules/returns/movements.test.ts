import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../../../test/harness';
import { makePerson } from '../protection/test-people';
import { bookedReturn, call, daysFromToday, ok, openReturn, returnsTeam, type ReturnsTeam } from './test-returns';

let h: Harness;
let team: ReturnsTeam;
beforeAll(async () => {
  h = await createHarness();
  team = await returnsTeam(h);
});
afterAll(() => h.close());

interface MovementJson {
  id: string;
  reference: string;
  status: string;
  version: number;
  seatsTaken: number;
  passengers: { returnCaseId: string; seats: number; departureStatus: string; noShowReason: string | null; arrived: boolean; members: unknown[] }[];
  abilities: Record<string, boolean>;
}

const yesterday = () => daysFromToday(-1);

async function planMovement(extra: Record<string, unknown> = {}) {
  return ok<MovementJson>(h, team.officer, 'POST', '/movements', {
    kind: 'bus_convoy', direction: 'inbound', departureDate: yesterday(), arrivalDate: daysFromToday(0), carrier: 'Sonef', seats: 40, receptionSiteId: team.site.id,
    legs: [{ from: 'Niamey', to: 'Gao', departAt: yesterday(), carrierRef: 'BUS-12' }], escorts: [{ name: 'Mariam Touré', role: 'medical' }], ...extra,
  });
}
const board = (m: { id: string }, returnCaseId: string) => call(h, team.officer, 'POST', `/movements/${m.id}/passengers`, { returnCaseId });

describe('planning a movement', () => {
  it('generates a yearly reference, lists and reads it', async () => {
    const m = await planMovement();
    expect(m.reference).toMatch(new RegExp(`^MV-${yesterday().slice(0, 4)}-\\d{4}$`));
    expect(m).toMatchObject({ status: 'planned', seatsTaken: 0, passengers: [], abilities: { update: true, addPassengers: true, confirmDeparture: false, confirmArrival: false } });
    const next = await planMovement();
    expect(Number(next.reference.slice(-4))).toBe(Number(m.reference.slice(-4)) + 1);
    const list = await ok<{ items: { id: string }[] }>(h, team.officer, 'GET', `/movements?status=planned&direction=inbound&from=${yesterday()}&limit=500`);
    expect(list.items.map((i) => i.id)).toEqual(expect.arrayContaining([m.id, next.id]));
    expect((await call(h, team.officer, 'POST', '/movements', { kind: 'bus_convoy', direction: 'inbound', departureDate: '2025-01-02', seats: 10, legs: [{ from: 'A', to: 'B', departAt: '2025-01-02' }], reference: m.reference })).statusCode).toBe(409);
    const bad = await call(h, team.officer, 'POST', '/movements', { kind: 'bus_convoy', direction: 'outbound', departureDate: '2025-01-02', seats: 10, legs: [{ from: 'A', to: 'B', departAt: '2025-01-02' }], receptionSiteId: team.site.id });
    expect(errorOf(bad).fields).toHaveProperty('receptionSiteId');
    expect((await call(h, team.officer, 'POST', '/movements', { kind: 'bus_convoy', direction: 'inbound', departureDate: '2025-01-02', seats: 1001, legs: [{ from: 'A', to: 'B', departAt: '2025-01-02' }] })).statusCode).toBe(400);
  });

  it('a planned movement changes at its version; concurrent PATCHes give exactly one 412', async () => {
    const m = await planMovement();
    const results = await Promise.all([call(h, team.officer, 'PATCH', `/movements/${m.id}`, { carrier: 'Rimbo' }, { 'if-match': '1' }), call(h, team.officer, 'PATCH', `/movements/${m.id}`, { carrier: 'STM' }, { 'if-match': '1' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
  });
});

describe('passengers', () => {
  it('boards a booked case with its members; refuses it twice, on another movement, and cases not booked', async () => {
    const member = await makePerson(h, team.site.id);
    const c = await bookedReturn(h, team, { members: [{ personId: member, relationship: 'child' }] });
    const m = await planMovement();
    const res = await board(m, c.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ seatsTaken: 2, passengers: [{ returnCaseId: c.id, seats: 2, departureStatus: 'expected', arrived: false }] });
    const twice = await board(m, c.id);
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).message).toContain(`already on movement ${m.reference}`);
    const other = await planMovement();
    expect((await board(other, c.id)).statusCode).toBe(409);
    expect((await ok(h, team.officer, 'GET', `/returns/${c.id}`)).movement).toMatchObject({ id: m.id, reference: m.reference });
    const early = await openReturn(h, team);
    const notBooked = await board(m, early.id);
    expect(notBooked.statusCode).toBe(409);
    expect(errorOf(notBooked).fields).toHaveProperty('returnCaseId');
  });

  it('refuses more travellers than seats (422 naming seats), another direction, and an expired travel document', async () => {
    const member = await makePerson(h, team.site.id);
    const family = await bookedReturn(h, team, { members: [{ personId: member, relationship: 'spouse' }] });
    const small = await planMovement({ seats: 2 });
    const single = await bookedReturn(h, team);
    expect((await board(small, single.id)).statusCode).toBe(200);
    const full = await board(small, family.id);
    expect(full.statusCode).toBe(422);
    expect(Object.keys(errorOf(full).fields ?? {})).toEqual(['seats']);
    const outbound = await ok<MovementJson>(h, team.officer, 'POST', '/movements', { kind: 'commercial_flight', direction: 'outbound', departureDate: yesterday(), seats: 10, legs: [{ from: 'Bamako', to: 'Conakry', departAt: yesterday() }] });
    const wrong = await board(outbound, family.id);
    expect(wrong.statusCode).toBe(422);
    expect(errorOf(wrong).fields).toHaveProperty('returnCaseId');
    // A document valid today (so the case could be booked) but expired by the movement's date.
    const soon = await bookedReturn(h, team, {}, daysFromToday(5));
    const later = await planMovement({ departureDate: daysFromToday(10), arrivalDate: daysFromToday(11), legs: [{ from: 'Niamey', to: 'Gao', departAt: daysFromToday(10) }] });
    const expired = await board(later, soon.id);
    expect(expired.statusCode).toBe(422);
    expect(errorOf(expired).fields).toHaveProperty('travelDocuments');
    expect((await ok<MovementJson>(h, team.officer, 'GET', `/movements/${small.id}`)).seatsTaken).toBe(1);
    const shrink = await call(h, team.officer, 'PATCH', `/movements/${small.id}`, { seats: 1 }, { 'if-match': String((await ok<MovementJson>(h, team.officer, 'GET', `/movements/${small.id}`)).version) });
    expect(shrink.statusCode).toBe(200);
    const tooSmall = await call(h, team.officer, 'PATCH', `/movements/${small.id}`, { seats: 1, departureDate: daysFromToday(400), arrivalDate: daysFromToday(401) }, { 'if-match': String(shrink.json().version) });
    expect(tooSmall.statusCode).toBe(422);
    expect(errorOf(tooSmall).fields).toHaveProperty('departureDate');
  });

  it('concurrent boardings never exceed the seats', async () => {
    const cases = [await bookedReturn(h, team), await bookedReturn(h, team), await bookedReturn(h, team)];
    const m = await planMovement({ seats: 2 });
    const results = await Promise.all(cases.map((c) => board(m, c.id)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 422]);
    expect((await ok<MovementJson>(h, team.officer, 'GET', `/movements/${m.id}`)).seatsTaken).toBe(2);
  });

  it('takes a passenger off a planned movement; a withdrawn case gives its seat back', async () => {
    const a = await bookedReturn(h, team);
    const b = await bookedReturn(h, team);
    const m = await planMovement();
    await board(m, a.id);
    await board(m, b.id);
    const off = await ok<MovementJson>(h, team.officer, 'DELETE', `/movements/${m.id}/passengers/${a.id}`);
    expect(off.passengers.map((p) => p.returnCaseId)).toEqual([b.id]);
    expect((await call(h, team.officer, 'DELETE', `/movements/${m.id}/passengers/${a.id}`)).statusCode).toBe(404);
    await ok(h, team.officer, 'POST', `/returns/${b.id}/transitions`, { to: 'withdrawn', reason: 'regularised' });
    expect((await ok<MovementJson>(h, team.officer, 'GET', `/movements/${m.id}`)).seatsTaken).toBe(0);
  });
});

describe('departure and arrival', () => {
  it('departs with a no-show back to booked and one withdrawn; then arrives and hands inbound cases to reintegration', async () => {
    const [a, b, c] = [await bookedReturn(h, team), await bookedReturn(h, team), await bookedReturn(h, team)];
    const m = await planMovement();
    for (const x of [a, b, c]) expect((await board(m, x.id)).statusCode).toBe(200);
    const missing = await call(h, team.officer, 'POST', `/movements/${m.id}/departure`, { departedOn: yesterday(), passengers: [{ returnCaseId: a.id, status: 'departed' }] });
    expect(missing.statusCode).toBe(400);
    const stranger = await call(h, team.officer, 'POST', `/movements/${m.id}/departure`, { departedOn: yesterday(), passengers: [{ returnCaseId: a.id, status: 'departed' }, { returnCaseId: b.id, status: 'departed' }, { returnCaseId: c.id, status: 'departed' }, { returnCaseId: m.id, status: 'departed' }] });
    expect(errorOf(stranger).fields).toEqual({ 'passengers.3.returnCaseId': `is not a passenger of ${m.reference}` });
    expect((await call(h, team.officer, 'POST', `/movements/${m.id}/departure`, { departedOn: '2999-01-01', passengers: [] })).statusCode).toBe(400);
    const departed = await ok<MovementJson>(h, team.officer, 'POST', `/movements/${m.id}/departure`, {
      departedOn: yesterday(),
      passengers: [
        { returnCaseId: a.id, status: 'departed' },
        { returnCaseId: b.id, status: 'no_show', noShowOutcome: 'booked', reason: 'malade le jour du départ' },
        { returnCaseId: c.id, status: 'no_show', noShowOutcome: 'withdrawn', reason: 'injoignable' },
      ],
    });
    expect(departed.status).toBe('departed');
    expect(departed.seatsTaken).toBe(1);
    expect(departed.passengers.map((p) => [p.returnCaseId, p.departureStatus])).toEqual([[a.id, 'departed'], [b.id, 'no_show'], [c.id, 'no_show']]);
    const status = async (id: string) => (await ok(h, team.officer, 'GET', `/returns/${id}`)).status;
    expect([await status(a.id), await status(b.id), await status(c.id)]).toEqual(['departed', 'booked', 'withdrawn']);
    expect((await ok(h, team.officer, 'GET', `/returns/${c.id}`)).withdrawalReason).toBe('no_show');
    // The no-show booked again may board another movement.
    expect((await board(await planMovement(), b.id)).statusCode).toBe(200);
    expect((await call(h, team.officer, 'POST', `/movements/${m.id}/departure`, { departedOn: yesterday(), passengers: [{ returnCaseId: a.id, status: 'departed' }] })).statusCode).toBe(409);
    expect((await board(m, b.id)).statusCode).toBe(409);

    const before = await call(h, team.officer, 'POST', `/movements/${m.id}/arrival`, { arrivedOn: daysFromToday(-2) });
    expect(before.statusCode).toBe(422);
    expect(errorOf(before)).toMatchObject({ message: 'arrival before departure', fields: { arrivedOn: expect.any(String) } });
    const arrived = await ok<MovementJson>(h, team.officer, 'POST', `/movements/${m.id}/arrival`, { arrivedOn: daysFromToday(0) });
    expect(arrived.status).toBe('arrived');
    expect(arrived.passengers.find((p) => p.returnCaseId === a.id)?.arrived).toBe(true);
    const rc = await ok<{ status: string; arrival: { siteId: string }; reintegrationCaseId: string; reintegrationCaseNumber: string }>(h, team.officer, 'GET', `/returns/${a.id}`);
    expect(rc).toMatchObject({ status: 'arrived', arrival: { siteId: team.site.id } });
    const ri = await h.database.db.selectFrom('reintegrationCases').select(['id', 'status', 'regionPcode', 'returnCaseId']).where('returnCaseId', '=', a.id).execute();
    expect(ri).toEqual([{ id: rc.reintegrationCaseId, status: 'eligible', regionPcode: 'ML01', returnCaseId: a.id }]);
    const number = await h.database.db.selectFrom('reintegrationCases').select('caseNumber').where('returnCaseId', '=', a.id).executeTakeFirstOrThrow();
    expect(rc.reintegrationCaseNumber).toBe(number.caseNumber);
    expect((await ok(h, team.officer, 'POST', `/returns/${a.id}/transitions`, { to: 'closed' })).status).toBe('closed');
  });

  it('opens the reintegration case exactly once under 10 concurrent arrival confirmations', async () => {
    const cases = [await bookedReturn(h, team), await bookedReturn(h, team)];
    const m = await planMovement();
    for (const x of cases) await board(m, x.id);
    await ok(h, team.officer, 'POST', `/movements/${m.id}/departure`, { departedOn: yesterday(), passengers: cases.map((x) => ({ returnCaseId: x.id, status: 'departed' })) });
    const results = await Promise.all(Array.from({ length: 10 }, () => call(h, team.officer, 'POST', `/movements/${m.id}/arrival`, { arrivedOn: daysFromToday(0) })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const ids = cases.map((x) => x.id);
    const ri = await h.database.db.selectFrom('reintegrationCases').select('returnCaseId').where('returnCaseId', 'in', ids).execute();
    expect(ri.map((r) => r.returnCaseId).sort()).toEqual([...ids].sort());
    const arrivals = await h.database.db.selectFrom('arrivals').select('returnCaseId').where('returnCaseId', 'in', ids).execute();
    expect(arrivals).toHaveLength(2);
    const events = await h.database.db.selectFrom('returnCaseEvents').select('returnCaseId').where('returnCaseId', 'in', ids).where('toStatus', '=', 'arrived').execute();
    expect(events).toHaveLength(2);
  });
});
