// Routes: /mobility/trainings — sessions and their trainees.
import { ErrorBody, IdParams, TraineesInput, Training, TrainingInput, TrainingPage, TrainingPatch, TrainingQuery } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createTraining, getTraining, listTrainings, putTrainees, updateTraining } from './trainings.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };
const tags = ['mobility'];

/** Registers the training routes. */
export async function trainingRoutes(app: App): Promise<void> {
  app.get('/mobility/trainings', {
    config: { access: { permission: 'mobility.read' } },
    schema: { tags, summary: 'Trainings, newest first', querystring: TrainingQuery, response: { 200: TrainingPage, ...errors } },
  }, async (request) => listTrainings(requireCtx(request), request.query));

  app.post('/mobility/trainings', {
    config: { access: { permission: 'mobility.manage' } },
    schema: { tags, summary: 'Create a training', body: TrainingInput, response: { 201: Training, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createTraining(requireCtx(request), request.body)));

  app.get('/mobility/trainings/:id', {
    config: { access: { permission: 'mobility.read' } },
    schema: { tags, summary: 'A training with its trainees and mean pre/post scores', params: IdParams, response: { 200: Training, ...errors } },
  }, async (request) => getTraining(requireCtx(request), request.params.id));

  app.patch('/mobility/trainings/:id', {
    config: { access: { permission: 'mobility.manage' } },
    schema: { tags, summary: 'Edit a training (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: TrainingPatch, response: { 200: Training, ...errors } },
  }, async (request) => updateTraining(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.put('/mobility/trainings/:id/trainees', {
    config: { access: { permission: 'mobility.manage' } },
    schema: { tags, summary: 'Replace the trainee list (completion needs the minimum attendance)', params: IdParams, body: TraineesInput, response: { 200: Training, ...errors } },
  }, async (request) => putTrainees(requireCtx(request), request.params.id, request.body));
}
