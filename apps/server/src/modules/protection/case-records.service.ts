// What caseworkers add to a case (SPEC §5): versioned screenings, services delivered and notes.
import { sql } from 'kysely';
import { derivePriority, isSensitiveFlag, newId, type VulnerabilityFlag, type Note, type NoteInput, type Screening, type ScreeningInput, type Service, type ServiceInput } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import { inScope } from '../../platform/access/scope';
import type { RequestContext } from '../../platform/auth/context';
import { NotFound } from '../../platform/errors';
import { assertNotClosed, CASE_SCOPE, lockCase, notInFuture, priorityRules, recordEvent, today } from './protection.common';
import { noteQuery, screeningQuery, serviceQuery } from './protection.queries';
import { presentNote, presentScreening, presentService } from './protection.present';

/** Records the next screening of a case and sets the case priority the rules derive from it. */
export async function addScreening(ctx: RequestContext, caseId: string, input: ScreeningInput): Promise<Screening> {
  notInFuture('screenedOn', input.screenedOn);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertNotClosed(row);
    const last = await tx.selectFrom('screenings').select(sql<number>`coalesce(max(sequence), 0)`.as('n')).where('transitCaseId', '=', caseId).executeTakeFirstOrThrow();
    // A role that cannot see sensitive flags cannot untick them either: they carry over from the
    // previous screening, so a re-screening by a caseworker never erases a trafficking flag.
    let flags = input.flags;
    if (ctx.maxSensitivity !== 'sensitive' && Number(last.n) > 0) {
      const previous = await tx.selectFrom('screenings').select('flags').where('transitCaseId', '=', caseId).where('sequence', '=', Number(last.n)).executeTakeFirstOrThrow();
      const hidden = (previous.flags as VulnerabilityFlag[]).filter(isSensitiveFlag);
      flags = [...new Set([...input.flags.filter((f) => !isSensitiveFlag(f)), ...hidden, ...input.flags.filter(isSensitiveFlag)])];
    }
    const { priority, because } = derivePriority({ ...input, flags }, await priorityRules(tx));
    const id = input.id ?? newId();
    const sequence = Number(last.n) + 1;
    await tx
      .insertInto('screenings')
      .values({
        id,
        transitCaseId: caseId,
        personId: row.personId,
        sequence,
        formVersion: input.formVersion ?? 1,
        screenedOn: input.screenedOn ?? today(),
        flags,
        riskFactors: JSON.stringify(input.riskFactors ?? {}),
        protectiveFactors: JSON.stringify(input.protectiveFactors ?? {}),
        priority,
        priorityBecause: because,
        notes: input.notes ?? null,
        screenedBy: ctx.user.id,
      })
      .execute();
    await tx.updateTable('transitCases').set({ priority, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', caseId).execute();
    // Flags stay out of the history and the audit log: they may reveal trafficking, GBV or health.
    await recordEvent(tx, ctx, caseId, 'screened', { screeningId: id, sequence, priority, previousPriority: row.priority });
    return presentScreening(ctx, await screeningQuery(tx).where('sc.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** A case's screenings, newest first. */
export async function listScreenings(ctx: RequestContext, caseId: string): Promise<{ items: Screening[] }> {
  const found = await ctx.db.selectFrom('transitCases as tc').select('tc.id').where('tc.id', '=', caseId).where(inScope(ctx.scope, CASE_SCOPE)).executeTakeFirst();
  if (!found) throw new NotFound('Transit case');
  const rows = await screeningQuery(ctx.db).where('sc.transitCaseId', '=', caseId).orderBy('sc.sequence', 'desc').execute();
  return { items: rows.map((r) => presentScreening(ctx, r)) };
}

/** Records a service delivered on an open case. */
export async function addService(ctx: RequestContext, caseId: string, input: ServiceInput): Promise<Service> {
  notInFuture('date', input.date);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, ctx.scope, caseId);
    assertNotClosed(row);
    const id = input.id ?? newId();
    await tx
      .insertInto('services')
      .values({ id, transitCaseId: caseId, personId: row.personId, siteId: row.siteId, type: input.type, date: input.date, quantity: input.quantity ?? 1, provider: input.provider ?? null, costXof: input.costXof ?? null, note: input.note ?? null, recordedBy: ctx.user.id })
      .execute();
    await recordEvent(tx, ctx, caseId, 'service_added', { serviceId: id, type: input.type, date: input.date, quantity: input.quantity ?? 1 });
    return presentService(await serviceQuery(tx).where('sv.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Adds a note; a sensitive note is read only by roles cleared for sensitive data. */
export async function addNote(ctx: RequestContext, caseId: string, input: NoteInput): Promise<Note> {
  return inTransaction(ctx.db, async (tx) => {
    await lockCase(tx, ctx.scope, caseId);
    const id = input.id ?? newId();
    await tx.insertInto('caseNotes').values({ id, transitCaseId: caseId, body: input.body, sensitive: input.sensitive ?? false, createdBy: ctx.user.id }).execute();
    await recordEvent(tx, ctx, caseId, 'note_added', { noteId: id, sensitive: input.sensitive ?? false });
    return presentNote(await noteQuery(tx).where('n.id', '=', id).executeTakeFirstOrThrow());
  });
}
