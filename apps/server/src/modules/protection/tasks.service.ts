// Case tasks (SPEC §5): due dates, completion, and supervisor approval of the configured steps.
import { sql, type SqlBool } from 'kysely';
import { newId, type Task, type TaskCompletion, type TaskInput, type TasksQuery } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { Tx } from '../../platform/db/database';
import { inScope, type Scope } from '../../platform/access/scope';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict, Forbidden, NotFound } from '../../platform/errors';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { approvalTaskKinds, assertAssignable, assertNotClosed, CASE_SCOPE, lockCase, recordEvent, today } from './protection.common';
import { taskQuery } from './protection.queries';
import { presentTask } from './protection.present';

/** Adds a task to an open case; kinds configured for approval are marked so. */
export async function addTask(ctx: RequestContext, caseId: string, input: TaskInput): Promise<Task> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertNotClosed(row);
    await assertAssignable(tx, 'assignedTo', input.assignedTo);
    const requiresApproval = (await approvalTaskKinds(tx)).includes(input.kind);
    const id = input.id ?? newId();
    await tx
      .insertInto('tasks')
      .values({ id, transitCaseId: caseId, kind: input.kind, title: input.title, dueDate: input.dueDate ?? null, assignedTo: input.assignedTo ?? null, requiresApproval, outcome: null, completedAt: null, completedBy: null, approvedAt: null, approvedBy: null, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await recordEvent(tx, ctx, caseId, 'task_added', { taskId: id, kind: input.kind, dueDate: input.dueDate ?? null, requiresApproval });
    return presentTask(ctx, await taskQuery(tx).where('t.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Tasks of the cases in scope, by due date (undated last). */
export async function listTasks(ctx: RequestContext, query: TasksQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = taskQuery(ctx.db).where(inScope(ctx.scope, CASE_SCOPE));
  if (query.status) q = q.where('t.status', '=', query.status);
  if (query.assignedTo) q = q.where('t.assignedTo', '=', query.assignedTo === 'me' ? ctx.user.id : query.assignedTo);
  if (query.overdue !== undefined) {
    const overdue = sql<SqlBool>`(t.status in ('open', 'awaiting_approval') and t.due_date < ${today()})`;
    q = q.where(query.overdue ? overdue : sql<SqlBool>`not ${overdue}`);
  }
  // Undated tasks sort as the far future so the keyset stays a plain (text, uuid) pair.
  const dueKey = sql<string>`coalesce(t.due_date::text, '9999-12-31')`;
  if (after) {
    const [due, id] = after.map(String);
    q = q.where(sql<boolean>`(${dueKey}, t.id) > (${due}, ${id}::uuid)`);
  }
  const rows = await q.select(dueKey.as('dueKey')).orderBy(dueKey).orderBy('t.id').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.dueKey, r.id], (r) => presentTask(ctx, r));
}

async function lockTask(tx: Tx, scope: Scope, id: string) {
  const task = await tx
    .selectFrom('tasks as t')
    .innerJoin('transitCases as tc', 'tc.id', 't.transitCaseId')
    .select(['t.id', 't.transitCaseId', 't.status', 't.requiresApproval', 't.completedBy'])
    .where('t.id', '=', id)
    .where(inScope(scope, CASE_SCOPE))
    .forUpdate()
    .executeTakeFirst();
  if (!task) throw new NotFound('Task');
  return task;
}

/** Completes an open task; one that needs approval waits for a supervisor. */
export async function completeTask(ctx: RequestContext, id: string, input: TaskCompletion): Promise<Task> {
  return inTransaction(ctx.db, async (tx) => {
    const task = await lockTask(tx, ctx.scope, id);
    if (task.status !== 'open') throw new Conflict(`This task is ${task.status}`, 'task_not_open');
    const status = task.requiresApproval ? 'awaiting_approval' : 'done';
    await tx
      .updateTable('tasks')
      .set({ status, outcome: input.outcome ?? null, completedAt: new Date(), completedBy: ctx.user.id, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await recordEvent(tx, ctx, task.transitCaseId, 'task_completed', { taskId: id, status });
    return presentTask(ctx, await taskQuery(tx).where('t.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** A supervisor approves a completed step; never the person who completed it (four eyes). */
export async function approveTask(ctx: RequestContext, id: string): Promise<Task> {
  return inTransaction(ctx.db, async (tx) => {
    const task = await lockTask(tx, ctx.scope, id);
    if (task.status !== 'awaiting_approval') throw new Conflict(`This task is ${task.status}, not awaiting approval`, 'task_not_awaiting_approval');
    if (task.completedBy === ctx.user.id) throw new Forbidden('A step is approved by someone other than the person who completed it', 'approver_is_completer');
    await tx.updateTable('tasks').set({ status: 'done', approvedAt: new Date(), approvedBy: ctx.user.id, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', id).execute();
    await recordEvent(tx, ctx, task.transitCaseId, 'task_approved', { taskId: id });
    return presentTask(ctx, await taskQuery(tx).where('t.id', '=', id).executeTakeFirstOrThrow());
  });
}
