// Routes: referrals, tasks, site occupancy and the dashboard; and the module's registration.
import { Type } from 'typebox';
import { DateString, ErrorBody, IdParams, Occupancy, Page, Referral, ReferralInput, ReferralResponse, ReferralsQuery, SiteDashboard, Task, TaskCompletion, TaskInput, TasksQuery, Uuid } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createReferral, getReferral, listReferrals, respondToReferral } from './referrals.service';
import { addTask, approveTask, completeTask, listTasks } from './tasks.service';
import { getOccupancy } from './stays.service';
import { siteDashboard } from './dashboard.service';
import { transitCaseRoutes } from './transit-cases.routes';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const tags = ['protection'];
const OccupancyQuery = Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString) }, { additionalProperties: false });
const DashboardQuery = Type.Object({ siteId: Type.Optional(Uuid), date: Type.Optional(DateString) }, { additionalProperties: false });

async function referralRoutes(app: App): Promise<void> {
  app.post('/transit-cases/:id/referrals', {
    config: { access: { permission: 'referral.manage' } },
    schema: { tags, summary: 'Refer the person (external referrals need data-sharing consent)', params: IdParams, body: ReferralInput, response: { 201: Referral, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createReferral(requireCtx(request), request.params.id, request.body)));

  app.get('/referrals', {
    config: { access: { permission: 'referral.manage' } },
    schema: { tags, summary: 'Incoming and outgoing referrals', querystring: ReferralsQuery, response: { 200: Page(Referral), ...errors } },
  }, async (request) => listReferrals(requireCtx(request), request.query));

  app.get('/referrals/:id', {
    config: { access: { permission: 'referral.manage' } },
    schema: { tags, summary: 'A referral', params: IdParams, response: { 200: Referral, ...errors } },
  }, async (request) => getReferral(requireCtx(request), request.params.id));

  app.post('/referrals/:id/respond', {
    config: { access: { permission: 'referral.manage' } },
    schema: { tags, summary: 'Respond to a referral sent to your organisation (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: ReferralResponse, response: { 200: Referral, ...errors } },
  }, async (request) => respondToReferral(requireCtx(request), request.params.id, expectedVersion(request), request.body));
}

async function taskRoutes(app: App): Promise<void> {
  app.post('/transit-cases/:id/tasks', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Add a task to a case', params: IdParams, body: TaskInput, response: { 201: Task, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addTask(requireCtx(request), request.params.id, request.body)));

  app.get('/tasks', {
    config: { access: { permission: 'transitCase.read' } },
    schema: { tags, summary: 'Tasks of the cases in scope, by due date', querystring: TasksQuery, response: { 200: Page(Task), ...errors } },
  }, async (request) => listTasks(requireCtx(request), request.query));

  app.post('/tasks/:id/complete', {
    config: { access: { permission: 'transitCase.update' } },
    schema: { tags, summary: 'Complete a task (configured steps then await approval)', params: IdParams, body: TaskCompletion, response: { 200: Task, ...errors } },
  }, async (request) => completeTask(requireCtx(request), request.params.id, request.body));

  app.post('/tasks/:id/approve', {
    config: { access: { permission: 'transitCase.approve' } },
    schema: { tags, summary: 'Approve a completed step (not by the person who completed it)', params: IdParams, response: { 200: Task, ...errors } },
  }, async (request) => approveTask(requireCtx(request), request.params.id));
}

/** Registers every protection route. */
export async function protectionRoutes(app: App): Promise<void> {
  await transitCaseRoutes(app);
  await referralRoutes(app);
  await taskRoutes(app);

  app.get('/sites/:id/occupancy', {
    config: { access: { permission: 'transitCase.read' } },
    schema: { tags, summary: 'Nightly occupancy of a site', params: IdParams, querystring: OccupancyQuery, response: { 200: Occupancy, ...errors } },
  }, async (request) => getOccupancy(requireCtx(request), request.params.id, request.query));

  app.get('/protection/dashboard', {
    config: { access: { permission: 'transitCase.read' } },
    schema: { tags, summary: 'A site’s protection dashboard', querystring: DashboardQuery, response: { 200: SiteDashboard, ...errors } },
  }, async (request) => siteDashboard(requireCtx(request), request.query));
}
