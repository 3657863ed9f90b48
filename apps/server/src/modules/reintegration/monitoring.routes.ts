// Routes: collective projects, monitoring visits, spot checks, satisfaction surveys and the dashboard.
import { Type } from 'typebox';
import {
  IdParams,
  OverdueVisitsQuery,
  Page,
  PageQuery,
  Project,
  ProjectBudget,
  ProjectInput,
  ProjectPatch,
  ProjectsQuery,
  ProjectSummary,
  ReintegrationDashboard,
  ReintegrationDashboardQuery,
  Satisfaction,
  SatisfactionInput,
  SpotCheck,
  SpotCheckInput,
  SpotCheckItemInput,
  Uuid,
  Visit,
  VisitInput,
  VisitOutcomeInput,
} from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { errors, tags } from './cases.routes';
import { createProject, getProject, listProjects, projectBudget, updateProject } from './projects.service';
import { addVisit, overdueVisits, recordOutcome } from './visits.service';
import { drawSpotCheck, listSpotChecks, recordSpotCheckItem } from './spot-checks.service';
import { addSatisfaction } from './satisfaction.service';
import { reintegrationDashboard } from './dashboard.service';

const VisitParams = Type.Object({ id: Uuid, visitId: Uuid }, { additionalProperties: false });
const SpotCheckItemParams = Type.Object({ id: Uuid, itemId: Uuid }, { additionalProperties: false });

async function projectRoutes(app: App): Promise<void> {
  app.post('/reintegration-projects', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Create a collective or community project; its budget is apportioned per beneficiary', body: ProjectInput, response: { 201: Project, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createProject(requireCtx(request), request.body)));

  app.get('/reintegration-projects', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'Projects, newest first', querystring: ProjectsQuery, response: { 200: Page(ProjectSummary), ...errors } },
  }, async (request) => listProjects(requireCtx(request), request.query));

  app.get('/reintegration-projects/:id', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'A project with its beneficiaries and shares', params: IdParams, response: { 200: Project, ...errors } },
  }, async (request) => getProject(requireCtx(request), request.params.id));

  app.patch('/reintegration-projects/:id', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Edit a project (If-Match: version); the budget is apportioned again', params: IdParams, headers: IfMatchHeaders, body: ProjectPatch, response: { 200: Project, ...errors } },
  }, async (request) => updateProject(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.get('/reintegration-projects/:id/budget', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'Apportioned and disbursed amounts per beneficiary', params: IdParams, response: { 200: ProjectBudget, ...errors } },
  }, async (request) => projectBudget(requireCtx(request), request.params.id));
}

async function visitRoutes(app: App): Promise<void> {
  app.post('/reintegration-cases/:id/visits', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Schedule an extra monitoring visit', params: IdParams, body: VisitInput, response: { 201: Visit, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addVisit(requireCtx(request), request.params.id, request.body)));

  app.post('/reintegration-cases/:id/visits/:visitId/outcome', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Record a visit as done (with findings and business status) or missed', params: VisitParams, body: VisitOutcomeInput, response: { 200: Visit, ...errors } },
  }, async (request) => recordOutcome(requireCtx(request), request.params.id, request.params.visitId, request.body));

  app.get('/reintegration/visits/overdue', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'Visits still scheduled after their date, oldest first', querystring: OverdueVisitsQuery, response: { 200: Page(Visit), ...errors } },
  }, async (request) => overdueVisits(requireCtx(request), request.query));
}

async function spotCheckRoutes(app: App): Promise<void> {
  app.post('/reintegration/spot-checks', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Draw a reproducible sample of delivered items with a certificate', body: SpotCheckInput, response: { 201: SpotCheck, ...errors } },
  }, async (request, reply) => reply.status(201).send(await drawSpotCheck(requireCtx(request), request.body ?? {})));

  app.post('/reintegration/spot-checks/:id/items/:itemId', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Record the outcome of checking a sampled item', params: SpotCheckItemParams, body: SpotCheckItemInput, response: { 200: SpotCheck, ...errors } },
  }, async (request) => recordSpotCheckItem(requireCtx(request), request.params.id, request.params.itemId, request.body));

  app.get('/reintegration/spot-checks', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'Spot checks, newest first', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(SpotCheck), ...errors } },
  }, async (request) => listSpotChecks(requireCtx(request), request.query));
}

/** Registers projects, visits, spot checks, satisfaction and the dashboard. */
export async function monitoringRoutes(app: App): Promise<void> {
  await projectRoutes(app);
  await visitRoutes(app);
  await spotCheckRoutes(app);

  app.post('/reintegration-cases/:id/satisfaction', {
    config: { access: { permission: 'reintegrationCase.update' } },
    schema: { tags, summary: 'Record a satisfaction survey (each question 1–5)', params: IdParams, body: SatisfactionInput, response: { 201: Satisfaction, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addSatisfaction(requireCtx(request), request.params.id, request.body)));

  app.get('/reintegration/dashboard', {
    config: { access: { permission: 'reintegrationCase.read' } },
    schema: { tags, summary: 'Funnel, assistance by type, cases by region, overdue plans and visits', querystring: ReintegrationDashboardQuery, response: { 200: ReintegrationDashboard, ...errors } },
  }, async (request) => reintegrationDashboard(requireCtx(request), request.query));
}
