// Handover certificates of assistance items: a PDF, JPEG or PNG (content sniffed), kept in the
// database next to the item like a person's photo; reads are audited.
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Invalid, NotFound } from '../../platform/errors';
import { sql } from 'kysely';
import type { AssistanceItem } from '@taama/core';
import { caseInScope } from './reintegration.common';
import { lockItem, readItem } from './assistance.service';
import { recordEvent } from './reintegration.common';

export const CERTIFICATE_MAX_BYTES = 10 * 1024 * 1024;

/** The type a file's first bytes say it is (PDF, JPEG or PNG), or null. */
export function sniffCertificate(data: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** Stores or replaces an item's certificate. */
export async function putCertificate(ctx: RequestContext, caseId: string, itemId: string, data: Buffer): Promise<AssistanceItem> {
  const contentType = sniffCertificate(data);
  if (!contentType) throw new Invalid({ file: 'must be a PDF, JPEG or PNG file' });
  return inTransaction(ctx.db, async (tx) => {
    const { item } = await lockItem(tx, ctx, caseId, itemId);
    if (item.status === 'cancelled') throw new Invalid({ file: 'cannot be attached to a cancelled item' });
    await tx
      .insertInto('assistanceCertificates')
      .values({ assistanceItemId: itemId, contentType, data, createdBy: ctx.user.id })
      .onConflict((oc) => oc.column('assistanceItemId').doUpdateSet({ contentType, data, createdAt: new Date(), createdBy: ctx.user.id }))
      .execute();
    await tx.updateTable('assistanceItems').set({ certificateMime: contentType, certificateSize: data.length, certificateUploadedAt: new Date(), updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` }).where('id', '=', itemId).execute();
    await recordEvent(tx, ctx, caseId, 'certificate_stored', { itemId, bytes: data.length, contentType });
    return readItem(tx, itemId);
  });
}

/** An item's certificate; the read is audited. */
export async function getCertificate(ctx: RequestContext, caseId: string, itemId: string): Promise<{ contentType: string; data: Buffer }> {
  return inTransaction(ctx.db, async (tx) => {
    const found = await tx
      .selectFrom('assistanceItems as ai')
      .innerJoin('reintegrationCases as rc', 'rc.id', 'ai.reintegrationCaseId')
      .select('ai.id')
      .where('ai.id', '=', itemId)
      .where('rc.id', '=', caseId)
      .where(caseInScope(ctx.scope))
      .executeTakeFirst();
    if (!found) throw new NotFound('Assistance item');
    const file = await tx.selectFrom('assistanceCertificates').select(['contentType', 'data']).where('assistanceItemId', '=', itemId).executeTakeFirst();
    if (!file) throw new NotFound('Certificate');
    await appendAudit(tx, actorOf(ctx), { action: 'reintegrationCase.certificate_read', entityType: 'reintegration_case', entityId: caseId, details: { itemId } });
    return file;
  });
}
