// A person's photo (SPEC §4): optional, sensitive, stored only with a photo consent.
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Forbidden, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { findPersonRow } from './people.repo';
import { hasActiveConsent } from './consent.service';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** Checks the first bytes, so a file is what its content type says. */
export function photoMatchesType(data: Buffer, contentType: string): boolean {
  switch (contentType) {
    case 'image/jpeg':
      return data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
    case 'image/png':
      return data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/webp':
      return data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP';
    default:
      return false;
  }
}

/** Stores or replaces the photo. */
export async function putPhoto(ctx: RequestContext, personId: string, contentType: string, data: Buffer): Promise<void> {
  if (!photoMatchesType(data, contentType)) throw new Invalid({ body: `is not a ${contentType} image` });
  await inTransaction(ctx.db, async (tx) => {
    const person = await findPersonRow(tx, ctx.scope, personId);
    if (!person || person.status !== 'active') throw new NotFound('Person');
    if (!(await hasActiveConsent(tx, personId, 'photo'))) throw new RuleViolation('A photo needs the person’s consent to be photographed', 'consent_required', { photo: 'needs an active photo consent' });
    await tx
      .insertInto('personPhotos')
      .values({ personId, contentType, data, createdBy: ctx.user.id })
      .onConflict((oc) => oc.column('personId').doUpdateSet({ contentType, data, createdAt: new Date(), createdBy: ctx.user.id }))
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'person.photo_stored', entityType: 'person', entityId: personId, details: { bytes: data.length } });
  });
}

/** The photo, for roles cleared for sensitive data only; the read is audited. */
export async function getPhoto(ctx: RequestContext, personId: string): Promise<{ contentType: string; data: Buffer }> {
  if (ctx.maxSensitivity !== 'sensitive') throw new Forbidden('Photos are sensitive data your role cannot see');
  return inTransaction(ctx.db, async (tx) => {
    if (!(await findPersonRow(tx, ctx.scope, personId))) throw new NotFound('Person');
    const photo = await tx.selectFrom('personPhotos').select(['contentType', 'data']).where('personId', '=', personId).executeTakeFirst();
    if (!photo) throw new NotFound('Photo');
    await appendAudit(tx, actorOf(ctx), { action: 'person.photo_read', entityType: 'person', entityId: personId });
    return photo;
  });
}

/** Deletes the photo (e.g. when the consent is withdrawn). */
export async function deletePhoto(ctx: RequestContext, personId: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await findPersonRow(tx, ctx.scope, personId))) throw new NotFound('Person');
    const removed = await tx.deleteFrom('personPhotos').where('personId', '=', personId).returning('personId').execute();
    if (removed.length === 0) throw new NotFound('Photo');
    await appendAudit(tx, actorOf(ctx), { action: 'person.photo_deleted', entityType: 'person', entityId: personId });
  });
}
