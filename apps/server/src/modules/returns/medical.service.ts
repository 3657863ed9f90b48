// Fit-to-travel checks of a return case (SPEC §6). Conditions are sensitive: stored as given, read
// back only by roles cleared for sensitive data (the schema label does the redaction).
import { newId, type MedicalCheck, type MedicalCheckInput } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { RequestContext } from '../../platform/auth/context';
import { assertOpen, lockReturnCase, notInFuture, recordEvent } from './returns.common';
import { medicalQuery } from './returns.queries';
import { presentMedical } from './returns.present';

/** Records a medical check on an open case. */
export async function addMedicalCheck(ctx: RequestContext, caseId: string, input: MedicalCheckInput): Promise<MedicalCheck> {
  notInFuture('examinedOn', input.examinedOn);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockReturnCase(tx, ctx.scope, caseId);
    assertOpen(row);
    const id = input.id ?? newId();
    await tx
      .insertInto('medicalChecks')
      .values({ id, returnCaseId: caseId, organisationId: row.organisationId, examinedOn: input.examinedOn, outcome: input.outcome, escort: input.escort, conditions: input.conditions ?? null, createdBy: ctx.user.id })
      .execute();
    await tx.updateTable('returnCases').set({ updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', caseId).execute();
    // The history says that a check happened and its outcome, never the conditions.
    await recordEvent(tx, ctx, caseId, 'medical', { details: { medicalCheckId: id, outcome: input.outcome, escort: input.escort } }, 'medical.add');
    return presentMedical(await medicalQuery(tx).where('mc.id', '=', id).executeTakeFirstOrThrow());
  });
}
