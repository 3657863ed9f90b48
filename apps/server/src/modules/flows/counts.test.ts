import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { countInput } from './test-helpers';

let h: Harness;
let officer: string;
beforeAll(async () => {
  h = await createHarness();
  officer = await h.login('data.officer');
});
afterAll(() => h.close());

const post = (token: string, payload: unknown) => h.app.inject({ method: 'POST', url: '/api/v1/flows/counts', headers: bearer(token), payload: payload as Record<string, unknown> });

describe('flow counts', () => {
  it('records a count as draft, submits, validates; validator and time are kept; all audited', async () => {
    const res = await post(officer, countInput());
    expect(res.statusCode, res.body).toBe(201);
    const count = res.json();
    expect(count).toMatchObject({ status: 'draft', fmpId: 'ML-FMP-06', fmpName: expect.any(String), total: 20, version: 1, validatedBy: null });
    const submit = await h.app.inject({ method: 'POST', url: `/api/v1/flows/counts/${count.id}/transitions`, headers: bearer(officer), payload: { to: 'submitted' } });
    expect(submit.json().status).toBe('submitted');
    const validate = await h.app.inject({ method: 'POST', url: `/api/v1/flows/counts/${count.id}/transitions`, headers: bearer(officer), payload: { to: 'validated' } });
    expect(validate.statusCode).toBe(200);
    expect(validate.json()).toMatchObject({ status: 'validated', validatedBy: expect.any(String), validatedAt: expect.any(String) });
    const again = await h.app.inject({ method: 'POST', url: `/api/v1/flows/counts/${count.id}/transitions`, headers: bearer(officer), payload: { to: 'rejected', reason: 'late' } });
    expect(again.statusCode).toBe(422);
    const edit = await h.app.inject({ method: 'PATCH', url: `/api/v1/flows/counts/${count.id}`, headers: { ...bearer(officer), 'if-match': '3' }, payload: { men: 11, total: 21 } });
    expect(edit.statusCode).toBe(409);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', count.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['flow_count.create', 'flow_count.submitted', 'flow_count.validated']);
  });

  it.each([
    [{ total: 99 }, 'total', /must equal/],
    [{ pregnantWomen: 9 }, 'pregnantWomen', /must not exceed women/],
    [{ nationalities: [{ country: 'MLI', count: 30 }] }, 'nationalities', /more than total/],
    [{ date: '2099-01-01' }, 'date', /future/],
    [{ fmpId: 'ML-FMP-99' }, 'fmpId', /not a known flow monitoring point/],
    [{ originCountry: 'XXX' }, 'originCountry', /not a known country/],
    [{ date: '2016-01-01' }, 'date', /not active/],
  ])('refuses %j naming %s', async (patch, field, message) => {
    const res = await post(officer, countInput(patch));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.[field]).toMatch(message);
  });

  it('a rejection needs a reason; a rejected count can be fixed and resubmitted', async () => {
    const count = (await post(officer, countInput({ status: 'submitted' }))).json();
    const noReason = await h.app.inject({ method: 'POST', url: `/api/v1/flows/counts/${count.id}/transitions`, headers: bearer(officer), payload: { to: 'rejected' } });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fields?.reason).toBeDefined();
    const rejected = await h.app.inject({ method: 'POST', url: `/api/v1/flows/counts/${count.id}/transitions`, headers: bearer(officer), payload: { to: 'rejected', reason: 'men counted twice' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'men counted twice' });
    const fixed = await h.app.inject({ method: 'PATCH', url: `/api/v1/flows/counts/${count.id}`, headers: { ...bearer(officer), 'if-match': String(rejected.json().version) }, payload: { men: 5, total: 15 } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const bad = await h.app.inject({ method: 'PATCH', url: `/api/v1/flows/counts/${count.id}`, headers: { ...bearer(officer), 'if-match': String(fixed.json().version) }, payload: { men: 6 } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.total).toMatch(/must equal/);
  });

  it('concurrent PATCH with the same version: exactly one wins, the other gets 412', async () => {
    const count = (await post(officer, countInput())).json();
    const patch = (men: number) => h.app.inject({ method: 'PATCH', url: `/api/v1/flows/counts/${count.id}`, headers: { ...bearer(officer), 'if-match': '1' }, payload: { men, total: men + 10 } });
    const results = await Promise.all([patch(12), patch(13)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const stored = (await h.app.inject({ method: 'GET', url: `/api/v1/flows/counts/${count.id}`, headers: bearer(officer) })).json();
    expect(stored.version).toBe(2);
  });

  it('someone with flow.manage but not flow.validate can submit but not validate', async () => {
    const clerk = await h.userWith({ permissions: ['flow.read', 'flow.manage'] });
    const count = (await post(clerk.token, countInput({ status: 'submitted' }))).json();
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/flows/counts/${count.id}/transitions`, headers: bearer(clerk.token), payload: { to: 'validated' } });
    expect(res.statusCode).toBe(403);
  });

  it('lists newest first with filters and a cursor', async () => {
    await post(officer, countInput({ date: '2022-05-01', fmpId: 'ML-FMP-03' }));
    await post(officer, countInput({ date: '2022-05-02', fmpId: 'ML-FMP-03' }));
    await post(officer, countInput({ date: '2022-05-03', fmpId: 'ML-FMP-03' }));
    const first = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/counts?fmpId=ML-FMP-03&from=2022-05-01&to=2022-05-31&limit=2', headers: bearer(officer) })).json();
    expect(first.items.map((c: { date: string }) => c.date)).toEqual(['2022-05-03', '2022-05-02']);
    const next = (await h.app.inject({ method: 'GET', url: `/api/v1/flows/counts?fmpId=ML-FMP-03&from=2022-05-01&to=2022-05-31&limit=2&cursor=${first.nextCursor}`, headers: bearer(officer) })).json();
    expect(next.items.map((c: { date: string }) => c.date)).toEqual(['2022-05-01']);
    expect(next.nextCursor).toBeNull();
  });

  it("finds counts by the P-code of their origin (where the dashboard links a region's number)", async () => {
    const made = (await post(officer, countInput({ date: '2022-06-07', fmpId: 'ML-FMP-03', originCountry: 'MLI', originPcode: 'ML0501' }))).json();
    const found = (await h.app.inject({ method: 'GET', url: '/api/v1/flows/counts?q=ML05&from=2022-06-07&to=2022-06-07&fmpId=ML-FMP-03', headers: bearer(officer) })).json();
    expect(found.items.map((c: { id: string }) => c.id)).toContain(made.id);
  });
});
