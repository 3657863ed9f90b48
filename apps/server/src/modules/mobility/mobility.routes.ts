// Routes: /mobility — border posts, institutions, equipment, incidents, the dashboard and the rights
// reference; trainings in their own file.
import {
  BorderPost,
  BorderPostInput,
  BorderPostPage,
  BorderPostPatch,
  BorderPostQuery,
  Equipment,
  EquipmentInput,
  EquipmentPage,
  EquipmentPatch,
  EquipmentQuery,
  ErrorBody,
  IdParams,
  Incident,
  IncidentInput,
  IncidentPage,
  IncidentPatch,
  IncidentQuery,
  IncidentStats,
  IncidentStatsQuery,
  Institution,
  InstitutionInput,
  InstitutionPage,
  InstitutionPatch,
  InstitutionQuery,
  MobilityDashboard,
  MobilityDashboardQuery,
  RightsAnswer,
  RightsQuery,
} from '@taama/core';
import type { App, AppDeps } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createBorderPost, createInstitution, listBorderPosts, listInstitutions, updateBorderPost, updateInstitution } from './reference.service';
import { createEquipment, listEquipment, updateEquipment } from './equipment.service';
import { createIncident, getIncident, listIncidents, updateIncident } from './incidents.service';
import { incidentStats, mobilityDashboard } from './dashboard.service';
import { rightsAnswer } from './rights.service';
import { trainingRoutes } from './trainings.routes';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };
const tags = ['mobility'];
const read = { access: { permission: 'mobility.read' as const } };
const manage = { access: { permission: 'mobility.manage' as const } };

async function referenceRoutes(app: App): Promise<void> {
  app.get('/mobility/border-posts', {
    config: read,
    schema: { tags, summary: 'Border posts (shared reference records)', querystring: BorderPostQuery, response: { 200: BorderPostPage, ...errors } },
  }, async (request) => listBorderPosts(requireCtx(request), request.query));

  app.post('/mobility/border-posts', {
    config: manage,
    schema: { tags, summary: 'Add a border post', body: BorderPostInput, response: { 201: BorderPost, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createBorderPost(requireCtx(request), request.body)));

  app.patch('/mobility/border-posts/:id', {
    config: manage,
    schema: { tags, summary: 'Edit a border post (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: BorderPostPatch, response: { 200: BorderPost, ...errors } },
  }, async (request) => updateBorderPost(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.get('/mobility/institutions', {
    config: read,
    schema: { tags, summary: 'Institutions (shared reference records)', querystring: InstitutionQuery, response: { 200: InstitutionPage, ...errors } },
  }, async (request) => listInstitutions(requireCtx(request), request.query));

  app.post('/mobility/institutions', {
    config: manage,
    schema: { tags, summary: 'Add an institution', body: InstitutionInput, response: { 201: Institution, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createInstitution(requireCtx(request), request.body)));

  app.patch('/mobility/institutions/:id', {
    config: manage,
    schema: { tags, summary: 'Edit an institution (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: InstitutionPatch, response: { 200: Institution, ...errors } },
  }, async (request) => updateInstitution(requireCtx(request), request.params.id, expectedVersion(request), request.body));
}

async function equipmentRoutes(app: App): Promise<void> {
  app.get('/mobility/equipment', {
    config: read,
    schema: { tags, summary: 'Equipment handed over', querystring: EquipmentQuery, response: { 200: EquipmentPage, ...errors } },
  }, async (request) => listEquipment(requireCtx(request), request.query));

  app.post('/mobility/equipment', {
    config: manage,
    schema: { tags, summary: 'Record an equipment handover', body: EquipmentInput, response: { 201: Equipment, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createEquipment(requireCtx(request), request.body)));

  app.patch('/mobility/equipment/:id', {
    config: manage,
    schema: { tags, summary: 'Edit a handover (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: EquipmentPatch, response: { 200: Equipment, ...errors } },
  }, async (request) => updateEquipment(requireCtx(request), request.params.id, expectedVersion(request), request.body));
}

async function incidentRoutes(app: App): Promise<void> {
  app.get('/mobility/incidents', {
    config: read,
    schema: { tags, summary: 'Free-movement incidents, newest first', querystring: IncidentQuery, response: { 200: IncidentPage, ...errors } },
  }, async (request) => listIncidents(requireCtx(request), request.query));

  app.get('/mobility/incidents/stats', {
    config: read,
    schema: { tags, summary: 'Incident counts by corridor, border post, type or month', querystring: IncidentStatsQuery, response: { 200: IncidentStats, ...errors } },
  }, async (request) => incidentStats(requireCtx(request), request.query));

  app.post('/mobility/incidents', {
    config: manage,
    schema: { tags, summary: 'Log an incident (reporter identity is sensitive)', body: IncidentInput, response: { 201: Incident, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createIncident(requireCtx(request), request.body)));

  app.get('/mobility/incidents/:id', {
    config: read,
    schema: { tags, summary: 'An incident', params: IdParams, response: { 200: Incident, ...errors } },
  }, async (request) => getIncident(requireCtx(request), request.params.id));

  app.patch('/mobility/incidents/:id', {
    config: manage,
    schema: { tags, summary: 'Edit an incident (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: IncidentPatch, response: { 200: Incident, ...errors } },
  }, async (request) => updateIncident(requireCtx(request), request.params.id, expectedVersion(request), request.body));
}

/** Registers every free-movement route. */
export async function mobilityRoutes(app: App, deps: AppDeps): Promise<void> {
  await referenceRoutes(app);
  await trainingRoutes(app);
  await equipmentRoutes(app);
  await incidentRoutes(app);

  app.get('/mobility/dashboard', {
    config: read,
    schema: { tags, summary: 'Officials trained, institutions strengthened, equipment and incidents', querystring: MobilityDashboardQuery, response: { 200: MobilityDashboard, ...errors } },
  }, async (request) => mobilityDashboard(requireCtx(request), request.query));

  app.get('/mobility/rights', {
    config: read,
    schema: { tags, summary: 'Free-movement rights of a national in a host country on a date (ECOWAS; AES transition)', querystring: RightsQuery, response: { 200: RightsAnswer, ...errors } },
  }, async (request) => rightsAnswer(deps.config.dataDir, request.query));
}
