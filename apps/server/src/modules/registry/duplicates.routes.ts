// Routes: duplicate checks, the review queue, merge and unmerge (SPEC §4, §13).
import { Type } from 'typebox';
import { DuplicateCheckInput, DuplicatePair, IdParams, Merge, MergeInput, Page, PageQuery, Person, PossibleDuplicate, Uuid } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { checkDuplicates, dismissPair, duplicateQueue, duplicatesOf } from './duplicates.service';
import { mergePerson, mergesOf, unmergePerson } from './merge.service';
import { registryErrors as errors } from './people.routes';

const tags = ['registry'];
const Candidates = Type.Object({ items: Type.Array(PossibleDuplicate) });
const PairParams = Type.Object({ id: Uuid, otherId: Uuid }, { additionalProperties: false });

/** Registers the duplicate and merge routes. */
export async function duplicateRoutes(app: App): Promise<void> {
  app.post('/people/duplicate-check', {
    config: { access: { permission: 'person.create' } },
    schema: { tags, summary: 'Possible duplicates of a record being typed (nothing is saved)', body: DuplicateCheckInput, response: { 200: Candidates, ...errors } },
  }, async (request) => checkDuplicates(requireCtx(request), request.body));

  app.get('/people/:id/duplicates', {
    config: { access: { permission: 'person.read' } },
    schema: { tags, summary: 'Possible duplicates of a person, found now', params: IdParams, response: { 200: Candidates, ...errors } },
  }, async (request) => duplicatesOf(requireCtx(request), request.params.id));

  app.post('/people/:id/duplicates/:otherId/dismiss', {
    config: { access: { permission: 'person.merge' } },
    schema: { tags, summary: 'Say two records are different people', params: PairParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await dismissPair(requireCtx(request), request.params.id, request.params.otherId);
    return reply.status(204).send(null);
  });

  app.get('/duplicates', {
    config: { access: { permission: 'person.merge' } },
    schema: { tags, summary: 'The duplicate review queue, highest score first', querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }), response: { 200: Page(DuplicatePair), ...errors } },
  }, async (request) => duplicateQueue(requireCtx(request), request.query));

  app.post('/people/:id/merge', {
    config: { access: { permission: 'person.merge' } },
    schema: { tags, summary: 'Merge this record into `intoId`; linked records follow the survivor', params: IdParams, body: MergeInput, response: { 200: Person, ...errors } },
  }, async (request) => mergePerson(requireCtx(request), request.params.id, request.body.intoId));

  app.post('/people/:id/unmerge', {
    config: { access: { permission: 'person.merge' } },
    schema: { tags, summary: 'Undo the latest merge of this record', params: IdParams, response: { 200: Person, ...errors } },
  }, async (request) => unmergePerson(requireCtx(request), request.params.id));

  app.get('/people/:id/merges', {
    config: { access: { permission: 'person.read' } },
    schema: { tags, summary: 'Merges this record took part in', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Merge) }), ...errors } },
  }, async (request) => mergesOf(requireCtx(request), request.params.id));
}
