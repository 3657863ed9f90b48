// Plans, assistance and money: the ceiling, four-eyes approval, instalments, projects and their
// apportioned shares, on the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../../../test/harness';
import { putSetting } from '../../platform/settings';
import { approvedCase, call, item, openCase, REGION, reintegrationTeam, type CaseJson, type Team } from './test-team';

let h: Harness;
let team: Team;

beforeAll(async () => {
  h = await createHarness();
  team = await reintegrationTeam(h);
});
afterAll(() => h.close());

const plan = (c: CaseJson, items: unknown[], version?: number) => call(h, team.officer, 'PUT', `/reintegration-cases/${c.id}/plan`, { goals: ['Start a business'], items }, version);

describe('the plan', () => {
  it('refuses a plan over the ceiling with 422 naming items and the amounts, and keeps nothing of it', async () => {
    const c = await openCase(h, team);
    const res = await plan(c, [item(1_500_000), item(500_000, 'housing', 'social')]);
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields).toEqual({ items: 'total 2000000 XOF exceeds the ceiling of 1968000 XOF by 32000 XOF' });
    const after = (await call(h, team.officer, 'GET', `/reintegration-cases/${c.id}`)).json();
    expect(after.plan).toBeNull();
    expect(after.items).toEqual([]);
    expect((await plan(c, [item(1_968_000)])).statusCode).toBe(200);
  });

  it('follows the ceiling setting', async () => {
    await putSetting(h.database.db, 'reintegration.budget_ceiling_xof', 100_000, null);
    try {
      const c = await openCase(h, team);
      expect((await plan(c, [item(100_001)])).statusCode).toBe(422);
    } finally {
      await h.database.db.deleteFrom('settings').where('key', '=', 'reintegration.budget_ceiling_xof').execute();
    }
  });

  it('refuses a type outside its dimension (400 naming the item)', async () => {
    const c = await openCase(h, team);
    const res = await plan(c, [item(1000), item(1000, 'housing', 'economic')]);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields).toEqual({ 'items.1.type': 'is not a type of economic assistance' });
  });

  it('replaces the draft items, needs If-Match once the plan exists, and locks it once submitted', async () => {
    const c = await openCase(h, team);
    const first = (await plan(c, [item(1000), item(2000)])).json();
    expect((await plan(c, [item(3000)])).statusCode).toBe(428);
    expect((await plan(c, [item(3000)], first.version + 1)).statusCode).toBe(412);
    const second = await plan(c, [item(3000)], first.version);
    expect(second.statusCode).toBe(200);
    const page = (await call(h, team.officer, 'GET', `/reintegration-cases/${c.id}`)).json();
    expect(page.items.map((i: { plannedXof: number }) => i.plannedXof)).toEqual([3000]);
    expect((await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/plan/submit`)).json().status).toBe('submitted');
    expect((await plan(c, [item(4000)], second.json().version + 1)).statusCode).toBe(409);
  });

  it('is approved by someone else only (four-eyes 422), for a counselled case; a returned plan goes back to its author', async () => {
    const c = await openCase(h, team);
    await plan(c, [item(1000)]);
    await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/plan/submit`);
    const notCounselled = await call(h, team.approver, 'POST', `/reintegration-cases/${c.id}/plan/approve`);
    expect(notCounselled.statusCode).toBe(409);
    await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assessments`, { assessedOn: '2025-03-02', kind: 'skills', answers: { trade: 'tailoring' } });
    const self = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/plan/approve`);
    expect(self.statusCode).toBe(422);
    expect(errorOf(self).fields).toEqual({ approvedBy: 'must not be the user who submitted the plan' });
    const returned = await call(h, team.approver, 'POST', `/reintegration-cases/${c.id}/plan/return`, { note: 'Add a training' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnedNote: 'Add a training' });
    await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/plan/submit`);
    const approved = await call(h, team.approver, 'POST', `/reintegration-cases/${c.id}/plan/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: team.approver.id } });
    const page = (await call(h, team.officer, 'GET', `/reintegration-cases/${c.id}`)).json();
    expect(page.status).toBe('plan_approved');
    expect(page.visits.map((v: { monthsAfterApproval: number }) => v.monthsAfterApproval)).toEqual([3, 6, 12]);
  });
});

