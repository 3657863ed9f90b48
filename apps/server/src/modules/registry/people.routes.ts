// Routes: /people — register, search, read, edit, consents, timeline, photo (SPEC §4, §13).
import { Type } from 'typebox';
import {
  Consent,
  ConsentInput,
  ConsentWithdrawal,
  ErrorBody,
  IdParams,
  PeoplePage,
  PeopleQuery,
  Person,
  PersonCreated,
  PersonInput,
  PersonPatch,
  TimelineEntry,
  Uuid,
} from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { getPerson, registerPerson, searchPeople, updatePerson } from './people.service';
import { addConsent, withdrawConsent } from './consent.service';
import { timelineOf } from './timeline.service';
import { deletePhoto, getPhoto, PHOTO_MAX_BYTES, PHOTO_TYPES, putPhoto } from './photo.service';

export const registryErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const errors = registryErrors;
const tags = ['registry'];
const ConsentParams = Type.Object({ id: Uuid, consentId: Uuid }, { additionalProperties: false });

/** Registers the people routes. */
export async function peopleRoutes(app: App): Promise<void> {
  app.post('/people', {
    config: { access: { permission: 'person.create' } },
    schema: { tags, summary: 'Register a person; the response lists possible duplicates', body: PersonInput, response: { 201: PersonCreated, ...errors } },
  }, async (request, reply) => reply.status(201).send(await registerPerson(requireCtx(request), request.body)));

  app.get('/people', {
    config: { access: { permission: 'person.read' } },
    schema: { tags, summary: 'List people, or search them by name, case number, phone or document (ranked)', querystring: PeopleQuery, response: { 200: PeoplePage, ...errors } },
  }, async (request) => searchPeople(requireCtx(request), request.query));

  app.get('/people/:id', {
    config: { access: { permission: 'person.read' } },
    schema: { tags, summary: 'Read a person (the read is audited)', params: IdParams, response: { 200: Person, ...errors } },
  }, async (request) => getPerson(requireCtx(request), request.params.id));

  app.patch('/people/:id', {
    config: { access: { permission: 'person.update' } },
    schema: { tags, summary: 'Edit a person (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: PersonPatch, response: { 200: Person, ...errors } },
  }, async (request) => updatePerson(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.post('/people/:id/consents', {
    config: { access: { permission: 'person.update' } },
    schema: { tags, summary: 'Record a consent', params: IdParams, body: ConsentInput, response: { 201: Consent, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addConsent(requireCtx(request), request.params.id, request.body)));

  app.post('/people/:id/consents/:consentId/withdraw', {
    config: { access: { permission: 'person.update' } },
    schema: { tags, summary: 'Withdraw a consent', params: ConsentParams, body: ConsentWithdrawal, response: { 200: Consent, ...errors } },
  }, async (request) => withdrawConsent(requireCtx(request), request.params.id, request.params.consentId, request.body));

  app.get('/people/:id/timeline', {
    config: { access: { permission: 'person.read' } },
    schema: { tags, summary: 'Everything that happened to a person, newest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(TimelineEntry) }), ...errors } },
  }, async (request) => timelineOf(requireCtx(request), request.params.id));

  app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.put('/people/:id/photo', {
    config: { access: { permission: 'person.update' } },
    bodyLimit: PHOTO_MAX_BYTES,
    schema: { tags, summary: 'Store the photo (raw JPEG, PNG or WebP body, at most 2 MB; needs a photo consent)', params: IdParams, response: { 204: Type.Null(), ...errors, 413: ErrorBody, 415: ErrorBody } },
  }, async (request, reply) => {
    const type = String(request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (!Buffer.isBuffer(request.body)) return reply.status(415).send({ error: { code: 'unsupported_media_type', message: 'Send a JPEG, PNG or WebP image', fields: { 'content-type': `must be one of ${PHOTO_TYPES.join(', ')}` } } });
    await putPhoto(requireCtx(request), request.params.id, type, request.body);
    return reply.status(204).send(null);
  });

  app.get('/people/:id/photo', {
    config: { access: { permission: 'person.read' } },
    schema: { tags, summary: 'The photo (roles cleared for sensitive data only; audited)', params: IdParams, response: { 200: Type.Unknown({ description: 'the image bytes' }), ...errors } },
  }, async (request, reply) => {
    const photo = await getPhoto(requireCtx(request), request.params.id);
    return reply.header('content-type', photo.contentType).header('cache-control', 'no-store').send(photo.data);
  });

  app.delete('/people/:id/photo', {
    config: { access: { permission: 'person.update' } },
    schema: { tags, summary: 'Delete the photo', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deletePhoto(requireCtx(request), request.params.id);
    return reply.status(204).send(null);
  });
}
