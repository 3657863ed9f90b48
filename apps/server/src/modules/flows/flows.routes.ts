// Routes: /flows — points, counts, surveys, collections. Import, statistics, quality and open
// data have their own route files, registered from here.
import {
  ErrorBody,
  FlowCollection,
  FlowCollectionInput,
  FlowCollectionPage,
  FlowCollectionPatch,
  FlowCollectionQuery,
  FlowCount,
  FlowCountInput,
  FlowCountPage,
  FlowCountPatch,
  FlowCountQuery,
  FlowCountTransition,
  FlowPoint,
  FlowPointInput,
  FlowPointPage,
  FlowPointPatch,
  FlowPointParams,
  FlowSurvey,
  FlowSurveyInput,
  FlowSurveyPage,
  FlowSurveyQuery,
  IdParams,
} from '@taama/core';
import type { App, AppDeps } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createPoint, listPoints, updatePoint } from './points.service';
import { createCount, getCount, listCounts, transitionCount, updateCount } from './counts.service';
import { createSurvey, getSurvey, listSurveys } from './surveys.service';
import { createCollection, getCollection, listCollections, updateCollection } from './collections.service';
import { importRoutes } from './import/import.routes';
import { statsRoutes } from './stats.routes';
import { openDataRoutes } from './opendata.routes';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const tags = ['flows'];

/** Registers every /flows route. */
export async function flowsRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get('/flows/points', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'List flow monitoring points', response: { 200: FlowPointPage, ...errors } },
  }, async (request) => listPoints(requireCtx(request).db));

  app.post('/flows/points', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Create a flow monitoring point', body: FlowPointInput, response: { 201: FlowPoint, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createPoint(requireCtx(request), request.body)));

  app.patch('/flows/points/:id', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Edit a flow monitoring point (If-Match: version)', params: FlowPointParams, headers: IfMatchHeaders, body: FlowPointPatch, response: { 200: FlowPoint, ...errors } },
  }, async (request) => updatePoint(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.get('/flows/counts', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'List flow counts, newest first', querystring: FlowCountQuery, response: { 200: FlowCountPage, ...errors } },
  }, async (request) => listCounts(requireCtx(request), request.query));

  app.post('/flows/counts', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Record a flow count', body: FlowCountInput, response: { 201: FlowCount, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createCount(requireCtx(request), request.body)));

  app.get('/flows/counts/:id', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'Get a flow count', params: IdParams, response: { 200: FlowCount, ...errors } },
  }, async (request) => getCount(requireCtx(request), request.params.id));

  app.patch('/flows/counts/:id', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Edit a draft or rejected flow count (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: FlowCountPatch, response: { 200: FlowCount, ...errors } },
  }, async (request) => updateCount(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.post('/flows/counts/:id/transitions', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Submit, validate or reject a flow count (validate/reject need flow.validate)', params: IdParams, body: FlowCountTransition, response: { 200: FlowCount, ...errors } },
  }, async (request) => transitionCount(requireCtx(request), request.params.id, request.body));

  app.get('/flows/surveys', {
    config: { access: { permission: 'flowSurvey.read' } },
    schema: { tags, summary: 'List flow surveys (microdata)', querystring: FlowSurveyQuery, response: { 200: FlowSurveyPage, ...errors } },
  }, async (request) => listSurveys(requireCtx(request), request.query));

  app.get('/flows/surveys/:id', {
    config: { access: { permission: 'flowSurvey.read' } },
    schema: { tags, summary: 'Get a flow survey (microdata)', params: IdParams, response: { 200: FlowSurvey, ...errors } },
  }, async (request) => getSurvey(requireCtx(request), request.params.id));

  app.post('/flows/surveys', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Record a flow survey', body: FlowSurveyInput, response: { 201: FlowSurvey, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createSurvey(requireCtx(request), request.body)));

  app.get('/flows/collections', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'List data collection exercises', querystring: FlowCollectionQuery, response: { 200: FlowCollectionPage, ...errors } },
  }, async (request) => listCollections(requireCtx(request), request.query));

  app.post('/flows/collections', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Create a data collection exercise', body: FlowCollectionInput, response: { 201: FlowCollection, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createCollection(requireCtx(request), request.body)));

  app.get('/flows/collections/:id', {
    config: { access: { permission: 'flow.read' } },
    schema: { tags, summary: 'Get a data collection exercise', params: IdParams, response: { 200: FlowCollection, ...errors } },
  }, async (request) => getCollection(requireCtx(request), request.params.id));

  app.patch('/flows/collections/:id', {
    config: { access: { permission: 'flow.manage' } },
    schema: { tags, summary: 'Edit a data collection exercise (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: FlowCollectionPatch, response: { 200: FlowCollection, ...errors } },
  }, async (request) => updateCollection(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  await importRoutes(app, deps);
  await statsRoutes(app);
  await openDataRoutes(app);
}
