// Routes: /awareness/activities — records, named participant lists and photos (multipart upload).
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { Activity, ActivityInput, ActivityPage, ActivityPatch, ActivityPhoto, ActivityQuery, ErrorBody, IdParams, ParticipantList, ParticipantsInput, PhotoParams } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { Invalid } from '../../platform/errors';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createActivity, getActivity, listActivities, updateActivity } from './activities.service';
import { getParticipants, putParticipants } from './participants.service';
import { ACTIVITY_PHOTO_MAX_BYTES, addActivityPhoto, getActivityPhoto } from './photos.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };
const tags = ['awareness'];
const read = { access: { permission: 'awareness.read' as const } };
const manage = { access: { permission: 'awareness.manage' as const } };

/** Registers the activity routes. */
export async function activityRoutes(app: App): Promise<void> {
  app.post('/awareness/activities', {
    config: manage,
    schema: { tags, summary: 'Record an activity (counted reach must add up; estimates for mass media only)', body: ActivityInput, response: { 201: Activity, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createActivity(requireCtx(request), request.body)));

  app.get('/awareness/activities', {
    config: read,
    schema: { tags, summary: 'Activities, newest first', querystring: ActivityQuery, response: { 200: ActivityPage, ...errors } },
  }, async (request) => listActivities(requireCtx(request), request.query));

  app.get('/awareness/activities/:id', {
    config: read,
    schema: { tags, summary: 'An activity', params: IdParams, response: { 200: Activity, ...errors } },
  }, async (request) => getActivity(requireCtx(request), request.params.id));

  app.patch('/awareness/activities/:id', {
    config: manage,
    schema: { tags, summary: 'Edit an activity (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: ActivityPatch, response: { 200: Activity, ...errors } },
  }, async (request) => updateActivity(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.put('/awareness/activities/:id/participants', {
    config: manage,
    schema: { tags, summary: 'Replace the named participant list (must match the counted reach by sex × age)', params: IdParams, body: ParticipantsInput, response: { 200: ParticipantList, ...errors } },
  }, async (request) => putParticipants(requireCtx(request), request.params.id, request.body));

  app.get('/awareness/activities/:id/participants', {
    config: read,
    schema: { tags, summary: 'The named participant list as last saved (audited read)', params: IdParams, response: { 200: ParticipantList, ...errors } },
  }, async (request) => getParticipants(requireCtx(request), request.params.id));

  app.get('/awareness/activities/:id/photos/:photoId', {
    config: read,
    schema: { tags, summary: 'A photo of an activity (the image bytes)', params: PhotoParams, response: { 200: Type.Unknown({ description: 'the image bytes' }), ...errors } },
  }, async (request, reply) => {
    const photo = await getActivityPhoto(requireCtx(request), request.params.id, request.params.photoId);
    return reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=3600').send(photo.data);
  });

  // Multipart is parsed only under this scope, with its own limits.
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { fileSize: ACTIVITY_PHOTO_MAX_BYTES, files: 1, fields: 5, parts: 6 } });
    scoped.post('/awareness/activities/:id/photos', {
      config: manage,
      bodyLimit: ACTIVITY_PHOTO_MAX_BYTES + 64 * 1024,
      schema: { tags, summary: 'Add a photo (multipart field `file`: JPEG or PNG, at most 10 MB, checked by content)', params: IdParams, response: { 201: ActivityPhoto, ...errors, 413: ErrorBody, 415: ErrorBody } },
    }, async (request, reply) => {
      const ctx = requireCtx(request);
      const file = await request.file();
      if (!file || file.fieldname !== 'file') throw new Invalid({ file: 'is required (multipart field "file")' });
      const data = await file.toBuffer();
      return reply.status(201).send(await addActivityPhoto(ctx, request.params.id, data));
    });
  });
}
