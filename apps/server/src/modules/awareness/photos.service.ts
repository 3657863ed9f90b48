// Activity photos (SPEC §9): JPEG or PNG up to 10 MB, recognised by their first bytes, stored in the
// database like the registry's photos.
import { newId, type ActivityPhoto } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { photoMatchesType } from '../registry/photo.service';
import { ACTIVITY_SCOPE, isoOf } from './awareness.common';

export const ACTIVITY_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const ACTIVITY_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The image type the bytes show, whatever the upload claimed; undefined when neither JPEG nor PNG. */
export function sniffPhoto(data: Buffer): (typeof ACTIVITY_PHOTO_TYPES)[number] | undefined {
  return ACTIVITY_PHOTO_TYPES.find((type) => photoMatchesType(data, type));
}

async function activityInScope(ctx: RequestContext, db: Db | Tx, id: string): Promise<void> {
  const found = await db.selectFrom('awarenessActivities as a').select('a.id').where('a.id', '=', id).where(inScope(ctx.scope, ACTIVITY_SCOPE)).executeTakeFirst();
  if (!found) throw new NotFound('Activity');
}

/** Stores a photo of an activity in scope. */
export async function addActivityPhoto(ctx: RequestContext, activityId: string, data: Buffer): Promise<ActivityPhoto> {
  const contentType = sniffPhoto(data);
  if (!contentType) throw new Invalid({ file: 'must be a JPEG or PNG image' });
  return inTransaction(ctx.db, async (tx) => {
    await activityInScope(ctx, tx, activityId);
    const id = newId();
    const row = await tx.insertInto('awarenessActivityPhotos').values({ id, activityId, contentType, size: data.length, data, createdBy: ctx.user.id }).returning('createdAt').executeTakeFirstOrThrow();
    await appendAudit(tx, actorOf(ctx), { action: 'awarenessActivity.photo_added', entityType: 'awareness_activity', entityId: activityId, details: { photoId: id, bytes: data.length } });
    return { id, contentType, size: data.length, createdAt: isoOf(row.createdAt) };
  });
}

/** The bytes of a photo of an activity in scope. */
export async function getActivityPhoto(ctx: RequestContext, activityId: string, photoId: string): Promise<{ contentType: string; data: Buffer }> {
  await activityInScope(ctx, ctx.db, activityId);
  const photo = await ctx.db.selectFrom('awarenessActivityPhotos').select(['contentType', 'data']).where('id', '=', photoId).where('activityId', '=', activityId).executeTakeFirst();
  if (!photo) throw new NotFound('Photo');
  return photo;
}
