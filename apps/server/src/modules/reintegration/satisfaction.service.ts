// The satisfaction survey after assistance: its own short instrument (core SATISFACTION_QUESTIONS), 1–5.
import { newId, type Satisfaction, type SatisfactionInput } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { Invalid } from '../../platform/errors';
import { lockCase, notInFuture, recordEvent } from './reintegration.common';
import { isoOf } from './reintegration.present';

/** Records a satisfaction survey and its mean score. */
export async function addSatisfaction(ctx: RequestContext, caseId: string, input: SatisfactionInput): Promise<Satisfaction> {
  notInFuture('surveyedOn', input.surveyedOn);
  const answers = Object.fromEntries(Object.entries(input.answers).filter((e): e is [string, number] => typeof e[1] === 'number'));
  const values = Object.values(answers);
  if (values.length === 0) throw new Invalid({ answers: 'must answer at least one question' });
  const meanScore = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
  return inTransaction(ctx.db, async (tx) => {
    await lockCase(tx, ctx.scope, caseId);
    const id = newId();
    const inserted = await tx
      .insertInto('satisfactionSurveys')
      .values({ id, reintegrationCaseId: caseId, surveyedOn: input.surveyedOn, answers: JSON.stringify(answers), meanScore, comment: input.comment ?? null, createdBy: ctx.user.id })
      .returning('createdAt')
      .executeTakeFirstOrThrow();
    await recordEvent(tx, ctx, caseId, 'satisfaction_recorded', { surveyId: id, meanScore });
    return { id, surveyedOn: input.surveyedOn, answers, meanScore, comment: input.comment ?? null, createdAt: isoOf(inserted.createdAt) };
  });
}