describe('assistance and instalments', () => {
  it('refuses instalments beyond the planned amount (422) and in the future (400); shows them in the budget', async () => {
    const c = await approvedCase(h, team, [item(300_000)]);
    const itemId = c.items[0]?.id ?? '';
    const pay = (amountXof: number, disbursedOn = '2025-04-01') => call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assistance/${itemId}/instalments`, { amountXof, disbursedOn });
    expect((await pay(200_000)).statusCode).toBe(201);
    const over = await pay(100_001);
    expect(over.statusCode).toBe(422);
    expect(errorOf(over).fields).toEqual({ amountXof: 'must be at most 100000 XOF (planned 300000, disbursed 200000)' });
    expect(errorOf(await pay(1000, '2999-01-01')).fields).toEqual({ disbursedOn: 'must not be in the future' });
    expect((await pay(100_000)).statusCode).toBe(201);
    const budget = (await call(h, team.officer, 'GET', `/reintegration-cases/${c.id}/budget`)).json();
    expect(budget).toMatchObject({ ceilingXof: 1_968_000, plannedXof: 300_000, disbursedXof: 300_000, remainingXof: 1_668_000 });
    const list = (await call(h, team.officer, 'GET', `/reintegration-cases?q=${encodeURIComponent(c.caseNumber)}`)).json();
    expect(list.items[0]).toMatchObject({ budgetPlannedXof: 300_000, budgetDisbursedXof: 300_000 });
  });

  it('adds an item to a running case within the ceiling, edits it with If-Match, and refuses moves out of order', async () => {
    const c = await approvedCase(h, team, [item(1_900_000)]);
    const tooMuch = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assistance`, item(68_001, 'individual_counselling', 'psychosocial'));
    expect(tooMuch.statusCode).toBe(422);
    const added = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assistance`, item(68_000, 'individual_counselling', 'psychosocial'));
    expect(added.json()).toMatchObject({ status: 'planned', plannedXof: 68_000 });
    const wrongType = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assistance`, item(1, 'housing', 'psychosocial'));
    expect(errorOf(wrongType).fields).toEqual({ type: 'is not a type of psychosocial assistance' });
    const patched = await call(h, team.officer, 'PATCH', `/reintegration-cases/${c.id}/assistance/${added.json().id}`, { provider: 'Centre de santé' }, added.json().version);
    expect(patched.json()).toMatchObject({ provider: 'Centre de santé', version: added.json().version + 1 });
    const skip = await call(h, team.officer, 'POST', `/reintegration-cases/${c.id}/assistance/${added.json().id}/status`, { to: 'delivered', on: '2025-04-01' });
    expect(skip.statusCode).toBe(409);
    expect(errorOf(skip).message).toBe('cannot go from planned to delivered; allowed: approved, cancelled');
  });
});

describe('collective projects', () => {
  it('splits the budget equally with the remainder to the first, and counts a returnee’s share on their plan', async () => {
    const a = await openCase(h, team);
    const b = await openCase(h, team);
    const res = await call(h, team.officer, 'POST', '/reintegration-projects', {
      name: 'Jardin maraîcher', level: 'collective', type: 'business_startup', dimension: 'economic', regionPcode: REGION, budgetXof: 1_000_000,
      beneficiaries: [{ reintegrationCaseId: a.id }, { reintegrationCaseId: b.id }, { communityMemberName: 'Fatoumata Maïga' }],
    });
    expect(res.statusCode).toBe(201);
    const project = res.json();
    expect(project.beneficiaries.map((x: { apportionedXof: number }) => x.apportionedXof)).toEqual([333_334, 333_333, 333_333]);
    const withItem = await plan(a, [{ ...item(1_000_000), level: 'collective', projectId: project.id }, item(1_600_000)]);
    expect(withItem.statusCode).toBe(200);
    const budget = (await call(h, team.officer, 'GET', `/reintegration-cases/${a.id}/budget`)).json();
    expect(budget.plannedXof).toBe(333_334 + 1_600_000);
    // Giving this returnee 60 % would put their plan over the ceiling.
    const over = await call(h, team.officer, 'PATCH', `/reintegration-projects/${project.id}`, { beneficiaries: [{ reintegrationCaseId: a.id, sharePercent: 60 }, { reintegrationCaseId: b.id, sharePercent: 20 }, { communityMemberName: 'Fatoumata Maïga', sharePercent: 20 }] }, project.version);
    expect(over.statusCode).toBe(422);
    expect(errorOf(over).fields).toHaveProperty('items');
  });

  it('refuses shares that do not sum to 100 (422) and a case outside the caller’s scope (400)', async () => {
    const a = await openCase(h, team);
    const base = { name: 'Atelier', level: 'community', type: 'vocational_training', dimension: 'economic', regionPcode: REGION, budgetXof: 900 };
    const bad = await call(h, team.officer, 'POST', '/reintegration-projects', { ...base, beneficiaries: [{ reintegrationCaseId: a.id, sharePercent: 50 }, { communityMemberName: 'Moussa', sharePercent: 49 }] });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).fields).toEqual({ beneficiaries: 'shares sum to 99, not 100' });
    const ok = await call(h, team.officer, 'POST', '/reintegration-projects', { ...base, beneficiaries: [{ reintegrationCaseId: a.id, sharePercent: 33.33 }, { communityMemberName: 'Moussa', sharePercent: 66.67 }] });
    expect(ok.json().beneficiaries.map((x: { apportionedXof: number }) => x.apportionedXof)).toEqual([300, 600]);
    const hidden = await call(h, team.elsewhere, 'POST', '/reintegration-projects', { ...base, regionPcode: 'ML01', beneficiaries: [{ reintegrationCaseId: a.id }] });
    expect(hidden.statusCode).toBe(400);
    expect(errorOf(hidden).fields).toEqual({ 'beneficiaries.0.reintegrationCaseId': 'must be a reintegration case you can see' });
    expect((await call(h, team.elsewhere, 'GET', `/reintegration-projects/${ok.json().id}`)).statusCode).toBe(404);
  });
});
