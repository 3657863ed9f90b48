import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHarness, errorOf, type Harness } from '../../../test/harness';
import { addDays, today } from './protection.common';
import { openCase, protectionTeam } from './test-people';

let h: Harness;
let team: Awaited<ReturnType<typeof protectionTeam>>;
beforeAll(async () => {
  h = await createHarness();
  team = await protectionTeam(h);
});
afterAll(() => h.close());

const post = (token: string, url: string, payload: unknown = {}) => h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: bearer(token), payload: payload as object });
const get = (token: string, url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });

describe('tasks', () => {
  it('an ordinary task is done once completed', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const task = (await post(team.caseworker.token, `/transit-cases/${c.id}/tasks`, { kind: 'follow_up', title: 'Call the family', dueDate: '2025-03-10', assignedTo: team.caseworker.id })).json();
    expect(task).toMatchObject({ status: 'open', requiresApproval: false, assignedTo: team.caseworker.id, overdue: true, abilities: { complete: true, approve: false } });
    const done = (await post(team.caseworker.token, `/tasks/${task.id}/complete`, { outcome: 'reached the brother' })).json();
    expect(done).toMatchObject({ status: 'done', outcome: 'reached the brother', overdue: false });
    expect((await post(team.caseworker.token, `/tasks/${task.id}/complete`)).statusCode).toBe(409);
  });

  it('a best-interest determination waits for approval, which the person who completed it cannot give', async () => {
    const c = await openCase(h, team.caseworker, team.site.id);
    const task = (await post(team.officer.token, `/transit-cases/${c.id}/tasks`, { kind: 'best_interest_determination', title: 'BID for the child' })).json();
    expect(task.requiresApproval).toBe(true);
    const completed = (await post(team.officer.token, `/tasks/${task.id}/complete`, { outcome: 'family reunification recommended' })).json();
    expect(completed).toMatchObject({ status: 'awaiting_approval', abilities: { complete: false, approve: false } });
    const self = await post(team.officer.token, `/tasks/${task.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(errorOf(self).code).toBe('approver_is_completer');
    expect((await post(team.caseworker.token, `/tasks/${task.id}/approve`)).statusCode).toBe(403);
    const supervisor = await h.userWith({ permissions: ['transitCase.read', 'transitCase.approve'], scope: 'organisation', maxSensitivity: 'sensitive' });
    const seen = (await get(supervisor.token, `/tasks?status=awaiting_approval&limit=200`)).json().items.find((t: { id: string }) => t.id === task.id);
    expect(seen.abilities).toEqual({ complete: false, approve: true });
    const approved = await post(supervisor.token, `/tasks/${task.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'done', approvedBy: expect.stringContaining('Test') });
    const history = (await get(team.caseworker.token, `/transit-cases/${c.id}`)).json().history.map((e: { action: string }) => e.action);
    expect(history.slice(0, 3)).toEqual(['task_approved', 'task_completed', 'task_added']);
  });

  it('lists my overdue tasks and counts them on the caseload', async () => {
    const c = await openCase(h, team.colleague, team.site.id);
    const late = (await post(team.colleague.token, `/transit-cases/${c.id}/tasks`, { kind: 'document_request', title: 'Ask the consulate', dueDate: addDays(today(), -1), assignedTo: team.colleague.id })).json();
    const later = (await post(team.colleague.token, `/transit-cases/${c.id}/tasks`, { kind: 'other', title: 'Check shoes size', dueDate: addDays(today(), 3), assignedTo: team.colleague.id })).json();
    const overdue = (await get(team.colleague.token, '/tasks?assignedTo=me&overdue=true&limit=200')).json().items.map((t: { id: string }) => t.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(later.id);
    const mine = (await get(team.colleague.token, '/tasks?assignedTo=me&limit=1')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.nextCursor).not.toBeNull();
    const line = (await get(team.colleague.token, `/transit-cases?personId=${c.person.id}`)).json().items[0];
    expect(line).toMatchObject({ openTasks: 2, overdueTasks: 1 });
  });
});
