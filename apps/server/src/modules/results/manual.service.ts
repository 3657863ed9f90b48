// Manual indicators (SPEC §11): a value per quarter with an evidence file, approved by a second person
// holding indicator.manage (four eyes); only approved values count, and a signed-off quarter is locked.
import { createHash } from 'node:crypto';
import { newId, type ManualValue } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import type { Db, Tx } from '../../platform/db/database';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, can, type RequestContext } from '../../platform/auth/context';
import { Conflict, Forbidden, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { getDefinition } from './definitions.service';
import { assertOpen } from './periods.service';
import { readQuarter } from './span';
import { sniffEvidence } from './evidence';

export interface ManualInput {
  period?: unknown;
  value?: unknown;
  note?: unknown;
}

export interface EvidenceFile {
  fileName: string;
  data: Buffer;
}

/** Checks the fields of a manual value (they may come from a multipart form, so as strings). */
export function checkManualFields(input: ManualInput): { period: string; value: number; note: string | null } {
  const errors: Record<string, string> = {};
  const period = typeof input.period === 'string' ? input.period.trim() : '';
  if (!/^\d{4}Q[1-4]$/.test(period)) errors.period = 'must be a quarter like 2025Q1';
  const raw = typeof input.value === 'number' ? input.value : typeof input.value === 'string' && input.value.trim() !== '' ? Number(input.value) : NaN;
  if (!Number.isFinite(raw) || raw < 0 || raw > 1e12) errors.value = 'must be a number from 0 to 1e12';
  let note: string | null = null;
  if (input.note !== undefined && input.note !== null) {
    if (typeof input.note !== 'string' || input.note.length > 2000) errors.note = 'must be text of at most 2000 characters';
    else note = input.note.trim() || null;
  }
  if (Object.keys(errors).length) throw new Invalid(errors);
  return { period, value: raw, note };
}

async function present(db: Db | Tx, ctx: RequestContext, id: string): Promise<ManualValue> {
  const row = await db.selectFrom('indicatorManualValues').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const evidence = await db.selectFrom('indicatorEvidence').select(['id', 'fileName', 'contentType', 'bytes', 'sha256']).where('manualValueId', '=', id).orderBy('uploadedAt').execute();
  return {
    id: row.id,
    indicatorCode: row.indicatorCode,
    period: row.period,
    value: Number(row.value),
    note: row.note,
    status: row.status as ManualValue['status'],
    enteredBy: row.enteredBy,
    enteredAt: row.enteredAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    evidence,
    version: row.version,
    abilities: { approve: row.status === 'pending' && row.enteredBy !== ctx.user.id && can(ctx, 'indicator.manage') },
  };
}

/** Records a manual value with its evidence, pending approval. */
export async function createManualValue(ctx: RequestContext, code: string, input: ManualInput, file: EvidenceFile | null): Promise<ManualValue> {
  const definition = await getDefinition(ctx.db, code);
  if (definition.mode !== 'manual') throw new RuleViolation('This indicator is computed from records; it takes no manual values', 'not_manual', { code: 'is an automatic indicator' });
  const fields = checkManualFields(input);
  const quarter = readQuarter(fields.period);
  await assertOpen(ctx.db, quarter.code);
  if (!file || file.data.length === 0) throw new RuleViolation('A manual value needs an evidence file', 'evidence_required', { evidence: 'is required (a PDF, JPEG, PNG or XLSX file)' });
  const contentType = sniffEvidence(file.data);
  if (!contentType) throw new RuleViolation('The evidence must be a PDF, JPEG, PNG or XLSX file', 'evidence_type', { evidence: 'must be a PDF, JPEG, PNG or XLSX file' });
  return inTransaction(ctx.db, async (tx) => {
    await assertOpen(tx, quarter.code);
    const id = newId();
    await tx
      .insertInto('indicatorManualValues')
      .values({ id, indicatorCode: code, period: quarter.code, periodFrom: quarter.from, periodTo: quarter.to, value: fields.value, note: fields.note, enteredBy: ctx.user.id })
      .execute();
    await tx
      .insertInto('indicatorEvidence')
      .values({ id: newId(), manualValueId: id, fileName: file.fileName.slice(0, 200) || 'evidence', contentType, bytes: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), data: file.data, uploadedBy: ctx.user.id })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'indicator.manual_value_entered', entityType: 'indicator', entityId: code, details: { id, period: quarter.code, value: fields.value } });
    return present(tx, ctx, id);
  });
}

/** Approves or rejects a pending value; the approver must not be the person who entered it. */
export async function decideManualValue(ctx: RequestContext, code: string, id: string, decision: 'approve' | 'reject'): Promise<ManualValue> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await tx.selectFrom('indicatorManualValues').selectAll().where('id', '=', id).where('indicatorCode', '=', code).forUpdate().executeTakeFirst();
    if (!row) throw new NotFound('Manual value');
    if (row.status !== 'pending') throw new Conflict(`The value is already ${row.status}`, 'already_decided', { status: `is ${row.status}` });
    if (row.enteredBy === ctx.user.id) throw new Forbidden('A value is approved by someone other than the person who entered it', 'four_eyes_required');
    await assertOpen(tx, row.period);
    if (decision === 'approve') {
      const evidence = await tx.selectFrom('indicatorEvidence').select('id').where('manualValueId', '=', id).executeTakeFirst();
      if (!evidence) throw new RuleViolation('A manual value without evidence cannot be approved', 'evidence_required', { evidence: 'is required' });
      // The newest approved value of a quarter is the one that counts.
      await tx.updateTable('indicatorManualValues').set({ status: 'superseded' }).where('indicatorCode', '=', code).where('period', '=', row.period).where('status', '=', 'approved').execute();
    }
    await tx
      .updateTable('indicatorManualValues')
      .set({ status: decision === 'approve' ? 'approved' : 'rejected', decidedBy: ctx.user.id, decidedAt: new Date(), version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: `indicator.manual_value_${decision === 'approve' ? 'approved' : 'rejected'}`, entityType: 'indicator', entityId: code, details: { id, period: row.period } });
    return present(tx, ctx, id);
  });
}

/** The manual values of an indicator, newest first. */
export async function listManualValues(ctx: RequestContext, code: string): Promise<{ items: ManualValue[] }> {
  await getDefinition(ctx.db, code);
  const ids = await ctx.db.selectFrom('indicatorManualValues').select('id').where('indicatorCode', '=', code).orderBy('enteredAt', 'desc').execute();
  const items: ManualValue[] = [];
  for (const { id } of ids) items.push(await present(ctx.db, ctx, id));
  return { items };
}

/** An evidence file of a manual value (its download is audited). */
export async function evidenceFile(ctx: RequestContext, code: string, id: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  return inTransaction(ctx.db, async (tx) => {
    const file = await tx
      .selectFrom('indicatorEvidence as e')
      .innerJoin('indicatorManualValues as v', 'v.id', 'e.manualValueId')
      .select(['e.fileName', 'e.contentType', 'e.data'])
      .where('v.id', '=', id)
      .where('v.indicatorCode', '=', code)
      .orderBy('e.uploadedAt', 'desc')
      .executeTakeFirst();
    if (!file) throw new NotFound('Evidence');
    await appendAudit(tx, actorOf(ctx), { action: 'indicator.evidence_downloaded', entityType: 'indicator', entityId: code, details: { id } });
    return file;
  });
}
