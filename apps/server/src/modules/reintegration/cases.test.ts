// Reintegration cases end to end on the real database: opening (directly and from a return),
// the caseload, edits with versions, the status rules and the automatic moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@taama/core';
import { createHarness, errorOf, type Harness } from '../../../test/harness';
import { inTransaction } from '../../platform/db/tx';
import { makePerson } from '../protection/test-people';
import { openReintegrationCase } from './cases.open';
import { approvedCase, call, item, openCase, REGION, reintegrationTeam, type CaseJson, type Team } from './test-team';

let h: Harness;
let team: Team;

beforeAll(async () => {
  h = await createHarness();
  team = await reintegrationTeam(h);
});
afterAll(() => h.close());

describe('opening a case', () => {
  it('registers a returnee directly: eligible, RI number, plan due 30 days after arrival', async () => {
    const c = await openCase(h, team);
    expect(c.status).toBe('eligible');
    expect(c.caseNumber).toMatch(/^ML-[A-Z]{4}-RI-\d{4}-\d{6}$/);
    expect(c.planDueOn).toBe('2025-03-31');
    expect(c.planOverdue).toBe(true);
    expect(c.allowedTransitions).toEqual(['suspended', 'withdrawn', 'lost_contact']);
    expect((c.events as { action: string }[]).map((e) => e.action)).toEqual(['opened']);
  });

  it('keeps one open case per person (409)', async () => {
    const c = await openCase(h, team);
    const person = (c.person as { id: string }).id;
    const res = await call(h, team.officer, 'POST', '/reintegration-cases', { personId: person, regionPcode: REGION });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).fields).toHaveProperty('personId');
  });

  it('refuses a region that is not an admin-1 unit, and one outside the caller’s region', async () => {
    const personId = await makePerson(h, team.site.id);
    const bad = await call(h, team.officer, 'POST', '/reintegration-cases', { personId, regionPcode: 'ML0701' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toEqual({ regionPcode: 'must be the P-code of a region (admin level 1)' });
    const outside = await call(h, team.officer, 'POST', '/reintegration-cases', { personId, regionPcode: 'ML01' });
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside).fields).toHaveProperty('regionPcode');
  });

  it('openReintegrationCase is idempotent per return case and arrival, also under concurrent calls', async () => {
    const personId = await makePerson(h, team.site.id);
    const organisationId = await h.orgId('iom');
    const arrivalId = newId();
    const input = { personId, regionPcode: REGION, organisationId, siteId: null, returnCaseId: null, arrivalId, arrivedOn: '2025-04-10' };
    const results = await Promise.all([1, 2, 3].map(() => inTransaction(h.database.db, (tx) => openReintegrationCase(tx, null, input))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const again = await inTransaction(h.database.db, (tx) => openReintegrationCase(tx, null, input));
    expect(again).toEqual({ id: results[0]?.id, created: false });
    const rows = await h.database.db.selectFrom('reintegrationCases').select(['status', 'planDueOn', 'caseNumber']).where('personId', '=', personId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'eligible', planDueOn: '2025-05-10' });
  });
});

describe('the caseload and the case page', () => {
  it('lists cases in the region with filters, and hides them from another region (404 on the page)', async () => {
    const c = await openCase(h, team);
    const list = await call(h, team.officer, 'GET', `/reintegration-cases?status=eligible&overduePlan=true&q=${encodeURIComponent(c.caseNumber)}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect(list.json().items[0]).toMatchObject({ budgetPlannedXof: 0, budgetDisbursedXof: 0, latestRss: null, planOverdue: true });
    const other = await call(h, team.elsewhere, 'GET', `/reintegration-cases?q=${encodeURIComponent(c.caseNumber)}`);
    expect(other.json().items).toEqual([]);
    expect((await call(h, team.elsewhere, 'GET', `/reintegration-cases/${c.id}`)).statusCode).toBe(404);
  });

  it('audits the read of a case page', async () => {
    const c = await openCase(h, team);
    await call(h, team.officer, 'GET', `/reintegration-cases/${c.id}`);
    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).where('action', '=', 'reintegrationCase.read').execute();
    expect(audit).toHaveLength(1);
  });

  it('edits with If-Match: two concurrent PATCHes give exactly one 412', async () => {
    const c = await openCase(h, team);
    const results = await Promise.all([
      call(h, team.officer, 'PATCH', `/reintegration-cases/${c.id}`, { counsellorId: team.approver.id }, c.version),
      call(h, team.approver, 'PATCH', `/reintegration-cases/${c.id}`, { counsellorId: team.officer.id }, c.version),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    expect((await call(h, team.officer, 'PATCH', `/reintegration-cases/${c.id}`, { counsellorId: null })).statusCode).toBe(428);
  });
});

describe('status rules', () => {
  it('refuses a forbidden move with 409 naming the allowed ones', async () => {
    const c = await openCase(h, team);
    const res = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/transitions`, { to: 'completed' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).message).toBe('cannot go from eligible to completed; allowed: suspended, withdrawn, lost_contact');
    expect((await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/transitions`, { to: 'counselled' })).statusCode).toBe(409);
  });

  it('suspends and resumes to the previous state; lost contact too; withdrawn is final', async () => {
    const c = await openCase(h, team);
    const go = async (to: string) => call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/transitions`, { to });
    expect((await go('suspended')).json()).toMatchObject({ status: 'suspended', statusBefore: 'eligible', allowedTransitions: ['eligible', 'withdrawn', 'lost_contact'] });
    expect((await go('lost_contact')).json()).toMatchObject({ status: 'lost_contact', statusBefore: 'eligible' });
    expect((await go('eligible')).json()).toMatchObject({ status: 'eligible', statusBefore: null });
    expect((await go('withdrawn')).json()).toMatchObject({ status: 'withdrawn', allowedTransitions: [] });
    expect((await go('eligible')).statusCode).toBe(409);
  });

  it('moves automatically: assessment → counselled, approval → plan_approved, first delivery → in_progress; completes when all is delivered', async () => {
    const c: CaseJson = await approvedCase(h, team, [item(400_000), item(100_000, 'housing', 'social')]);
    expect(c.status).toBe('plan_approved');
    expect(c.items.map((i) => i.status)).toEqual(['approved', 'approved']);
    expect(c.visits.map((v) => v.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    const [first, second] = c.items;
    if (!first || !second) throw new Error('two items expected');
    const deliver = (id: string) => call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assistance/${id}/status`, { to: 'delivered', on: '2025-04-01' });
    expect((await deliver(first.id)).statusCode).toBe(200);
    expect((await call(h, team.officer, 'GET', `/reintegration-cases/${c.id}`)).json().status).toBe('in_progress');
    const early = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/transitions`, { to: 'completed' });
    expect(early.statusCode).toBe(422);
    await deliver(second.id);
    const done = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/transitions`, { to: 'completed' });
    expect(done.json()).toMatchObject({ status: 'completed' });
    const actions = (done.json().events as { action: string; details: { to?: string } }[]).filter((e) => e.action === 'status_changed').map((e) => e.details.to);
    expect(actions).toEqual(['counselled', 'plan_approved', 'in_progress', 'completed']);
  });
});
