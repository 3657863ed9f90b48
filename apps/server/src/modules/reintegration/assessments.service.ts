// Assessments (needs, skills, family, vulnerability): the first one marks the case counselled.
import { newId, AUTOMATIC_REINTEGRATION_MOVES, type Assessment, type AssessmentInput } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Conflict } from '../../platform/errors';
import { autoMove } from './cases.service';
import { isOpen, lockCase, notInFuture, recordEvent } from './reintegration.common';
import { isoOf } from './reintegration.present';

/** Records an assessment; an eligible case becomes counselled. */
export async function addAssessment(ctx: RequestContext, caseId: string, input: AssessmentInput): Promise<Assessment> {
  notInFuture('assessedOn', input.assessedOn);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    if (!isOpen(row.status)) throw new Conflict(`${row.caseNumber} is ${row.status}`, 'case_closed');
    const id = newId();
    const inserted = await tx
      .insertInto('reintegrationAssessments')
      .values({ id, reintegrationCaseId: caseId, kind: input.kind, assessedOn: input.assessedOn, answers: JSON.stringify(input.answers), notes: input.notes ?? null, assessedBy: ctx.user.id })
      .returning('createdAt')
      .executeTakeFirstOrThrow();
    await recordEvent(tx, ctx, caseId, 'assessed', { assessmentId: id, kind: input.kind });
    const move = AUTOMATIC_REINTEGRATION_MOVES.firstAssessment;
    await autoMove(tx, ctx, row, move.from, move.to, 'first assessment');
    return { id, kind: input.kind, assessedOn: input.assessedOn, answers: input.answers, notes: input.notes ?? null, assessedBy: { id: ctx.user.id, displayName: ctx.user.displayName }, createdAt: isoOf(inserted.createdAt) };
  });
}
